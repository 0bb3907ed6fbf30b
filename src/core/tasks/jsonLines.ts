import type { SuiteLineError } from './suite';

/**
 * Calls `onValue` with each non-blank line of a JSONL text (or of its lines, for files too
 * large to hold as one string) parsed as JSON (1-based line
 * numbers). A line that is not valid JSON is reported as a `(line)` error and skipped. A
 * byte-order mark (as some editors save UTF-8) is not part of the first line.
 */
export function readJsonLines(
  text: string | Iterable<string>,
  file: string,
  errors: SuiteLineError[],
  onValue: (value: unknown, line: number) => void,
): void {
  const lines = typeof text === 'string' ? text.split(/\r?\n/) : text;
  let i = -1;
  for (const read of lines) {
    i++;
    const raw = i === 0 ? read.replace(/^\uFEFF/, '') : read;
    const line = i + 1;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      errors.push({
        file,
        line,
        field: '(line)',
        message: `not valid JSON: ${inLine((error as Error).message)}`,
      });
      continue;
    }
    onValue(value, line);
  }
}

/**
 * JSON.parse's message about one line, placed in it: V8 adds where it stopped as a position
 * and "(line 1 column N)" of the text it was given, which would read as the file's line 1.
 */
export const inLine = (message: string): string =>
  message
    .replace(/ \(line \d+ column \d+\)$/, '')
    .replace(/ in JSON at position (\d+)$/, (_, at: string) => ` at column ${Number(at) + 1}`);
