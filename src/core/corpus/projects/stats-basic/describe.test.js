import { median, range, std, summarize, variance } from './describe.js';

const data = [2, 4, 4, 4, 5, 5, 7, 9];

describe('variance', () => {
  it('computes the population variance by default', () => {
    expect(variance(data)).toBe(4);
    expect(variance(data, false)).toBe(4);
  });
  it('computes the sample variance with n - 1', () => {
    expect(variance(data, true)).toBeCloseTo(32 / 7, 10);
    expect(variance([1, 3], true)).toBe(2);
  });
  it('is 0 for a single value (population)', () => {
    expect(variance([5])).toBe(0);
  });
  it('rejects a sample variance of one value', () => {
    expect(() => variance([5], true)).toThrow(RangeError);
    expect(() => variance([5], true)).toThrow('at least 2');
  });
  it('rejects empty input', () => {
    expect(() => variance([])).toThrow('must not be empty');
  });
});

describe('std', () => {
  it('is the square root of the variance', () => {
    expect(std(data)).toBe(2);
    expect(std(data, true)).toBeCloseTo(Math.sqrt(32 / 7), 10);
  });
  it('is 0 for constant data', () => {
    expect(std([3, 3, 3])).toBe(0);
  });
});

describe('median', () => {
  it('takes the middle of an odd-length list', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([9])).toBe(9);
  });
  it('averages the two middle values of an even-length list', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([1, 10])).toBe(5.5);
  });
  it('sorts numerically, not as strings', () => {
    expect(median([10, 9, 100])).toBe(10);
  });
  it('does not modify its input', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
  it('throws on empty input', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('range', () => {
  it('is max minus min', () => {
    expect(range([4, -1, 7])).toBe(8);
    expect(range([2])).toBe(0);
  });
});

describe('summarize', () => {
  it('summarizes a small list', () => {
    expect(summarize([1, 3])).toEqual({
      count: 2,
      sum: 4,
      mean: 2,
      min: 1,
      max: 3,
      median: 2,
      std: 1,
    });
  });
  it('summarizes the reference data', () => {
    const s = summarize(data);
    expect(s.count).toBe(8);
    expect(s.sum).toBe(40);
    expect(s.mean).toBe(5);
    expect(s.median).toBe(4.5);
    expect(s.min).toBe(2);
    expect(s.max).toBe(9);
    expect(s.std).toBe(2);
  });
  it('rejects bad input', () => {
    expect(() => summarize([])).toThrow();
    expect(() => summarize([1, 'x'])).toThrow(TypeError);
  });
});
