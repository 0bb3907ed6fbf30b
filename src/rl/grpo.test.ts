import { describe, expect, it } from 'vitest';
import { groupAdvantages, groupTrains } from './grpo';

describe('group advantages', () => {
  it('is the reward minus the group mean, optionally over the std', () => {
    expect(groupAdvantages([1, 0, 0, 0], false)).toEqual([0.75, -0.25, -0.25, -0.25]);
    const std = groupAdvantages([1, 0, 0, 0], true);
    expect(std[0]).toBeCloseTo(0.75 / Math.sqrt(0.1875), 4);
    expect(groupAdvantages([0, 0, 0], true)).toEqual([0, 0, 0]);
  });

  it('leaves flat groups out of the update unless they are kept (advantage 0)', () => {
    expect(groupTrains([0, 1, 0], false)).toBe(true);
    expect(groupTrains([0, 0, 0], false)).toBe(false);
    expect(groupTrains([1, 1], false)).toBe(false);
    expect(groupTrains([0, 0, 0], true)).toBe(true);
  });
});
