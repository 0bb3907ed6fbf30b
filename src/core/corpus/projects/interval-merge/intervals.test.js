import { findGaps, insertInterval, mergeIntervals, overlaps, totalLength } from './intervals.js';

describe('overlaps', () => {
  it('detects overlapping and touching intervals', () => {
    expect(overlaps([1, 5], [3, 8])).toBe(true);
    expect(overlaps([1, 3], [3, 5])).toBe(true);
    expect(overlaps([3, 5], [1, 3])).toBe(true);
    expect(overlaps([1, 10], [4, 5])).toBe(true);
  });
  it('rejects disjoint intervals on either side', () => {
    expect(overlaps([1, 2], [3, 4])).toBe(false);
    expect(overlaps([3, 4], [1, 2])).toBe(false);
  });
  it('treats points as zero-length intervals', () => {
    expect(overlaps([2, 2], [2, 2])).toBe(true);
    expect(overlaps([2, 2], [2.5, 3])).toBe(false);
  });
  it('validates intervals', () => {
    expect(() => overlaps([5, 1], [0, 1])).toThrow('interval start 5 is after its end 1');
    expect(() => overlaps([0, 1], [1])).toThrow('an interval is a [start, end] pair');
    expect(() => overlaps([0, NaN], [0, 1])).toThrow('finite numbers');
    expect(() => overlaps([0, 1], [Infinity, 1])).toThrow(TypeError);
    expect(() => overlaps('ab', [0, 1])).toThrow('an interval is a [start, end] pair');
  });
});

describe('mergeIntervals', () => {
  it('merges overlaps and touching intervals, sorting first', () => {
    expect(
      mergeIntervals([
        [8, 10],
        [1, 3],
        [2, 6],
        [6, 7],
      ]),
    ).toEqual([
      [1, 7],
      [8, 10],
    ]);
  });
  it('keeps disjoint intervals apart', () => {
    expect(
      mergeIntervals([
        [5, 6],
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });
  it('absorbs contained intervals without shrinking the end', () => {
    expect(
      mergeIntervals([
        [1, 10],
        [2, 3],
        [4, 5],
      ]),
    ).toEqual([[1, 10]]);
    expect(
      mergeIntervals([
        [4, 5],
        [1, 9],
        [0, 2],
      ]),
    ).toEqual([[0, 9]]);
    expect(
      mergeIntervals([
        [7, 8],
        [2, 3],
        [5, 6],
        [1, 4],
      ]),
    ).toEqual([
      [1, 4],
      [5, 6],
      [7, 8],
    ]);
  });
  it('handles empty and single lists', () => {
    expect(mergeIntervals([])).toEqual([]);
    expect(mergeIntervals([[2, 4]])).toEqual([[2, 4]]);
  });
  it('does not modify the input intervals', () => {
    const input = [
      [1, 3],
      [2, 5],
    ];
    mergeIntervals(input);
    expect(input).toEqual([
      [1, 3],
      [2, 5],
    ]);
  });
  it('handles negative bounds and points', () => {
    expect(
      mergeIntervals([
        [-5, -3],
        [-3, -3],
        [0, 0],
      ]),
    ).toEqual([
      [-5, -3],
      [0, 0],
    ]);
  });
  it('rejects an invalid member', () => {
    expect(() =>
      mergeIntervals([
        [1, 2],
        [4, 3],
      ]),
    ).toThrow(RangeError);
  });
});

describe('insertInterval', () => {
  it('merges across several intervals', () => {
    expect(
      insertInterval(
        [
          [1, 2],
          [3, 5],
          [6, 7],
          [8, 10],
        ],
        [4, 8],
      ),
    ).toEqual([
      [1, 2],
      [3, 10],
    ]);
  });
  it('inserts without merging at the start, middle and end', () => {
    expect(
      insertInterval(
        [
          [3, 4],
          [8, 9],
        ],
        [0, 1],
      ),
    ).toEqual([
      [0, 1],
      [3, 4],
      [8, 9],
    ]);
    expect(
      insertInterval(
        [
          [3, 4],
          [8, 9],
        ],
        [5, 6],
      ),
    ).toEqual([
      [3, 4],
      [5, 6],
      [8, 9],
    ]);
    expect(
      insertInterval(
        [
          [3, 4],
          [8, 9],
        ],
        [10, 12],
      ),
    ).toEqual([
      [3, 4],
      [8, 9],
      [10, 12],
    ]);
  });
  it('merges touching neighbours on both sides', () => {
    expect(
      insertInterval(
        [
          [1, 2],
          [5, 6],
        ],
        [2, 5],
      ),
    ).toEqual([[1, 6]]);
    expect(insertInterval([[1, 3]], [0, 1])).toEqual([[0, 3]]);
  });
  it('extends to the larger bounds when inside or around', () => {
    expect(insertInterval([[1, 10]], [2, 3])).toEqual([[1, 10]]);
    expect(
      insertInterval(
        [
          [2, 3],
          [4, 5],
        ],
        [1, 9],
      ),
    ).toEqual([[1, 9]]);
  });
  it('inserts into an empty list and does not modify the input', () => {
    expect(insertInterval([], [1, 2])).toEqual([[1, 2]]);
    const sorted = [
      [1, 2],
      [6, 8],
    ];
    const out = insertInterval(sorted, [3, 4]);
    out[0][0] = 99;
    out[2][0] = 99;
    expect(sorted).toEqual([
      [1, 2],
      [6, 8],
    ]);
  });
});

describe('totalLength', () => {
  it('counts overlapping stretches once', () => {
    expect(
      totalLength([
        [1, 4],
        [2, 6],
        [10, 11],
      ]),
    ).toBe(6);
    expect(
      totalLength([
        [0, 1],
        [1, 2],
      ]),
    ).toBe(2);
  });
  it('is 0 for no intervals or points only', () => {
    expect(totalLength([])).toBe(0);
    expect(totalLength([[3, 3]])).toBe(0);
  });
});

describe('findGaps', () => {
  it('lists uncovered stretches inside the window', () => {
    expect(
      findGaps(
        [
          [2, 4],
          [6, 7],
        ],
        0,
        10,
      ),
    ).toEqual([
      [0, 2],
      [4, 6],
      [7, 10],
    ]);
  });
  it('ignores intervals outside the window', () => {
    expect(
      findGaps(
        [
          [-5, -1],
          [20, 30],
        ],
        0,
        10,
      ),
    ).toEqual([[0, 10]]);
    expect(
      findGaps(
        [
          [-5, 2],
          [8, 30],
        ],
        0,
        10,
      ),
    ).toEqual([[2, 8]]);
  });
  it('has no gap at a covered edge or when fully covered', () => {
    expect(
      findGaps(
        [
          [0, 3],
          [7, 10],
        ],
        0,
        10,
      ),
    ).toEqual([[3, 7]]);
    expect(findGaps([[0, 10]], 0, 10)).toEqual([]);
    expect(findGaps([[-1, 11]], 0, 10)).toEqual([]);
  });
  it('keeps a gap that ends where an interval starts at the window end', () => {
    expect(findGaps([[10, 12]], 0, 10)).toEqual([[0, 10]]);
  });
  it('returns the whole window when there are no intervals', () => {
    expect(findGaps([], 2, 5)).toEqual([[2, 5]]);
    expect(findGaps([], 4, 4)).toEqual([]);
  });
  it('rejects an inverted window', () => {
    expect(() => findGaps([], 5, 1)).toThrow(RangeError);
  });
});
