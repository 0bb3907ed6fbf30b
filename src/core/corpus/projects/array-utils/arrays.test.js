import { MAX_RANGE, chunk, flatten, range, uniqueBy, zip } from './arrays.js';

describe('chunk', () => {
  it('splits into equal chunks with a shorter last one', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
  it('handles sizes of 1 and larger than the array', () => {
    expect(chunk([1, 2, 3], 1)).toEqual([[1], [2], [3]]);
    expect(chunk([1, 2], 5)).toEqual([[1, 2]]);
    expect(chunk([1, 2, 3], 3)).toEqual([[1, 2, 3]]);
  });
  it('returns no chunks for an empty array', () => {
    expect(chunk([], 3)).toEqual([]);
  });
  it('rejects sizes below 1 and non-integers', () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
    expect(() => chunk([1], 1.5)).toThrow('size must be an integer >= 1');
  });
  it('rejects non-arrays', () => {
    expect(() => chunk('abc', 1)).toThrow('items must be an array');
  });
});

describe('zip', () => {
  it('pairs elements by index', () => {
    expect(zip([1, 2], ['a', 'b'])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });
  it('stops at the shorter array, whichever it is', () => {
    expect(zip([1, 2, 3], ['a', 'b'])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(zip([1], ['a', 'b', 'c'])).toEqual([[1, 'a']]);
    expect(zip([], [1])).toEqual([]);
  });
  it('rejects non-arrays on either side', () => {
    expect(() => zip(null, [])).toThrow('left must be an array');
    expect(() => zip([], {})).toThrow('right must be an array');
  });
});

describe('flatten', () => {
  it('opens one level by default', () => {
    expect(flatten([1, [2, [3]], 4])).toEqual([1, 2, [3], 4]);
  });
  it('opens exactly the requested number of levels', () => {
    expect(flatten([1, [2, [3, [4]]]], 2)).toEqual([1, 2, 3, [4]]);
    expect(flatten([1, [2, [3, [4]]]], 3)).toEqual([1, 2, 3, 4]);
    expect(flatten([[[['deep']]]], 10)).toEqual(['deep']);
  });
  it('returns a shallow copy at depth 0', () => {
    const input = [1, [2]];
    const out = flatten(input, 0);
    expect(out).toEqual([1, [2]]);
    expect(out).not.toBe(input);
  });
  it('drops empty inner arrays and keeps order', () => {
    expect(flatten([[], [1], [], [2, 3]])).toEqual([1, 2, 3]);
    expect(flatten([])).toEqual([]);
  });
  it('rejects a negative or fractional depth', () => {
    expect(() => flatten([1], -1)).toThrow(RangeError);
    expect(() => flatten([1], 0.5)).toThrow('depth must be a non-negative integer');
    expect(() => flatten('ab')).toThrow(TypeError);
  });
});

describe('uniqueBy', () => {
  it('keeps the first object for each key value', () => {
    const items = [
      { id: 1, v: 'a' },
      { id: 1, v: 'b' },
      { id: 2, v: 'c' },
    ];
    expect(uniqueBy(items, 'id')).toEqual([
      { id: 1, v: 'a' },
      { id: 2, v: 'c' },
    ]);
  });
  it('keeps objects whose key values differ only in type', () => {
    expect(uniqueBy([{ k: 1 }, { k: '1' }, { k: 1 }], 'k')).toEqual([{ k: 1 }, { k: '1' }]);
  });
  it('groups objects missing the key together', () => {
    expect(uniqueBy([{ a: 1 }, { b: 2 }, { k: 0 }], 'k')).toEqual([{ a: 1 }, { k: 0 }]);
  });
  it('treats null and primitives as having no key', () => {
    expect(uniqueBy([null, 5, { k: 1 }], 'k')).toEqual([null, { k: 1 }]);
  });
  it('returns [] for an empty array and rejects non-arrays', () => {
    expect(uniqueBy([], 'id')).toEqual([]);
    expect(() => uniqueBy('xx', 'id')).toThrow(TypeError);
  });
});

describe('range', () => {
  it('counts up, excluding the end', () => {
    expect(range(0, 5)).toEqual([0, 1, 2, 3, 4]);
    expect(range(0, 10, 3)).toEqual([0, 3, 6, 9]);
    expect(range(2, 3)).toEqual([2]);
  });
  it('counts down with a negative step', () => {
    expect(range(5, 0, -2)).toEqual([5, 3, 1]);
    expect(range(3, 2, -1)).toEqual([3]);
  });
  it('is empty when start equals end or the step points away', () => {
    expect(range(4, 4)).toEqual([]);
    expect(range(5, 0)).toEqual([]);
    expect(range(0, 5, -1)).toEqual([]);
  });
  it('rejects a zero or non-finite step', () => {
    expect(() => range(0, 5, 0)).toThrow('step must be a finite non-zero number');
    expect(() => range(0, 5, Infinity)).toThrow('finite non-zero');
    expect(() => range(0, 5, NaN)).toThrow(RangeError);
  });
  it('allows exactly MAX_RANGE values and refuses more', () => {
    expect(range(0, MAX_RANGE)).toHaveLength(MAX_RANGE);
    expect(() => range(0, MAX_RANGE + 1)).toThrow('range would exceed 10000 values');
    expect(() => range(0, -50000, -1)).toThrow(RangeError);
  });
  it('measures the length from start to end in steps', () => {
    expect(range(5000, 10000)).toHaveLength(5000);
    expect(range(0, 20000, 2)).toHaveLength(MAX_RANGE);
  });
});
