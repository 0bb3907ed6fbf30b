/**
 * File text as lines. A line keeps a trailing `\r` as part of its text (as git and jsdiff do), so
 * CRLF and mixed line endings survive a diff and its application byte for byte.
 */

/** The lines of a text without their `\n`, and whether the last one had a `\n`. */
export interface TextLines {
  lines: string[];
  finalNewline: boolean;
}

/** Splits text into lines; the empty text has no lines. */
export function splitText(text: string): TextLines {
  if (text === '') return { lines: [], finalNewline: true };
  const lines = text.split('\n');
  const finalNewline = lines[lines.length - 1] === '';
  if (finalNewline) lines.pop();
  return { lines, finalNewline };
}

/** The inverse of {@link splitText}. */
export function joinText({ lines, finalNewline }: TextLines): string {
  if (lines.length === 0) return '';
  return lines.join('\n') + (finalNewline ? '\n' : '');
}

/** The marker unified diffs put after a line that has no `\n`. */
export const NO_NEWLINE_MARKER = '\\ No newline at end of file';
