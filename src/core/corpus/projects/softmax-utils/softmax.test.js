import { argmax, logSoftmax, logSumExp, sampleIndex, softmax } from './softmax.js';

describe('argmax', () => {
  it('finds the largest value', () => {
    expect(argmax([1, 3, 2])).toBe(1);
    expect(argmax([9, 3, 2])).toBe(0);
    expect(argmax([1, 3, 7])).toBe(2);
  });
  it('breaks ties by first occurrence', () => {
    expect(argmax([1, 5, 5, 2])).toBe(1);
    expect(argmax([4, 4])).toBe(0);
  });
  it('handles negatives and a single value', () => {
    expect(argmax([-3, -1, -2])).toBe(1);
    expect(argmax([42])).toBe(0);
  });
  it('rejects empty or invalid input', () => {
    expect(() => argmax([])).toThrow(RangeError);
    expect(() => argmax('abc')).toThrow('logits must be an array');
    expect(() => argmax([1, NaN])).toThrow('numbers');
  });
});

describe('logSumExp', () => {
  it('matches the naive formula on small values', () => {
    expect(logSumExp([0, 0])).toBeCloseTo(Math.log(2), 12);
    expect(logSumExp([1, 2, 3])).toBeCloseTo(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), 12);
  });
  it('returns the value itself for one element', () => {
    expect(logSumExp([5])).toBe(5);
  });
  it('does not overflow on large logits', () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 9);
    expect(logSumExp([0, 1000])).toBeCloseTo(1000, 9);
  });
  it('does not underflow on very negative logits', () => {
    expect(logSumExp([-1000, -1000])).toBeCloseTo(-1000 + Math.log(2), 9);
  });
  it('is -Infinity when every logit is -Infinity', () => {
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
  });
});

describe('softmax', () => {
  it('gives uniform probabilities for equal logits', () => {
    expect(softmax([0, 0])).toEqual([0.5, 0.5]);
    expect(softmax([3, 3, 3, 3])).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
  it('matches the textbook formula', () => {
    const p = softmax([1, 2]);
    const e = Math.exp(1);
    expect(p[0]).toBeCloseTo(1 / (1 + e), 12);
    expect(p[1]).toBeCloseTo(e / (1 + e), 12);
  });
  it('sums to 1 and keeps order', () => {
    const p = softmax([2, -1, 0.5]);
    expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 12);
    expect(p[0]).toBeGreaterThan(p[2]);
    expect(p[2]).toBeGreaterThan(p[1]);
  });
  it('stays finite with huge logits', () => {
    const p = softmax([1000, 1001]);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.E), 12);
    expect(Number.isNaN(p[1])).toBe(false);
    const spread = softmax([0, 1000]);
    expect(spread[0]).toBe(0);
    expect(spread[1]).toBe(1);
  });
  it('sharpens with a low temperature and flattens with a high one', () => {
    const cold = softmax([1, 2], 0.5);
    const hot = softmax([1, 2], 10);
    expect(cold[1]).toBeCloseTo(Math.exp(4) / (Math.exp(2) + Math.exp(4)), 12);
    expect(hot[1]).toBeCloseTo(Math.exp(0.2) / (Math.exp(0.1) + Math.exp(0.2)), 12);
    expect(cold[1]).toBeGreaterThan(softmax([1, 2])[1]);
  });
  it('rejects non-positive or non-finite temperatures', () => {
    expect(() => softmax([1, 2], 0)).toThrow(RangeError);
    expect(() => softmax([1, 2], -1)).toThrow('temperature');
    expect(() => softmax([1, 2], Infinity)).toThrow(RangeError);
    expect(() => softmax([1, 2], NaN)).toThrow(RangeError);
  });
  it('rejects empty logits', () => {
    expect(() => softmax([])).toThrow('must not be empty');
  });
});

describe('logSoftmax', () => {
  it('equals the log of softmax', () => {
    const l = logSoftmax([1, 2, 3]);
    const p = softmax([1, 2, 3]);
    expect(l[0]).toBeCloseTo(Math.log(p[0]), 12);
    expect(l[2]).toBeCloseTo(Math.log(p[2]), 12);
  });
  it('is -log(n) for equal logits', () => {
    expect(logSoftmax([0, 0])[1]).toBeCloseTo(-Math.log(2), 12);
  });
});

describe('sampleIndex', () => {
  const probs = [0.25, 0.5, 0.25];
  it('maps u to the bucket whose cumulative range contains it', () => {
    expect(sampleIndex(probs, 0)).toBe(0);
    expect(sampleIndex(probs, 0.3)).toBe(1);
    expect(sampleIndex(probs, 0.8)).toBe(2);
  });
  it('treats each boundary as the start of the next bucket', () => {
    expect(sampleIndex(probs, 0.25)).toBe(1);
    expect(sampleIndex(probs, 0.75)).toBe(2);
    expect(sampleIndex(probs, 0.2499)).toBe(0);
  });
  it('skips zero-probability entries', () => {
    expect(sampleIndex([0, 1], 0)).toBe(1);
  });
  it('falls back to the last index when probabilities sum just under 1', () => {
    expect(sampleIndex([0.3, 0.3, 0.3], 0.95)).toBe(2);
  });
  it('rejects u outside [0, 1)', () => {
    expect(() => sampleIndex(probs, 1)).toThrow(RangeError);
    expect(() => sampleIndex(probs, -0.1)).toThrow('u must be in [0, 1)');
  });
});
