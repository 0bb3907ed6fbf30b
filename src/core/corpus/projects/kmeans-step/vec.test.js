import { centroid, sameDim, squaredDistance, zeros } from './vec.js';

describe('sameDim', () => {
  it('returns the dimension', () => {
    expect(sameDim([1, 2], [3, 4])).toBe(2);
    expect(sameDim([], [])).toBe(0);
  });
  it('rejects different dimensions', () => {
    expect(() => sameDim([1], [1, 2])).toThrow(RangeError);
    expect(() => sameDim([1, 2, 3], [1, 2])).toThrow('dimension mismatch: 3 vs 2');
  });
  it('rejects non-arrays', () => {
    expect(() => sameDim(1, [1])).toThrow(TypeError);
  });
});

describe('squaredDistance', () => {
  it('computes the squared Euclidean distance', () => {
    expect(squaredDistance([0, 0], [3, 4])).toBe(25);
    expect(squaredDistance([1, -1, 2], [0, 1, 2])).toBe(5);
  });
  it('is 0 for identical points and symmetric', () => {
    expect(squaredDistance([2, 3], [2, 3])).toBe(0);
    expect(squaredDistance([5, 1], [2, 2])).toBe(squaredDistance([2, 2], [5, 1]));
  });
});

describe('zeros', () => {
  it('builds zero vectors', () => {
    expect(zeros(3)).toEqual([0, 0, 0]);
    expect(zeros(1)).toEqual([0]);
    expect(zeros(0)).toEqual([]);
  });
  it('rejects negative or fractional sizes', () => {
    expect(() => zeros(-1)).toThrow(RangeError);
    expect(() => zeros(1.5)).toThrow('non-negative integer');
  });
});

describe('centroid', () => {
  it('averages coordinates', () => {
    expect(
      centroid([
        [0, 0],
        [2, 4],
      ]),
    ).toEqual([1, 2]);
    expect(
      centroid([
        [1, 1],
        [2, 2],
        [6, 0],
      ]),
    ).toEqual([3, 1]);
  });
  it('returns a copy of a single point', () => {
    expect(centroid([[7, -2]])).toEqual([7, -2]);
  });
  it('rejects an empty list and ragged points', () => {
    expect(() => centroid([])).toThrow('at least one point');
    expect(() => centroid([[1, 2], [3]])).toThrow(RangeError);
  });
});
