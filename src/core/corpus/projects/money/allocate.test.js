import { allocate, percentOf, splitEvenly } from './allocate.js';

const total = (parts) => parts.reduce((a, b) => a + b, 0);

describe('allocate', () => {
  it('splits exactly by ratios', () => {
    expect(allocate(1000, [1, 3])).toEqual([250, 750]);
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });
  it('gives leftover cents to the largest fractional shares', () => {
    expect(allocate(100, [1, 2])).toEqual([33, 67]);
    expect(allocate(5, [3, 7])).toEqual([2, 3]);
    expect(allocate(7, [1, 4])).toEqual([1, 6]);
    expect(allocate(10, [1, 1, 1, 3])).toEqual([2, 2, 1, 5]);
  });
  it('breaks ties toward earlier parts', () => {
    expect(allocate(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocate(1, [1, 1])).toEqual([1, 0]);
  });
  it('always adds up to the amount', () => {
    for (const cents of [0, 1, 7, 99, 1001, 123457]) {
      expect(total(allocate(cents, [2, 3, 5, 7]))).toBe(cents);
    }
  });
  it('gives nothing to zero ratios', () => {
    expect(allocate(10, [0, 1, 0])).toEqual([0, 10, 0]);
  });
  it('splits negative amounts symmetrically', () => {
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(-1, [1, 1])).toEqual([-1, 0]);
    expect(Object.is(allocate(-1, [1, 1])[1], 0)).toBe(true);
  });
  it('accepts fractional ratios', () => {
    expect(allocate(100, [0.5, 0.25, 0.25])).toEqual([50, 25, 25]);
  });
  it('rejects bad ratios', () => {
    expect(() => allocate(100, [])).toThrow('ratios must be a non-empty array');
    expect(() => allocate(100, [1, -1])).toThrow('ratios must be finite and non-negative');
    expect(() => allocate(100, [1, NaN])).toThrow(RangeError);
    expect(() => allocate(100, ['1'])).toThrow(RangeError);
    expect(() => allocate(100, [0, 0])).toThrow('ratios must not all be zero');
    expect(() => allocate(100, 'ab')).toThrow('ratios must be a non-empty array');
  });
  it('rejects fractional amounts', () => {
    expect(() => allocate(10.5, [1])).toThrow(TypeError);
  });
});

describe('splitEvenly', () => {
  it('puts the extra cents first', () => {
    expect(splitEvenly(1000, 3)).toEqual([334, 333, 333]);
    expect(splitEvenly(1001, 3)).toEqual([334, 334, 333]);
    expect(splitEvenly(999, 3)).toEqual([333, 333, 333]);
  });
  it('handles one part and more parts than cents', () => {
    expect(splitEvenly(57, 1)).toEqual([57]);
    expect(splitEvenly(2, 4)).toEqual([1, 1, 0, 0]);
  });
  it('rejects bad part counts', () => {
    expect(() => splitEvenly(100, 0)).toThrow('n must be an integer >= 1');
    expect(() => splitEvenly(100, 2.5)).toThrow(RangeError);
  });
});

describe('percentOf', () => {
  it('rounds to the nearest cent', () => {
    expect(percentOf(1999, 7.5)).toBe(150);
    expect(percentOf(10000, 12.345)).toBe(1235);
    expect(percentOf(1000, 33)).toBe(330);
    expect(percentOf(1000, 0.5)).toBe(5);
    expect(percentOf(100000, 1.005)).toBe(1005);
  });
  it('rounds exact halves away from zero', () => {
    expect(percentOf(10, 5)).toBe(1);
    expect(percentOf(-10, 5)).toBe(-1);
    expect(percentOf(10, -5)).toBe(-1);
    expect(percentOf(30, 5)).toBe(2);
  });
  it('rounds just below a half down', () => {
    expect(percentOf(9, 5)).toBe(0);
    expect(percentOf(1, 49)).toBe(0);
  });
  it('keeps the sign rules for negative inputs', () => {
    expect(percentOf(-1000, -10)).toBe(100);
    expect(percentOf(-1000, 10)).toBe(-100);
    expect(Object.is(percentOf(-1, 1), 0)).toBe(true);
  });
  it('handles 0 and 100 percent', () => {
    expect(percentOf(12345, 0)).toBe(0);
    expect(percentOf(12345, 100)).toBe(12345);
  });
  it('rejects non-finite rates and fractional amounts', () => {
    expect(() => percentOf(100, Infinity)).toThrow('percent must be a finite number');
    expect(() => percentOf(100, '5')).toThrow(RangeError);
    expect(() => percentOf(0.5, 5)).toThrow(TypeError);
  });
});
