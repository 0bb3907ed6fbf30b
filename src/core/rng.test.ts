import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng, hashString, isRngState, restoreRng } from './rng';

describe('rng', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = createRng(1);
    const b = createRng(1);
    const c = createRng(2);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(xs).not.toEqual(Array.from({ length: 5 }, () => c.next()));
  });

  it('restores exactly from a saved state', () => {
    const a = createRng(7);
    a.next();
    const saved = a.state();
    const expected = [a.next(), a.next(), a.int(10)];
    const b = restoreRng(saved);
    expect([b.next(), b.next(), b.int(10)]).toEqual(expected);
    expect(() => restoreRng([1, 2, 3])).toThrow(/four unsigned/);
  });

  it('tells a saved state from anything else', () => {
    expect(isRngState(createRng(3).state())).toBe(true);
    for (const bad of [
      null,
      '1,2,3,4',
      [1, 2, 3],
      [1, 2, 3, 4, 5],
      [1, 2, 3, -1],
      [1, 2, 3, 2 ** 32],
      [1, 2, 3, 0.5],
      [1, 2, 3, '4'],
    ]) {
      expect(isRngState(bad)).toBe(false);
    }
  });

  it('keeps values in range and shuffles into a permutation', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const rng = createRng(seed);
        const x = rng.next();
        const k = rng.int(n);
        return x >= 0 && x < 1 && k >= 0 && k < n && Number.isInteger(k);
      }),
    );
    const rng = createRng(3);
    const items = [1, 2, 3, 4, 5, 6];
    expect([...rng.shuffle(items)].sort()).toEqual(items);
  });

  it('forks independent streams by label', () => {
    const a = createRng(5).fork('decode');
    const b = createRng(5).fork('tasks');
    expect(a.next()).not.toBe(b.next());
    expect(hashString('abc')).toBe(hashString('abc'));
  });

  it('is roughly uniform', () => {
    const rng = createRng(11);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[rng.int(4)]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
});
