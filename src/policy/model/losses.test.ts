import { describe, expect, it } from 'vitest';
import { stepWeights } from './losses';

const sum = (xs: Float32Array) => xs.reduce((s, x) => s + x, 0);

describe('stepWeights', () => {
  it('is null for the plain token mean', () => {
    expect(stepWeights([2, 3], false)).toBeNull();
  });

  it('per answer: each answer weighs the same, spread over its steps', () => {
    const w = stepWeights([1, 3], true)!;
    expect(Array.from(w)).toEqual([0.5, 1 / 6, 1 / 6, 1 / 6].map(Math.fround));
    expect(sum(w)).toBeCloseTo(1, 6);
  });

  it('per group: a token mean within each group, then each group weighs the same', () => {
    // Group 7: answers of 1 and 1 steps; group 2: one answer of 4 steps.
    const w = stepWeights([1, 4, 1], false, [7, 2, 7])!;
    expect(Array.from(w)).toEqual([0.25, 0.125, 0.125, 0.125, 0.125, 0.25].map(Math.fround));
    // Per answer within groups: group 7's two answers 1/4 each, group 2's one answer 1/2.
    const both = stepWeights([1, 4, 1], true, [7, 2, 7])!;
    expect(Array.from(both)).toEqual([0.25, 0.125, 0.125, 0.125, 0.125, 0.25].map(Math.fround));
    expect(sum(stepWeights([2, 5, 1, 3], true, [0, 1, 1, 2])!)).toBeCloseTo(1, 6);
  });

  it('refuses groups that do not match the answers', () => {
    expect(() => stepWeights([1, 2], false, [0])).toThrow(/2 answers/);
  });
});
