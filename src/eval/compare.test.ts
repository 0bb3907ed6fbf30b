import { describe, expect, it } from 'vitest';
import { meanOfEstimates, pairedDifference, unpairedDifference } from './compare';
import { standardError } from './evaluate';

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
