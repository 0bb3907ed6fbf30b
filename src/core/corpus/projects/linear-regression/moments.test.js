import { average, checkSamples, coDeviation } from './moments.js';

describe('checkSamples', () => {
  it('returns the number of points', () => {
    expect(checkSamples([1, 2], [3, 4], 2)).toBe(2);
    expect(checkSamples([], [], 0)).toBe(0);
  });
  it('enforces the minimum', () => {
    expect(() => checkSamples([1], [1], 2)).toThrow('need at least 2 points');
    expect(checkSamples([1], [1], 1)).toBe(1);
  });
  it('rejects different lengths', () => {
    expect(() => checkSamples([1, 2], [1], 0)).toThrow(RangeError);
    expect(() => checkSamples([1], [1, 2], 0)).toThrow('same length');
  });
  it('rejects non-finite entries and non-arrays', () => {
    expect(() => checkSamples([1, NaN], [1, 2], 0)).toThrow('point 1');
    expect(() => checkSamples([1, 2], [1, Infinity], 0)).toThrow(TypeError);
    expect(() => checkSamples(null, [], 0)).toThrow('xs and ys must be arrays');
    expect(() => checkSamples([NaN, 1], [1, 2], 0)).toThrow('point 0');
  });
});

describe('average', () => {
  it('averages values', () => {
    expect(average([2, 4, 9])).toBe(5);
    expect(average([-1])).toBe(-1);
  });
  it('rejects an empty list', () => {
    expect(() => average([])).toThrow(RangeError);
  });
});

describe('coDeviation', () => {
  it('sums products of deviations', () => {
    expect(coDeviation([1, 2, 3], [2, 4, 6])).toBe(4);
    expect(coDeviation([1, 2, 3], [3, 2, 1])).toBe(-2);
  });
  it('is the sum of squares when both lists are equal', () => {
    expect(coDeviation([1, 3], [1, 3])).toBe(2);
  });
  it('is 0 when one list is constant', () => {
    expect(coDeviation([1, 2, 3], [5, 5, 5])).toBe(0);
  });
  it('requires at least one point', () => {
    expect(() => coDeviation([], [])).toThrow('need at least 1 points');
  });
});
