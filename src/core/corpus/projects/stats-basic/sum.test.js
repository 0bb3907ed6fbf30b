import { assertNumbers, mean, sum, sumOfSquares } from './sum.js';

describe('sum', () => {
  it('adds positive numbers', () => {
    expect(sum([1, 2, 3])).toBe(6);
  });
  it('returns 0 for an empty list', () => {
    expect(sum([])).toBe(0);
  });
  it('handles negatives and a single value', () => {
    expect(sum([-4, 1])).toBe(-3);
    expect(sum([7])).toBe(7);
  });
  it('rejects non-arrays and non-finite entries', () => {
    expect(() => sum('123')).toThrow('values must be an array');
    expect(() => sum([1, NaN])).toThrow('finite');
    expect(() => sum([1, Infinity])).toThrow(TypeError);
    expect(() => sum([1, '2'])).toThrow(TypeError);
  });
});

describe('assertNumbers', () => {
  it('returns the length of a valid array', () => {
    expect(assertNumbers([1, 2], 'xs')).toBe(2);
    expect(assertNumbers([0], 'xs')).toBe(1);
  });
  it('rejects empty arrays with a RangeError', () => {
    expect(() => assertNumbers([], 'xs')).toThrow(RangeError);
    expect(() => assertNumbers([], 'xs')).toThrow('xs must not be empty');
  });
  it('names the bad index', () => {
    expect(() => assertNumbers([1, 2, NaN], 'xs')).toThrow('xs[2] is not a finite number');
    expect(() => assertNumbers([null], 'ys')).toThrow('ys[0]');
  });
  it('rejects non-arrays', () => {
    expect(() => assertNumbers({ length: 1 }, 'xs')).toThrow('xs must be an array');
  });
});

describe('mean', () => {
  it('averages values', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(mean([5])).toBe(5);
  });
  it('handles fractions and negatives', () => {
    expect(mean([1, 2])).toBe(1.5);
    expect(mean([-2, -4])).toBe(-3);
  });
  it('throws on an empty list', () => {
    expect(() => mean([])).toThrow(RangeError);
  });
});

describe('sumOfSquares', () => {
  it('sums squared deviations', () => {
    expect(sumOfSquares([1, 3])).toBe(2);
    expect(sumOfSquares([2, 4, 4, 4, 5, 5, 7, 9])).toBe(32);
  });
  it('is 0 for constant data', () => {
    expect(sumOfSquares([4, 4, 4])).toBe(0);
  });
});
