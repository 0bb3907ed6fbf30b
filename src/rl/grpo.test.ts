import { describe, expect, it } from 'vitest';
import { groupAdvantages, groupDisagrees } from './grpo';

describe('group advantages', () => {
  it('is the reward minus the group mean, optionally over the std', () => {
    expect(groupAdvantages([1, 0, 0, 0], false)).toEqual([0.75, -0.25, -0.25, -0.25]);
    const std = groupAdvantages([1, 0, 0, 0], true);
    expect(std[0]).toBeCloseTo(0.75 / Math.sqrt(0.1875), 4);
    expect(groupAdvantages([0, 0, 0], true)).toEqual([0, 0, 0]);
  });

  it('tells a group with a reward signal from a flat one', () => {
    expect(groupDisagrees([0, 1, 0])).toBe(true);
    expect(groupDisagrees([0.5, 0.25])).toBe(true);
    expect(groupDisagrees([0, 0, 0])).toBe(false);
    expect(groupDisagrees([1, 1])).toBe(false);
  });
});
