import { describe, expect, it } from 'vitest';
import {
  advantageOf,
  groupAdvantages,
  groupDisagrees,
  groupStats,
  updateShare,
  type UpdateRule,
} from './advantage';

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

describe('group signal and the update', () => {
  it('tells a group with a reward signal from a flat one', () => {
    expect(groupDisagrees([0, 1, 0])).toBe(true);
    expect(groupDisagrees([0.5, 0.25])).toBe(true);
    expect(groupDisagrees([0, 0, 0])).toBe(false);
    expect(groupDisagrees([1, 1])).toBe(false);
  });

  const kept: UpdateRule = { keepFlatGroups: true, flatAnswers: 2, planned: 4 };
  const dropped: UpdateRule = { ...kept, keepFlatGroups: false };

  it('takes every answer of a group that disagrees, a planned one or an extra draw', () => {
    for (const rule of [kept, dropped])
      for (const [g, i] of [
        [0, 0],
        [3, 7],
        [5, 6],
      ] as const)
        expect(updateShare([0, 1, 0, 0, 0, 0, 0, 0], g, i, rule)).toEqual({
          entered: true,
          flat: false,
        });
  });

  it('leaves a flat group out unless kept, and then takes its first answers of a planned group', () => {
    const flat = [0, 0, 0, 0, 0, 0, 0, 0];
    expect(updateShare(flat, 0, 0, dropped)).toEqual({ entered: false, why: 'flat' });
    expect(updateShare(flat, 0, 0, kept)).toEqual({ entered: true, flat: true });
    expect(updateShare(flat, 3, 1, kept)).toEqual({ entered: true, flat: true });
    expect(updateShare(flat, 3, 2, kept)).toEqual({ entered: false, why: 'past-kept' });
    expect(updateShare(flat, 4, 0, kept)).toEqual({ entered: false, why: 'extra-draw' });
  });
});
