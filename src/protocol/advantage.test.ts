import { describe, expect, it } from 'vitest';
import { advantageOf, groupAdvantages, groupStats } from './advantage';

describe('group advantages', () => {
  it('is the reward minus the group mean, optionally over the std', () => {
    expect(groupAdvantages([1, 0, 0, 0], false)).toEqual([0.75, -0.25, -0.25, -0.25]);
    const std = groupAdvantages([1, 0, 0, 0], true);
    expect(std[0]).toBeCloseTo(0.75 / Math.sqrt(0.1875), 4);
    expect(groupAdvantages([0, 0, 0], true)).toEqual([0, 0, 0]);
  });

  it('gives the group statistics and one answer’s advantage from them', () => {
    const stats = groupStats([1, 0, 0, 0]);
    expect(stats.mean).toBe(0.25);
    expect(stats.std).toBeCloseTo(Math.sqrt(0.1875), 12);
    expect(advantageOf(0, stats, false)).toBe(-0.25);
    expect(advantageOf(1, stats, true)).toBe(groupAdvantages([1, 0, 0, 0], true)[0]);
  });
});
