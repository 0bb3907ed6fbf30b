import { clamp, clip, l2Normalize, minMaxScale, zScore } from './normalize.js';

describe('clamp', () => {
  it('leaves values inside the range alone', () => {
    expect(clamp(5, 0, 10)).toBe(5);
  });
  it('clamps at both ends, including exact bounds', () => {
    expect(clamp(12, 0, 10)).toBe(10);
    expect(clamp(-3, 0, 10)).toBe(0);
    expect(clamp(0, 0, 10)).toBe(0);
    expect(clamp(10, 0, 10)).toBe(10);
  });
  it('allows a degenerate range', () => {
    expect(clamp(7, 2, 2)).toBe(2);
  });
  it('rejects min greater than max', () => {
    expect(() => clamp(1, 5, 4)).toThrow(RangeError);
  });
});

describe('clip', () => {
  it('clips each element', () => {
    expect(clip([-5, 0.5, 9], 0, 1)).toEqual([0, 0.5, 1]);
  });
  it('returns an empty list for empty input', () => {
    expect(clip([], 0, 1)).toEqual([]);
  });
  it('rejects non-numeric input', () => {
    expect(() => clip([1, 'a'], 0, 1)).toThrow(TypeError);
    expect(() => clip(null, 0, 1)).toThrow('values must be an array');
  });
});

describe('minMaxScale', () => {
  it('maps to [0, 1] by default', () => {
    expect(minMaxScale([2, 4, 6])).toEqual([0, 0.5, 1]);
    expect(minMaxScale([10, 0, 5])).toEqual([1, 0, 0.5]);
  });
  it('maps to a custom range', () => {
    expect(minMaxScale([2, 4, 6], -1, 1)).toEqual([-1, 0, 1]);
    expect(minMaxScale([0, 1, 4], 10, 18)).toEqual([10, 12, 18]);
  });
  it('maps a constant list to the middle of the range', () => {
    expect(minMaxScale([3, 3], 0, 1)).toEqual([0.5, 0.5]);
    expect(minMaxScale([7], 2, 4)).toEqual([3]);
  });
  it('returns [] for an empty list', () => {
    expect(minMaxScale([])).toEqual([]);
  });
  it('rejects an empty or inverted target range', () => {
    expect(() => minMaxScale([1, 2], 1, 1)).toThrow(RangeError);
    expect(() => minMaxScale([1, 2], 2, 1)).toThrow('lo must be less than hi');
  });
});

describe('zScore', () => {
  it('standardises two values', () => {
    expect(zScore([1, 3])).toEqual([-1, 1]);
  });
  it('uses the population standard deviation', () => {
    const z = zScore([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(z[0]).toBe(-1.5);
    expect(z[7]).toBe(2);
    expect(z[4]).toBe(0);
  });
  it('maps constant data to zeros', () => {
    expect(zScore([5, 5, 5])).toEqual([0, 0, 0]);
  });
  it('returns [] for empty input', () => {
    expect(zScore([])).toEqual([]);
  });
  it('rejects non-finite values', () => {
    expect(() => zScore([1, Infinity])).toThrow('finite');
  });
});

describe('l2Normalize', () => {
  it('scales to unit length', () => {
    expect(l2Normalize([3, 4])).toEqual([0.6, 0.8]);
    expect(l2Normalize([0, -2])).toEqual([0, -1]);
  });
  it('produces a vector of norm 1', () => {
    const v = l2Normalize([1, 2, 2]);
    expect(Math.hypot(v[0], v[1], v[2])).toBeCloseTo(1, 12);
    expect(v[0]).toBeCloseTo(1 / 3, 12);
  });
  it('returns a copy of the zero vector', () => {
    const zero = [0, 0];
    const out = l2Normalize(zero);
    expect(out).toEqual([0, 0]);
    expect(out === zero).toBe(false);
  });
  it('returns [] for empty input', () => {
    expect(l2Normalize([])).toEqual([]);
  });
});
