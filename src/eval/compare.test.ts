import { describe, expect, it } from 'vitest';
import {
  clusteredStdErr,
  meanOfEstimates,
  pairedDifference,
  projectCluster,
  unpairedDifference,
} from './compare';
import { standardError } from './stats';

describe('differences between two evaluations', () => {
  it('pairs task scores over the tasks both runs scored', () => {
    const a = { t1: 1, t2: 1, t3: 0, t4: 1, only_a: 1 };
    const b = { t1: 0, t2: 1, t3: 0, t4: 0, only_b: 0 };
    const d = pairedDifference(a, b)!;
    expect(d.tasks).toBe(4);
    expect(d.paired).toBe(true);
    expect(d.diff).toBeCloseTo(0.5, 12);
    // Differences 1, 0, 0, 1: sample std 0.5774, over sqrt(4).
    expect(d.stdErr).toBeCloseTo(Math.sqrt(1 / 3) / 2, 12);
    expect(pairedDifference({ x: 1 }, { y: 1 })).toBeNull();
  });

  it('pairing removes what the tasks share: a constant gain has no error', () => {
    const a = { t1: 0.5, t2: 1, t3: 0.25 };
    const b = { t1: 0.25, t2: 0.75, t3: 0 };
    const d = pairedDifference(a, b)!;
    expect(d.diff).toBeCloseTo(0.25, 12);
    expect(d.stdErr).toBe(0);
    // Unpaired, the same scores carry both runs' spread.
    const score = (xs: number[]) => ({
      tasks: xs.length,
      meanReward: xs.reduce((s, x) => s + x, 0) / xs.length,
      stdErr: standardError(xs),
    });
    const u = unpairedDifference(score(Object.values(a)), score(Object.values(b)))!;
    expect(u.diff).toBeCloseTo(0.25, 12);
    expect(u.stdErr).toBeGreaterThan(0.2);
    expect(unpairedDifference({ tasks: 3, meanReward: 0.5 }, score([1, 0]))).toBeNull();
  });

  it('takes the tasks of one project together: a by-project error', () => {
    // Two projects; within each, the tasks moved together.
    const a = { 'editing:p1:a': 1, 'editing:p1:b': 1, 'editing:p2:c': 0, 'editing:p2:d': 0 };
    const b = { 'editing:p1:a': 0, 'editing:p1:b': 0, 'editing:p2:c': 0, 'editing:p2:d': 0 };
    const d = pairedDifference(a, b)!;
    expect(d.diff).toBeCloseTo(0.5, 12);
    expect(d.stdErr).toBeCloseTo(Math.sqrt(1 / 3) / 2, 12);
    // Cluster sums +0.25 and -0.25, times 2 / (2 - 1): sqrt(2 * 0.125) = 0.5.
    expect(d.byProject).toBeCloseTo(0.5, 12);
    // Every task its own cluster: the usual standard error.
    const own = (id: string) => id;
    const values = [1, 0, 0, 1, 1].map((value, i) => ({ id: `t${i}`, value }));
    expect(clusteredStdErr([values], own)).toBeCloseTo(standardError([1, 0, 0, 1, 1]), 12);
    // One cluster only: unknown.
    expect(clusteredStdErr([values], () => 'one')).toBeNaN();
    expect(projectCluster('review:semver:1x2')).toBe('semver');
    expect(projectCluster('humanevalfix')).toBe('task:humanevalfix');
  });

  it('by project, the mean of several groups: the groups share the projects', () => {
    // Two skills whose differences move together by project: counted as independent they
    // would average out; by project they do not.
    const skill = (k: string) => [
      { id: `${k}:p1:a`, value: 1 },
      { id: `${k}:p2:b`, value: 0 },
      { id: `${k}:p3:c`, value: 0.5 },
    ];
    const together = clusteredStdErr([skill('editing'), skill('review')], projectCluster);
    const alone = clusteredStdErr([skill('editing')], projectCluster);
    // Identical groups: the mean of the two is the one group's mean, with the same error.
    expect(together).toBeCloseTo(alone, 12);
    expect(alone).toBeCloseTo(standardError([1, 0, 0.5]), 12);
  });

  it('by project, weighs each group by its own size', () => {
    // Groups of 2 and 4 tasks over projects p1, p2: group means 0.5 and 0.25, K = 2.
    const small = [
      { id: 'editing:p1:a', value: 1 },
      { id: 'editing:p2:b', value: 0 },
    ];
    const large = [
      { id: 'review:p1:c', value: 1 },
      { id: 'review:p1:d', value: 0 },
      { id: 'review:p2:e', value: 0 },
      { id: 'review:p2:f', value: 0 },
    ];
    // p1: (1 - 0.5) / 4 + (1 - 0.25) / 8 + (0 - 0.25) / 8 = 0.1875; p2: -0.1875 (sums to 0).
    const expected = Math.sqrt(2 * (0.1875 ** 2 + 0.1875 ** 2));
    expect(clusteredStdErr([small, large], projectCluster)).toBeCloseTo(expected, 12);
  });

  it('averages independent estimates with their combined error', () => {
    const m = meanOfEstimates([
      { value: 0.2, stdErr: 0.03 },
      { value: 0.4, stdErr: 0.04 },
    ])!;
    expect(m.value).toBeCloseTo(0.3, 12);
    expect(m.stdErr).toBeCloseTo(0.05 / 2, 12);
    expect(meanOfEstimates([])).toBeNull();
  });

  it('standard error: sample std over the square root of the count', () => {
    expect(standardError([1, 0, 1, 0])).toBeCloseTo(Math.sqrt(1 / 3) / 2, 12);
    expect(standardError([0.5])).toBeNaN();
    expect(standardError([])).toBeNaN();
  });
});
