import type { SuiteLineError } from './suite';

/**
 * Calls `onValue` with each non-blank line of a JSONL text parsed as JSON (1-based line
 * numbers). A line that is not valid JSON is reported as a `(line)` error and skipped.
 */
export function readJsonLines(
  text: string,
  file: string,
  errors: SuiteLineError[],
  onValue: (value: unknown, line: number) => void,
): void {
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
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
      return;
    }
    onValue(value, line);
  });
}
