/**
 * Applying the hunks of one file to its text. Hunks apply in order to the text as changed by the
 * ones before, each placed by search (see hunkLocate), so offsets drift the way they do in GNU
 * patch: a hunk found 5 lines late moves the expectation for the next one by 5 as well.
 */
import type { HunkLine, ParsedHunk } from './hunkParse';
import { diagnose, locate, oldSide } from './hunkLocate';
import type { Match } from './hunkLocate';
import { joinText, splitText } from './textLines';

/** The new text, or which hunk (1-based) failed and why. */
export type HunksResult = { ok: true; text: string } | { ok: false; hunk: number; detail: string };

function mostlyCrlf(lines: readonly string[]): boolean {
  const crlf = lines.filter((l) => l.endsWith('\r')).length;
  return crlf * 2 > lines.length;
}

/** Line-end conversion for added lines when a hunk matched only loosely (CRLF vs LF). */
function eolFix(fileLines: readonly string[], hunkLines: readonly HunkLine[]) {
  const fileCrlf = mostlyCrlf(fileLines);
  const patchCrlf = mostlyCrlf(hunkLines.map((l) => l.text));
  if (fileCrlf === patchCrlf) return (text: string) => text;
  return fileCrlf
    ? (text: string) => (text.endsWith('\r') ? text : `${text}\r`)
    : (text: string) => text.replace(/\r$/, '');
}

/** The lines that replace the matched region: the file's own context lines, the patch's additions. */
function replacement(lines: readonly string[], used: readonly HunkLine[], match: Match): string[] {
  const fix = match.loose ? eolFix(lines, used) : (text: string) => text;
  const out: string[] = [];
  let at = match.pos;
  for (const line of used) {
    if (line.op === '+') out.push(fix(line.text));
    else if (line.op === ' ') out.push(lines[at++] as string);
    else at++;
  }
  return out;
}

/**
 * Whether the text ends with a newline after a hunk that reaches the end of the file. Markers
 * (`\ No newline at end of file`) decide when present; a hunk without any keeps the file's
 * ending, since agents rarely write the marker.
 */
function finalNewlineAfter(used: readonly HunkLine[], current: boolean): boolean {
  if (!used.some((l) => l.noNewline)) return current;
  return !used.some((l) => l.noNewline && l.op !== '-');
}

/** Applies `hunks` in order to `text`; `fuzz` context lines may be dropped at each hunk's ends. */
export function applyHunks(text: string, hunks: readonly ParsedHunk[], fuzz: number): HunksResult {
  const file = splitText(text);
  let { lines } = file;
  let { finalNewline } = file;
  let delta = 0;
  for (const [k, hunk] of hunks.entries()) {
    const expected = hunk.oldStart === null ? null : hunk.oldStart + delta;
    const match = locate(lines, hunk.lines, expected, fuzz);
    if (match === null) {
      return { ok: false, hunk: k + 1, detail: diagnose(lines, oldSide(hunk.lines), expected) };
    }
    const used = hunk.lines.slice(match.trimStart, hunk.lines.length - match.trimEnd);
    const oldCount = used.filter((l) => l.op !== '+').length;
    const added = replacement(lines, used, match);
    const reachesEnd = match.pos + oldCount === lines.length;
    lines = [...lines.slice(0, match.pos), ...added, ...lines.slice(match.pos + oldCount)];
    if (reachesEnd) finalNewline = finalNewlineAfter(used, finalNewline);
    if (hunk.oldStart !== null) {
      delta = match.pos - (hunk.oldStart + match.trimStart) + added.length - oldCount;
    } else {
      delta += added.length - oldCount;
    }
  }
  return { ok: true, text: joinText({ lines, finalNewline }) };
}
