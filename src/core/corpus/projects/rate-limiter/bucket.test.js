import { createBucket, limitKey, refill, tryConsume } from './bucket.js';

describe('createBucket', () => {
  it('starts full', () => {
    expect(createBucket(5, 1, 1000)).toEqual({ capacity: 5, rate: 1, tokens: 5, last: 1000 });
  });
  it('rejects non-positive capacity or rate', () => {
    expect(() => createBucket(0, 1, 0)).toThrow('capacity must be positive');
    expect(() => createBucket(1, 0, 0)).toThrow('ratePerSecond must be positive');
    expect(() => createBucket(1, -1, 0)).toThrow(RangeError);
    expect(() => createBucket(NaN, 1, 0)).toThrow(RangeError);
  });
  it('rejects bad clock values', () => {
    expect(() => createBucket(1, 1, -1)).toThrow('nowMs');
    expect(() => createBucket(1, 1, '5')).toThrow(RangeError);
    expect(() => createBucket(1, 1, NaN)).toThrow('nowMs');
    expect(() => refill(createBucket(1, 1, 0), Infinity)).toThrow('nowMs');
    expect(createBucket(1, 1, 0).last).toBe(0);
  });
});

describe('refill', () => {
  it('adds tokens in proportion to elapsed time', () => {
    expect(refill({ capacity: 5, rate: 2, tokens: 0, last: 0 }, 1500)).toEqual({
      capacity: 5,
      rate: 2,
      tokens: 3,
      last: 1500,
    });
    expect(refill({ capacity: 5, rate: 1, tokens: 1, last: 1000 }, 1250).tokens).toBe(1.25);
  });
  it('caps at capacity', () => {
    expect(refill({ capacity: 5, rate: 1, tokens: 4, last: 0 }, 60000).tokens).toBe(5);
  });
  it('adds nothing when no time passed', () => {
    expect(refill({ capacity: 5, rate: 1, tokens: 2, last: 100 }, 100).tokens).toBe(2);
  });
  it('does not modify the input state', () => {
    const b = { capacity: 5, rate: 1, tokens: 0, last: 0 };
    refill(b, 2000);
    expect(b.tokens).toBe(0);
  });
});

describe('tryConsume', () => {
  it('allows while tokens remain', () => {
    const r = tryConsume(createBucket(2, 1, 0), 0);
    expect(r.allowed).toBe(true);
    expect(r.bucket.tokens).toBe(1);
    expect(r.retryAfterMs).toBe(0);
  });
  it('allows a request that uses exactly the remaining tokens', () => {
    const r = tryConsume({ capacity: 3, rate: 1, tokens: 2, last: 0 }, 0, 2);
    expect(r.allowed).toBe(true);
    expect(r.bucket.tokens).toBe(0);
  });
  it('refuses and reports the wait when empty', () => {
    expect(tryConsume({ capacity: 2, rate: 1, tokens: 0, last: 0 }, 500, 1)).toEqual({
      allowed: false,
      bucket: { capacity: 2, rate: 1, tokens: 0.5, last: 500 },
      retryAfterMs: 500,
    });
  });
  it('rounds the wait up to a whole millisecond', () => {
    expect(tryConsume({ capacity: 1, rate: 3, tokens: 0, last: 0 }, 0).retryAfterMs).toBe(334);
  });
  it('recovers after waiting', () => {
    let b = createBucket(1, 2, 0);
    b = tryConsume(b, 0).bucket;
    expect(tryConsume(b, 499).allowed).toBe(false);
    expect(tryConsume(b, 500).allowed).toBe(true);
  });
  it('accepts a cost equal to capacity', () => {
    expect(tryConsume(createBucket(3, 1, 0), 0, 3).allowed).toBe(true);
  });
});

describe('limitKey', () => {
  const config = { capacity: 2, rate: 1 };
  it('creates a full bucket for a new key', () => {
    expect(limitKey({}, 'ip1', 0, { capacity: 1, rate: 1 })).toEqual({
      allowed: true,
      state: { 'k:ip1': { capacity: 1, rate: 1, tokens: 0, last: 0 } },
      retryAfterMs: 0,
    });
  });
  it('limits each key independently', () => {
    let s = {};
    s = limitKey(s, 'a', 0, config).state;
    s = limitKey(s, 'a', 0, config).state;
    expect(limitKey(s, 'a', 0, config).allowed).toBe(false);
    expect(limitKey(s, 'b', 0, config).allowed).toBe(true);
  });
  it('does not modify the previous state', () => {
    const s = {};
    limitKey(s, 'a', 0, config);
    expect(s).toEqual({});
  });
  it('rejects empty keys', () => {
    expect(() => limitKey({}, '', 0, config)).toThrow('key must be a non-empty string');
  });
});

describe('security', () => {
  it('does not mint tokens when the clock goes backwards', () => {
    const b = { capacity: 10, rate: 1, tokens: 0, last: 5000 };
    const back = refill(b, 1000);
    expect(back.tokens).toBe(0);
    expect(back.last).toBe(5000);
    expect(refill(back, 5000).tokens).toBe(0);
  });
  it('rejects negative, zero and NaN costs that would add tokens', () => {
    const b = createBucket(2, 1, 0);
    expect(() => tryConsume(b, 0, -5)).toThrow('cost must be a positive number');
    expect(() => tryConsume(b, 0, 0)).toThrow(RangeError);
    expect(() => tryConsume(b, 0, NaN)).toThrow(RangeError);
  });
  it('rejects costs above capacity that could never succeed', () => {
    expect(() => tryConsume(createBucket(2, 1, 0), 0, 3)).toThrow('cost exceeds capacity');
  });
  it('keeps a __proto__ key as ordinary state', () => {
    const config = { capacity: 1, rate: 1 };
    const r1 = limitKey({}, '__proto__', 0, config);
    expect(r1.allowed).toBe(true);
    expect(limitKey(r1.state, '__proto__', 0, config).allowed).toBe(false);
    expect({}.tokens).toBeUndefined();
  });
  it('does not trust inherited bucket state', () => {
    const state = Object.create({ 'k:a': { capacity: 1, rate: 1, tokens: 1000, last: 0 } });
    const r = limitKey(state, 'a', 0, { capacity: 1, rate: 1 });
    expect(r.state['k:a'].tokens).toBe(0);
  });
});
