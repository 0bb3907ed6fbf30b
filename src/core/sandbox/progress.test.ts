import { describe, expect, it } from 'vitest';
import { createProgressBuffer, readProgress, resetProgress, writeProgress } from './progress';
import type { TestResult } from './types';

const test = (name: string, message?: string): TestResult =>
  message === undefined
    ? { file: 'a.test.js', name, status: 'pass', ms: 1 }
    : { file: 'a.test.js', name, status: 'fail', label: 'assertion', message, ms: 2 };

describe('progress buffer', () => {
  it('hands the tests written for a run back in order, and none of another run', () => {
    const buffer = createProgressBuffer();
    if (!buffer) throw new Error('SharedArrayBuffer is available in Node');
    resetProgress(buffer, 7);
    const written = [test('one'), test('two\nlines "quoted"', 'expected 1 to be 2\n  at x')];
    for (const t of written) expect(writeProgress(buffer, 7, t)).toBe(true);
    expect(readProgress(buffer, 7)).toEqual(written);
    expect(readProgress(buffer, 8)).toEqual([]);
    expect(writeProgress(buffer, 8, test('late'))).toBe(false);
    resetProgress(buffer, 8);
    expect(readProgress(buffer, 8)).toEqual([]);
  });

  it('refuses a test that does not fit and keeps what was written', () => {
    const buffer = createProgressBuffer(200);
    if (!buffer) throw new Error('SharedArrayBuffer is available in Node');
    resetProgress(buffer, 1);
    expect(writeProgress(buffer, 1, test('short'))).toBe(true);
    expect(writeProgress(buffer, 1, test('long', 'x'.repeat(500)))).toBe(false);
    expect(readProgress(buffer, 1)).toEqual([test('short')]);
  });
});
