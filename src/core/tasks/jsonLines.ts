import type { SuiteLineError } from './suite';

/**
 * Calls `onValue` with each non-blank line of a JSONL text (or of its lines, for files too
 * large to hold as one string) parsed as JSON (1-based line
 * numbers). A line that is not valid JSON is reported as a `(line)` error and skipped.
 */
export function readJsonLines(
  text: string | Iterable<string>,
  file: string,
  errors: SuiteLineError[],
  onValue: (value: unknown, line: number) => void,
): void {
  const lines = typeof text === 'string' ? text.split(/\r?\n/) : text;
  let i = -1;
  for (const raw of lines) {
    i++;
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
        message: `not valid JSON: ${(error as Error).message}`,
      });
      continue;
    }
    onValue(value, line);
  }
}
