import {
  binarySearch,
  countInRange,
  insertSorted,
  isSorted,
  lowerBound,
  upperBound,
} from './search.js';

const data = [1, 2, 2, 2, 5, 8, 13];

describe('isSorted', () => {
  it('accepts non-decreasing arrays, with repeats', () => {
    expect(isSorted([1, 2, 2, 5])).toBe(true);
    expect(isSorted(['a', 'b', 'b'])).toBe(true);
  });
  it('accepts empty and single-element arrays', () => {
    expect(isSorted([])).toBe(true);
    expect(isSorted([4])).toBe(true);
  });
  it('finds a descent anywhere, including at either end', () => {
    expect(isSorted([2, 1, 3])).toBe(false);
    expect(isSorted([1, 3, 2])).toBe(false);
    expect(isSorted([1, 5, 4, 6])).toBe(false);
  });
});

describe('lowerBound', () => {
  it('returns the first index of a repeated value', () => {
    expect(lowerBound(data, 2)).toBe(1);
    expect(lowerBound([1, 2, 2, 2, 5], 2)).toBe(1);
  });
  it('returns where a missing value would go', () => {
    expect(lowerBound(data, 3)).toBe(4);
    expect(lowerBound(data, 6)).toBe(5);
  });
  it('returns 0 below the first element and length above the last', () => {
    expect(lowerBound(data, 0)).toBe(0);
    expect(lowerBound(data, 1)).toBe(0);
    expect(lowerBound(data, 13)).toBe(6);
    expect(lowerBound(data, 99)).toBe(7);
  });
  it('returns 0 for an empty array', () => {
    expect(lowerBound([], 5)).toBe(0);
  });
});

describe('upperBound', () => {
  it('returns the index after the last repeat', () => {
    expect(upperBound(data, 2)).toBe(4);
    expect(upperBound([1, 2, 2, 2, 5], 2)).toBe(4);
  });
  it('handles values below, at and above the ends', () => {
    expect(upperBound(data, 0)).toBe(0);
    expect(upperBound(data, 1)).toBe(1);
    expect(upperBound(data, 13)).toBe(7);
    expect(upperBound(data, 12)).toBe(6);
  });
  it('returns 0 for an empty array', () => {
    expect(upperBound([], 5)).toBe(0);
  });
});

describe('binarySearch', () => {
  it('finds every element of a sorted array', () => {
    const xs = [2, 4, 6, 8, 10, 12, 14, 16];
    for (let i = 0; i < xs.length; i++) {
      expect(binarySearch(xs, xs[i])).toBe(i);
    }
  });
  it('returns the leftmost index of a repeat', () => {
    expect(binarySearch([1, 3, 3, 7], 3)).toBe(1);
    expect(binarySearch(data, 2)).toBe(1);
  });
  it('returns -1 for missing values, including past either end', () => {
    expect(binarySearch(data, 4)).toBe(-1);
    expect(binarySearch(data, 0)).toBe(-1);
    expect(binarySearch(data, 14)).toBe(-1);
    expect(binarySearch([], 1)).toBe(-1);
  });
  it('works on strings', () => {
    expect(binarySearch(['ant', 'bee', 'cat', 'dog'], 'cat')).toBe(2);
    expect(binarySearch(['ant', 'bee'], 'ape')).toBe(-1);
  });
});

describe('insertSorted', () => {
  it('inserts in the middle and at either end', () => {
    expect(insertSorted([1, 3, 5], 4)).toEqual([1, 3, 4, 5]);
    expect(insertSorted([1, 3, 5], 0)).toEqual([0, 1, 3, 5]);
    expect(insertSorted([1, 3, 5], 9)).toEqual([1, 3, 5, 9]);
    expect(insertSorted([], 2)).toEqual([2]);
  });
  it('inserts after equal elements', () => {
    const out = insertSorted([1, 2, 2, 3], 2);
    expect(out).toEqual([1, 2, 2, 2, 3]);
    expect(insertSorted(['a', 'b'], 'a')).toEqual(['a', 'a', 'b']);
  });
  it('does not modify its input', () => {
    const xs = [1, 2];
    insertSorted(xs, 3);
    expect(xs).toEqual([1, 2]);
  });
  it('rejects non-arrays', () => {
    expect(() => insertSorted('abc', 'b')).toThrow(TypeError);
    expect(() => insertSorted(null, 1)).toThrow('sorted must be an array');
  });
});

describe('countInRange', () => {
  it('counts a closed interval, ends included', () => {
    expect(countInRange([1, 2, 2, 4, 6, 9], 2, 6)).toBe(4);
    expect(countInRange(data, 1, 13)).toBe(7);
    expect(countInRange(data, 2, 2)).toBe(3);
  });
  it('is 0 for an interval between elements or an inverted one', () => {
    expect(countInRange(data, 3, 4)).toBe(0);
    expect(countInRange(data, 8, 5)).toBe(0);
    expect(countInRange(data, 13, 1)).toBe(0);
    expect(countInRange([], 0, 10)).toBe(0);
  });
});
