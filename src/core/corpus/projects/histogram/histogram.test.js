import { binCounts, binEdges, binIndex, cumulative, histogram } from './histogram.js';

describe('binEdges', () => {
  it('spaces edges evenly', () => {
    expect(binEdges(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(binEdges(-1, 1, 2)).toEqual([-1, 0, 1]);
  });
  it('gives two edges for one bin', () => {
    expect(binEdges(3, 4, 1)).toEqual([3, 4]);
  });
  it('ends exactly at max even with fractional widths', () => {
    const e = binEdges(0, 1, 3);
    expect(e).toHaveLength(4);
    expect(e[3]).toBe(1);
    expect(e[1]).toBeCloseTo(1 / 3, 12);
  });
  it('rejects bad bin counts and ranges', () => {
    expect(() => binEdges(0, 1, 0)).toThrow('bins must be a positive integer');
    expect(() => binEdges(0, 1, 2.5)).toThrow(RangeError);
    expect(() => binEdges(1, 1, 2)).toThrow('max must be greater than min');
    expect(() => binEdges(2, 1, 2)).toThrow(RangeError);
  });
});

describe('binIndex', () => {
  const edges = [0, 5, 10, 15];
  it('puts values in half-open bins', () => {
    expect(binIndex(0, edges)).toBe(0);
    expect(binIndex(4.99, edges)).toBe(0);
    expect(binIndex(5, edges)).toBe(1);
    expect(binIndex(9, edges)).toBe(1);
    expect(binIndex(10, edges)).toBe(2);
  });
  it('includes the last edge in the last bin', () => {
    expect(binIndex(15, edges)).toBe(2);
    expect(binIndex(10, [0, 5, 10])).toBe(1);
  });
  it('returns -1 outside the range', () => {
    expect(binIndex(-0.1, edges)).toBe(-1);
    expect(binIndex(15.1, edges)).toBe(-1);
  });
  it('works with a single bin', () => {
    expect(binIndex(0, [0, 1])).toBe(0);
    expect(binIndex(1, [0, 1])).toBe(0);
    expect(binIndex(0.5, [0, 1])).toBe(0);
  });
  it('searches many bins correctly', () => {
    const many = binEdges(0, 100, 100);
    expect(binIndex(0, many)).toBe(0);
    expect(binIndex(37.5, many)).toBe(37);
    expect(binIndex(99.9, many)).toBe(99);
    expect(binIndex(100, many)).toBe(99);
    expect(binIndex(1, many)).toBe(1);
  });
  it('rejects too few edges', () => {
    expect(() => binIndex(1, [1])).toThrow(RangeError);
    expect(() => binIndex(1, null)).toThrow('at least two');
  });
});

describe('binCounts', () => {
  it('counts per bin and drops out-of-range values', () => {
    expect(binCounts([0, 1, 5, 10, 11], [0, 5, 10])).toEqual([2, 2]);
    expect(binCounts([-1, 3], [0, 5, 10])).toEqual([1, 0]);
  });
  it('ignores NaN', () => {
    expect(binCounts([NaN, 1], [0, 5])).toEqual([1]);
  });
  it('returns zeros for no data', () => {
    expect(binCounts([], [0, 1, 2, 3])).toEqual([0, 0, 0]);
  });
});

describe('cumulative', () => {
  it('accumulates counts', () => {
    expect(cumulative([2, 0, 3])).toEqual([2, 2, 5]);
    expect(cumulative([1])).toEqual([1]);
  });
  it('returns [] for []', () => {
    expect(cumulative([])).toEqual([]);
  });
});

describe('histogram', () => {
  it('spans the data range', () => {
    expect(histogram([1, 2, 2, 3], 2)).toEqual({ edges: [1, 2, 3], counts: [1, 3] });
  });
  it('counts every value exactly once', () => {
    const h = histogram([0, 3, 7, 10, 10, 2], 5);
    expect(h.edges).toEqual([0, 2, 4, 6, 8, 10]);
    expect(h.counts).toEqual([1, 2, 0, 1, 2]);
    let total = 0;
    for (const c of h.counts) total += c;
    expect(total).toBe(6);
  });
  it('widens a constant data set to a unit range', () => {
    expect(histogram([4, 4], 1)).toEqual({ edges: [3.5, 4.5], counts: [2] });
  });
  it('rejects empty data', () => {
    expect(() => histogram([], 3)).toThrow('non-empty');
  });
});
