import { describe, expect, it } from 'vitest';
import { groupDisagrees } from './grpo';

describe('group signal', () => {
  it('tells a group with a reward signal from a flat one', () => {
    expect(groupDisagrees([0, 1, 0])).toBe(true);
    expect(groupDisagrees([0.5, 0.25])).toBe(true);
    expect(groupDisagrees([0, 0, 0])).toBe(false);
    expect(groupDisagrees([1, 1])).toBe(false);
  });
});
