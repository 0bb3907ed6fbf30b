import { describe, expect, it } from 'vitest';
import type { ModelScoreResult } from '../../protocol/models';
import { modelRows } from './modelRows';

const result: ModelScoreResult = {
  fileName: 'a.jsonl',
  suite: 'quick',
  answers: 4,
  unread: [],
  unreadCount: 0,
  unknownTasks: [],
  perTask: { review: { r1: 1, r2: 0, r3: 1 }, localization: { l1: 0.5 } },
  bySkill: {
    review: { tasks: 3, meanReward: 2 / 3 },
    localization: { tasks: 1, meanReward: 0.5 },
  },
};

describe('an external model beside a run', () => {
  it('takes the run’s score over the tasks the model answered, and pairs the difference', () => {
    const rows = modelRows(result, { review: { r1: 0, r2: 0, r9: 1 } });
    expect(rows.map((r) => r.kind)).toEqual(['localization', 'review']);
    const review = rows.find((r) => r.kind === 'review')!;
    // r3 the run never answered: the model's own score counts it, the shared columns do not.
    expect(review.model.meanReward).toBeCloseTo(2 / 3, 12);
    // Each side's mean over the shared tasks with its standard error, as the model's own column.
    expect(review.shared).toEqual({
      tasks: 2,
      model: { tasks: 2, meanReward: 0.5, stdErr: 0.5 },
      run: { tasks: 2, meanReward: 0, stdErr: 0 },
    });
    expect(review.diff).toMatchObject({ diff: 0.5, tasks: 2, paired: true });
    expect(review.diff!.diff).toBe(review.shared!.model.meanReward - review.shared!.run.meanReward);
    // One shared task: no standard error, left out rather than NaN.
    expect(modelRows(result, { localization: { l1: 1 } })[0]!.shared).toEqual({
      tasks: 1,
      model: { tasks: 1, meanReward: 0.5 },
      run: { tasks: 1, meanReward: 1 },
    });
    expect(rows.find((r) => r.kind === 'localization')).toMatchObject({
      shared: null,
      diff: null,
    });
  });

  it('without a run, the model’s scores alone', () => {
    expect(modelRows(result, null).every((r) => r.shared === null && r.diff === null)).toBe(true);
  });
});
