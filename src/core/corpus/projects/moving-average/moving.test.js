import {
  centeredAverage,
  exponentialMovingAverage,
  simpleMovingAverage,
  trailingAverage,
} from './moving.js';

describe('simpleMovingAverage', () => {
  it('averages full windows', () => {
    expect(simpleMovingAverage([1, 2, 3, 4], 2)).toEqual([1.5, 2.5, 3.5]);
    expect(simpleMovingAverage([3, 6, 9, 12], 3)).toEqual([6, 9]);
  });
  it('returns the series itself for window 1', () => {
    expect(simpleMovingAverage([5, 7], 1)).toEqual([5, 7]);
  });
  it('returns one value when the window equals the length', () => {
    expect(simpleMovingAverage([1, 2, 6], 3)).toEqual([3]);
  });
  it('returns [] when the series is shorter than the window', () => {
    expect(simpleMovingAverage([1, 2], 3)).toEqual([]);
    expect(simpleMovingAverage([], 1)).toEqual([]);
  });
  it('drops old values from the running total', () => {
    expect(simpleMovingAverage([10, 0, 0, 0], 2)).toEqual([5, 0, 0]);
  });
  it('rejects bad windows and values', () => {
    expect(() => simpleMovingAverage([1], 0)).toThrow('window must be a positive integer');
    expect(() => simpleMovingAverage([1], 1.5)).toThrow(RangeError);
    expect(() => simpleMovingAverage([1, NaN], 1)).toThrow(TypeError);
    expect(() => simpleMovingAverage('12', 1)).toThrow('values must be an array');
  });
});

describe('trailingAverage', () => {
  it('shrinks the window at the start', () => {
    expect(trailingAverage([2, 4, 6], 2)).toEqual([2, 3, 5]);
    expect(trailingAverage([3, 6, 9, 12], 3)).toEqual([3, 4.5, 6, 9]);
  });
  it('keeps the length of the input', () => {
    expect(trailingAverage([1, 2, 3, 4, 5], 10)).toEqual([1, 1.5, 2, 2.5, 3]);
  });
  it('is the identity for window 1 and [] for []', () => {
    expect(trailingAverage([4, 8], 1)).toEqual([4, 8]);
    expect(trailingAverage([], 3)).toEqual([]);
  });
  it('rejects a zero window', () => {
    expect(() => trailingAverage([1], 0)).toThrow(RangeError);
  });
});

describe('exponentialMovingAverage', () => {
  it('starts from zero without debiasing', () => {
    expect(exponentialMovingAverage([10, 10], 0.5)).toEqual([5, 7.5]);
    expect(exponentialMovingAverage([4, 8], 0.75, false)).toEqual([1, 2.75]);
  });
  it('removes the start-up bias when debiasing', () => {
    expect(exponentialMovingAverage([10, 10], 0.5, true)).toEqual([10, 10]);
    const d = exponentialMovingAverage([4, 8], 0.75, true);
    expect(d[0]).toBe(4);
    expect(d[1]).toBeCloseTo(2.75 / (1 - 0.5625), 12);
  });
  it('follows the input exactly when beta is 0', () => {
    expect(exponentialMovingAverage([3, 1, 4], 0)).toEqual([3, 1, 4]);
    expect(exponentialMovingAverage([3, 1, 4], 0, true)).toEqual([3, 1, 4]);
  });
  it('returns [] for []', () => {
    expect(exponentialMovingAverage([], 0.9)).toEqual([]);
  });
  it('rejects beta outside [0, 1)', () => {
    expect(() => exponentialMovingAverage([1], 1)).toThrow('beta must be in [0, 1)');
    expect(() => exponentialMovingAverage([1], -0.1)).toThrow(RangeError);
    expect(() => exponentialMovingAverage([1], '0.5')).toThrow(RangeError);
  });
});

describe('centeredAverage', () => {
  it('uses neighbours on both sides', () => {
    expect(centeredAverage([3, 6, 9], 3)).toEqual([4.5, 6, 7.5]);
    expect(centeredAverage([1, 2, 3, 4, 5], 3)).toEqual([1.5, 2, 3, 4, 4.5]);
  });
  it('truncates wide windows at both ends', () => {
    expect(centeredAverage([1, 2, 3, 4, 5], 5)).toEqual([2, 2.5, 3, 3.5, 4]);
  });
  it('is the identity for window 1', () => {
    expect(centeredAverage([7, 1], 1)).toEqual([7, 1]);
  });
  it('rejects even windows', () => {
    expect(() => centeredAverage([1, 2], 2)).toThrow('window must be odd');
  });
});
