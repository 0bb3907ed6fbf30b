import { add, cosineSimilarity, dot, norm, scale, subtract } from './vector.js';

describe('dot', () => {
  it('multiplies and sums', () => {
    expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(dot([1, -1], [1, 1])).toBe(0);
  });
  it('is 0 for empty vectors', () => {
    expect(dot([], [])).toBe(0);
  });
  it('rejects mismatched lengths and non-arrays', () => {
    expect(() => dot([1], [1, 2])).toThrow(RangeError);
    expect(() => dot([1, 2], [1])).toThrow('same length');
    expect(() => dot('ab', [1, 2])).toThrow(TypeError);
  });
});

describe('add and subtract', () => {
  it('adds element-wise', () => {
    expect(add([1, 2], [10, 20])).toEqual([11, 22]);
    expect(add([], [])).toEqual([]);
  });
  it('subtracts element-wise in order', () => {
    expect(subtract([5, 5], [1, 2])).toEqual([4, 3]);
    expect(subtract([1, 2], [5, 5])).toEqual([-4, -3]);
  });
  it('checks lengths', () => {
    expect(() => add([1], [])).toThrow(RangeError);
    expect(() => subtract([1], [1, 2])).toThrow(RangeError);
  });
  it('does not modify inputs', () => {
    const a = [1, 2];
    add(a, [3, 4]);
    subtract(a, [3, 4]);
    expect(a).toEqual([1, 2]);
  });
});

describe('scale', () => {
  it('multiplies by the scalar', () => {
    expect(scale([1, -2], 3)).toEqual([3, -6]);
    expect(scale([4, 8], 0.5)).toEqual([2, 4]);
  });
  it('rejects bad arguments', () => {
    expect(() => scale([1], '2')).toThrow('scalar must be a number');
    expect(() => scale(null, 2)).toThrow('vector must be an array');
  });
});

describe('norm', () => {
  it('defaults to the Euclidean norm', () => {
    expect(norm([3, 4])).toBe(5);
    expect(norm([3, 4], 2)).toBe(5);
  });
  it('computes the L1 norm', () => {
    expect(norm([3, -4], 1)).toBe(7);
  });
  it('computes the max norm', () => {
    expect(norm([3, -7, 5], Infinity)).toBe(7);
    expect(norm([-2], Infinity)).toBe(2);
  });
  it('is 0 for empty and zero vectors', () => {
    expect(norm([])).toBe(0);
    expect(norm([0, 0], 1)).toBe(0);
    expect(norm([], Infinity)).toBe(0);
  });
  it('rejects other orders', () => {
    expect(() => norm([1], 3)).toThrow('unsupported norm order: 3');
    expect(() => norm([1], 0)).toThrow(RangeError);
    expect(() => norm('ab')).toThrow('vector must be an array');
  });
});

describe('cosineSimilarity', () => {
  it('is 0 for orthogonal vectors', () => {
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
  });
  it('is 1 for parallel and -1 for opposite vectors', () => {
    expect(cosineSimilarity([1, 2], [2, 4])).toBeCloseTo(1, 12);
    expect(cosineSimilarity([1, 2], [-3, -6])).toBeCloseTo(-1, 12);
  });
  it('clamps rounding error into [-1, 1]', () => {
    expect(cosineSimilarity([3, 3], [3, 3])).toBe(1);
    expect(cosineSimilarity([1, 1, 1], [-1, -1, -1])).toBe(-1);
  });
  it('matches the formula on a general pair', () => {
    expect(cosineSimilarity([1, 2, 3], [4, 5, 6])).toBeCloseTo(
      32 / (Math.sqrt(14) * Math.sqrt(77)),
      12,
    );
  });
  it('is 0 when either vector is zero', () => {
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
    expect(cosineSimilarity([1, 1], [0, 0])).toBe(0);
  });
  it('ignores magnitude', () => {
    expect(cosineSimilarity([1, 1], [1, 0])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(cosineSimilarity([10, 10], [3, 0])).toBeCloseTo(Math.SQRT1_2, 12);
  });
});
