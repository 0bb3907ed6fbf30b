import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../../core/rng';
import { chooseAction } from './sampling';

/** Log-probs of a random distribution over `width` ids, normalised over `allowed`. */
function logProbsOver(raw: number[], allowed: number[]): Float32Array {
  const out = new Float32Array(raw.length).fill(-1e9);
  const max = Math.max(...allowed.map((i) => raw[i]!));
  const lse = max + Math.log(allowed.reduce((s, i) => s + Math.exp(raw[i]! - max), 0));
  for (const i of allowed) out[i] = raw[i]! - lse;
  return out;
}

const distribution = fc
  .array(fc.double({ min: -8, max: 8, noNaN: true }), { minLength: 1, maxLength: 40 })
  .chain((raw) =>
    fc.record({
      raw: fc.constant(raw),
      allowed: fc.uniqueArray(fc.nat(raw.length - 1), { minLength: 1, maxLength: raw.length }),
      temperature: fc.oneof(fc.constant(0), fc.double({ min: 0.05, max: 3, noNaN: true })),
      seed: fc.nat(),
    }),
  );

describe('chooseAction', () => {
  it('only ever picks an allowed action, and reports a consistent distribution', () => {
    fc.assert(
      fc.property(distribution, ({ raw, allowed, temperature, seed }) => {
        const lp = logProbsOver(raw, allowed);
        const choice = chooseAction(lp, 0, allowed, temperature, createRng(seed));
        expect(allowed).toContain(choice.action);
        expect(choice.logProb).toBe(lp[choice.action]);
        expect(choice.entropy).toBeGreaterThanOrEqual(-1e-12);
        expect(choice.entropy).toBeLessThanOrEqual(Math.log(allowed.length) + 1e-9);
        expect(choice.top.length).toBe(Math.min(3, allowed.length));
        for (const t of choice.top) expect(allowed).toContain(t.action);
        for (let i = 1; i < choice.top.length; i++) {
          expect(choice.top[i]!.prob).toBeLessThanOrEqual(choice.top[i - 1]!.prob);
        }
      }),
    );
  });

  it('is the argmax at temperature 0, lowest id on ties', () => {
    fc.assert(
      fc.property(distribution, ({ raw, allowed }) => {
        const lp = logProbsOver(raw, allowed);
        const { action } = chooseAction(lp, 0, allowed, 0, null);
        const best = Math.max(...allowed.map((i) => lp[i]!));
        const expected = Math.min(...allowed.filter((i) => lp[i] === best));
        expect(action).toBe(expected);
      }),
    );
  });

  it('has log-prob 0 and entropy 0 when one action is allowed', () => {
    const lp = logProbsOver([0.3, -2, 5], [1]);
    const choice = chooseAction(lp, 0, [1], 1, createRng(3));
    expect(choice).toEqual({ action: 1, logProb: 0, entropy: 0, top: [{ action: 1, prob: 1 }] });
  });

  it('reads the row at the given offset', () => {
    const rows = new Float32Array([0, -1e9, -1e9, -1e9, 0, -1e9]);
    expect(chooseAction(rows, 3, [0, 1, 2], 1, createRng(1)).action).toBe(1);
  });

  it('draws with the frequencies of the tempered distribution', () => {
    const lp = Float32Array.from([Math.log(0.7), Math.log(0.2), Math.log(0.1)]);
    const rng = createRng(42);
    const counts = [0, 0, 0];
    const draws = 20_000;
    for (let i = 0; i < draws; i++) counts[chooseAction(lp, 0, [0, 1, 2], 1, rng).action]! += 1;
    expect(counts[0]! / draws).toBeCloseTo(0.7, 1);
    expect(counts[2]! / draws).toBeCloseTo(0.1, 1);
    // Temperature 2 flattens: the weights become sqrt(p).
    const hot = [0, 0, 0];
    for (let i = 0; i < draws; i++) hot[chooseAction(lp, 0, [0, 1, 2], 2, rng).action]! += 1;
    const z = Math.sqrt(0.7) + Math.sqrt(0.2) + Math.sqrt(0.1);
    expect(hot[2]! / draws).toBeCloseTo(Math.sqrt(0.1) / z, 1);
  });

  it('gives the same choices for the same seed', () => {
    const lp = logProbsOver([0.1, 0.2, 0.3, 0.4, 0.5], [0, 1, 2, 3, 4]);
    const run = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 50 }, () => chooseAction(lp, 0, [0, 1, 2, 3, 4], 1, rng).action);
    };
    expect(run(9)).toEqual(run(9));
    expect(run(9)).not.toEqual(run(10));
  });

  it('refuses an empty allowed set and ids outside the row', () => {
    const lp = new Float32Array(4);
    expect(() => chooseAction(lp, 0, [], 1, null)).toThrow(/empty/);
    expect(() => chooseAction(lp, 0, [9], 1, null)).toThrow(/outside/);
  });
});
