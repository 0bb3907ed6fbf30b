import { describe, expect, it } from 'vitest';
import type { GradingRun } from '../../../core/skills/types';
import { secondaryLabel } from './Grading';

const run = (verdict: GradingRun['verdict'], passed: number): GradingRun => ({
  purpose: 'hidden tests on the edited code',
  verdict,
  tests: Array.from({ length: passed }, (_, i) => ({
    file: 'test/a.test.js',
    name: `t${i}`,
    status: 'pass' as const,
    ms: 1,
  })),
  console: [],
  ms: 1,
  asRequired: verdict === 'pass',
});

describe('secondaryLabel', () => {
  it('says a share of tests passed is over the tests run before their run broke', () => {
    expect(secondaryLabel('testsPassed', [run('pass', 16)])).toBe('share of hidden tests passed');
    expect(secondaryLabel('testsPassed', [run('error', 16)])).toBe(
      'share passed of the 16 hidden tests run before it broke',
    );
    // A run that broke before any test: the share (0) needs no such word.
    expect(secondaryLabel('testsPassed', [run('error', 0)])).toBe('share of hidden tests passed');
    expect(secondaryLabel('recall', [run('error', 16)])).toBe('recall');
    // Another run that broke (a composite's other step) is not the one the share is over.
    const other = { ...run('error', 2), purpose: 'the reproduction on the buggy code' };
    expect(secondaryLabel('testsPassed', [run('fail', 2), other])).toBe(
      'share of hidden tests passed',
    );
  });
});
