import { describe, expect, it } from 'vitest';
import type { Task } from '../core/tasks/types';
import { kindsOf } from '../storage/suites';
import { unmeasuredIn, unmeasuredKinds } from './heldOut';

describe('unmeasuredKinds', () => {
  const tasks: Pick<Task, 'kind' | 'split'>[] = [
    { kind: 'localization', split: 'train' },
    { kind: 'localization', split: 'val' },
    { kind: 'localization', split: 'test' },
    { kind: 'security-fix', split: 'train' },
    { kind: 'review', split: 'train' },
    { kind: 'review', split: 'test' },
  ];
  it('says which trained kinds the tasks cannot test or validate, and nothing when all can', () => {
    expect(unmeasuredKinds(['localization'], tasks)).toBeNull();
    expect(unmeasuredKinds(['security-fix'], tasks)).toBe(
      'These tasks have no test tasks of security fixing (no final score) and no validation tasks of security fixing (no validation curve), though the run trains on it: only the training rewards will measure it.',
    );
    expect(unmeasuredKinds(['localization', 'review', 'security-fix'], tasks)).toBe(
      'These tasks have no test tasks of security fixing (no final score) and no validation tasks of code review, security fixing (no validation curve), though the run trains on them: only the training rewards will measure them.',
    );
  });

  it("says the same from a cached suite's summary of kinds per split", () => {
    const kinds = kindsOf(tasks);
    expect(kinds).toEqual({
      train: ['localization', 'security-fix', 'review'],
      val: ['localization'],
      test: ['localization', 'review'],
    });
    for (const trained of [['localization'], ['security-fix'], ['review', 'security-fix']] as const)
      expect(unmeasuredIn(trained, kinds)).toBe(unmeasuredKinds(trained, tasks));
  });
});
