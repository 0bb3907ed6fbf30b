import { describe, expect, it } from 'vitest';
import { perTaskScores } from '../../../eval/stats';
import { finalDifference, meanDifference, type FinalDifference } from './runDifference';
import { runSummary } from './testFixtures';

const answers = (kind: 'localization' | 'review', rewards: Record<string, number[]>) =>
  Object.entries(rewards).flatMap(([taskId, rs]) => rs.map((reward) => ({ kind, taskId, reward })));

describe('perTaskScores', () => {
  it('averages each task’s answers, kind by kind', () => {
    expect(
      perTaskScores([
        ...answers('localization', { a: [1, 0, 0], b: [1, 1, 1] }),
        ...answers('review', { c: [0, 1] }),
      ]),
    ).toEqual({ localization: { a: 1 / 3, b: 1 }, review: { c: 0.5 } });
    expect(perTaskScores([])).toEqual({});
  });
});

describe('finalDifference', () => {
  const run = (id: string, reward: number, tasks = 2) =>
    runSummary(id, {
      finalRewards: { localization: reward },
      finalStdErr: { localization: { stdErr: 0.1, tasks } },
    });
  const a = run('a', 0.75);
  const b = run('b', 0.25);
  const unpaired = Math.hypot(0.1, 0.1);

  it('pairs over the same tasks, with the std of the per-task differences', () => {
    const d = finalDifference(a, b, 'localization', {
      a: { localization: { x: 1, y: 0.5 } },
      b: { localization: { x: 0.5, y: 0 } },
    });
    // Both tasks differ by 0.5: the paired error is 0, far below the unpaired one.
    expect(d).toEqual({
      a: 0.75,
      b: 0.25,
      diff: 0.5,
      stdErr: 0,
      pairing: { paired: true, tasks: 2 },
    });
  });

  it('stays unpaired, saying why, when the scores cannot back both final rewards', () => {
    const why = (scores: Parameters<typeof finalDifference>[3]) => {
      const d = finalDifference(a, b, 'localization', scores)!;
      expect(d.stdErr).toBeCloseTo(unpaired, 12);
      return d.pairing.paired ? 'paired' : d.pairing.why;
    };
    expect(why({})).toBe('the runs’ test answers are not at hand');
    expect(why({ a: { localization: { x: 1, y: 0.5 } } })).toBe(
      'the runs’ test answers are not at hand',
    );
    // Other tasks than the final reward's (a mean of 0.5, not 0.25: a validation's).
    expect(
      why({ a: { localization: { x: 1, y: 0.5 } }, b: { localization: { x: 0.5, y: 0.5 } } }),
    ).toBe('a final reward has no stored test answers behind it');
    // Fewer tasks than its error was taken over (answers dropped).
    expect(why({ a: { localization: { x: 1, y: 0.5 } }, b: { localization: { x: 0.25 } } })).toBe(
      'a final reward has no stored test answers behind it',
    );
    expect(
      why({ a: { localization: { x: 1, y: 0.5 } }, b: { localization: { x: 0.5, z: 0 } } }),
    ).toBe('the runs were tested on different tasks');
    expect(why({ a: { localization: { x: 1, y: 0.5 } }, b: { review: { x: 0.5, y: 0 } } })).toBe(
      'a final reward has no stored test answers behind it',
    );
  });

  it('is null unless both runs have a final reward', () => {
    expect(finalDifference(a, runSummary('c'), 'localization')).toBeNull();
  });
});

describe('meanDifference', () => {
  const d = (diff: number, stdErr: number | null, paired = true): FinalDifference => ({
    a: 0.5 + diff,
    b: 0.5,
    diff,
    stdErr,
    pairing: paired
      ? { paired: true, tasks: 60 }
      : { paired: false, why: 'the runs were tested on different tasks' },
  });

  it('averages the five differences and combines their errors', () => {
    const m = meanDifference([d(0.1, 0.03), d(0, 0.04), d(0.2, 0), d(-0.1, 0), d(0.3, 0)])!;
    expect(m.diff).toBeCloseTo(0.1, 12);
    expect(m.a).toBeCloseTo(0.6, 12);
    expect(m.stdErr).toBeCloseTo(0.01, 12);
    expect(m.pairing).toEqual({ paired: true, tasks: 300 });
  });

  it('is unpaired when one skill is, has no error when one lacks it, and needs every skill', () => {
    expect(meanDifference([d(0.1, 0.03), d(0, 0.04, false)])!.pairing).toEqual({
      paired: false,
      why: 'the runs were tested on different tasks',
    });
    expect(meanDifference([d(0.1, 0.03), d(0, null)])!.stdErr).toBeNull();
    expect(meanDifference([d(0.1, 0.03), null])).toBeNull();
    expect(meanDifference([])).toBeNull();
  });
});
