import { describe, expect, it } from 'vitest';
import type { GradingRun } from '../../../core/skills/types';
import { compositeWording, policyWording, secondaryLabel } from './Grading';

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
      'share passed (of the 16 hidden tests that ran before the run broke)',
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

describe('compositeWording', () => {
  it('says which part each reward is and how the composite reward follows', () => {
    // Test-driven fixing, as verify.ts writes it: the reproduction, the fix, then the
    // reproduction on the fix, whose fact says whether it passes (no "Reward N" line of its own).
    expect(
      compositeWording([
        'The test fails on the buggy code.',
        'Reward 1: the test reproduces the issue.',
        'Hidden tests on the edited code: every one passes.',
        'Reward 1.',
        'Your reproduction on your fix: 1 of 2 tests fail (it should pass).',
        'Composite reward 0.',
      ]),
    ).toEqual([
      'The test fails on the buggy code.',
      'Part 1 of 3, reward 1: the test reproduces the issue.',
      'Hidden tests on the edited code: every one passes.',
      'Part 2 of 3, reward 1.',
      'Part 3 of 3, your reproduction on your fix: 1 of 2 tests fail (it should pass).',
      "Composite reward 0: 1 only when all 3 parts' rewards are 1.",
    ]);
    // Bug fixing: one rewarded part (the fix; the localization is a secondary metric).
    expect(
      compositeWording([
        'Named: a.js.',
        'Reward 1: every hidden test passes.',
        'Composite reward 1.',
      ]),
    ).toEqual([
      'Named: a.js.',
      'Reward 1: every hidden test passes.',
      'Composite reward 1: the reward above.',
    ]);
    // Its edits refused before grading: no part's reward to point at.
    expect(
      compositeWording([
        'Named: a.test.js. The gold fix changes: a.js.',
        'The edit touches a.js, which the localization step did not name.',
        'Composite reward 0.',
      ]).at(-1),
    ).toBe('Composite reward 0: no part was graded.');
    // An atomic task's facts are kept as they are.
    const atomic = ['Named: a.js. The gold fix changes: a.js.', 'Reward 1: exact set match.'];
    expect(compositeWording(atomic)).toEqual(atomic);
  });

  it("words the third part as the policy's when a policy answered", () => {
    expect(policyWording('Part 3 of 3, your reproduction on your fix: it passes.')).toBe(
      'Part 3 of 3, the policy’s reproduction on its fix: it passes.',
    );
  });
});
