import { describe, expect, it } from 'vitest';
import { inLine, readJsonLines } from './jsonLines';
import type { SuiteLineError } from './suite';

describe('readJsonLines', () => {
  it("reports a line that is not JSON by the file's line, and its column within it", () => {
    const values: unknown[] = [];
    const errors: SuiteLineError[] = [];
    readJsonLines('{"a": 1}\n{not json\n\n[2]', 'answers.jsonl', errors, (v) => values.push(v));
    expect(values).toEqual([{ a: 1 }, [2]]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'answers.jsonl', line: 2, field: '(line)' });
    expect(errors[0]!.message).toMatch(/^not valid JSON: /);
    expect(errors[0]!.message).not.toMatch(/line 1/);
  });

  it("words a browser's message without its own line 1 (Chromium adds one)", () => {
    expect(inLine("Expected property name or '}' in JSON at position 1 (line 1 column 2)")).toBe(
      "Expected property name or '}' at column 2",
    );
    expect(inLine('Unexpected end of JSON input')).toBe('Unexpected end of JSON input');
  });
});
