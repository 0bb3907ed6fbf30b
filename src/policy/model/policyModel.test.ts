import '../../node/tf';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import { FAMILY_SCALE } from './decoder';
import { packBatch } from './forward';
import { decodeSlices, PolicyModel } from './policyModel';
import { defaultModelConfig, type AllowedFn } from './types';
import { observation, tinyConfig, useBackend } from './testUtils';

beforeAll(() => useBackend('cpu'));

const V = tinyConfig().vocabSize;

describe('PolicyModel shapes and size', () => {
  it('stays well under 5M parameters with the defaults at V = 2000', () => {
    const model = PolicyModel.create(defaultModelConfig(2000));
    const count = model.parameterCount();
    expect(count).toBeGreaterThan(300_000);
    expect(count).toBeLessThan(1_000_000);
    model.dispose();
  });

  it('names every weight with its shape, e.g. the vocab head is [D, V]', async () => {
    const model = PolicyModel.create(tinyConfig());
    const weights = await model.getWeights();
    const byName = new Map(weights.map((w) => [w.name, w.shape]));
    expect(byName.get('tok.emb')).toEqual([V, 16]);
    expect(byName.get('act.emb')).toEqual([V + 1, 16]);
    expect(byName.get('out.vocab.w')).toEqual([16, V]);
    expect(weights.reduce((n, w) => n + w.values.length, 0)).toBe(model.parameterCount());
    model.dispose();
  });

  it('decodes an observation of 640 positions (maxObsLen > 512) and points at its last position', async () => {
    const model = PolicyModel.create(tinyConfig({ maxObsLen: 640 }));
    const tokens = Array.from({ length: 640 }, (_, i) => i % V);
    const last = V + 639;
    const allowed: AllowedFn = (step) => (step === 0 ? [last, 3] : null);
    const [result] = await model.sampleGroup(observation(tokens), allowed, 1, 1, createRng(1));
    expect(result!.actions.length).toBe(1);
    expect([last, 3]).toContain(result!.actions[0]);
    model.dispose();
  });

  it('rejects invalid configs and observations', async () => {
    expect(() => PolicyModel.create(tinyConfig({ heads: 3 }))).toThrow(/heads/);
    expect(() => PolicyModel.create(tinyConfig({ dModel: 0 }))).toThrow(/dModel/);
    const model = PolicyModel.create(tinyConfig());
    const tooLong = observation(new Array<number>(33).fill(1));
    await expect(model.greedy(tooLong, () => null)).rejects.toThrow(/outside 1\.\.32/);
    await expect(model.greedy(observation([1]), () => [])).rejects.toThrow(/empty/);
    await expect(model.greedy(observation([1]), () => [V + 1])).rejects.toThrow(/outside/);
    model.dispose();
    await expect(model.greedy(observation([1]), () => null)).rejects.toThrow(/disposed/);
  });
});

/** A random grammar: at each step a random non-empty subset of vocab ids and pointers. */
function randomGrammar(seed: number, obsLen: number, maxSteps: number): AllowedFn {
  return (step, previous) => {
    const rng = createRng(seed * 1000 + step * 31 + previous.reduce((a, b) => a + b, 0));
    if (step >= maxSteps) return null;
    const all = Array.from({ length: V + obsLen }, (_, i) => i);
    return rng.shuffle(all).slice(0, 1 + rng.int(5));
  };
}

describe('PolicyModel masking', () => {
  it('only ever samples allowed actions', async () => {
    const model = PolicyModel.create(tinyConfig());
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(V - 1), { minLength: 1, maxLength: 12 }),
        fc.nat(1000),
        fc.integer({ min: 1, max: 6 }),
        async (tokens, seed, steps) => {
          const grammar = randomGrammar(seed, tokens.length, steps);
          const results = await model.sampleGroup(
            observation(tokens),
            grammar,
            3,
            1.5,
            createRng(seed),
          );
          for (const r of results) {
            expect(r.actions.length).toBe(steps);
            r.actions.forEach((a, t) => expect(grammar(t, r.actions.slice(0, t))).toContain(a));
          }
        },
      ),
      { numRuns: 15 },
    );
    model.dispose();
  });

  it('gives log-prob 0 and entropy 0 to a step with one allowed action', async () => {
    const model = PolicyModel.create(tinyConfig());
    const allowed: AllowedFn = (step) => [[V + 1], [0, 1, 2], [5]][step] ?? null;
    const [r] = await model.sampleGroup(observation([4, 5, 6]), allowed, 1, 1, createRng(2));
    expect(r!.actions[0]).toBe(V + 1);
    expect(r!.actions[2]).toBe(5);
    expect(Math.abs(r!.logProbs[0]!)).toBeLessThan(1e-6);
    expect(Math.abs(r!.logProbs[2]!)).toBeLessThan(1e-6);
    expect(r!.logProbs[1]!).toBeLessThan(0);
    expect(r!.entropies[0]).toBe(0);
    expect(r!.top[1]!.length).toBe(3);
    model.dispose();
  });

  it('stops a sequence at null and at maxActLen', async () => {
    const model = PolicyModel.create(tinyConfig());
    const stopEarly: AllowedFn = (step, prev) => (step > 0 && prev[0] === 0 ? null : [0, 1]);
    const results = await model.sampleGroup(observation([1, 2]), stopEarly, 8, 1, createRng(5));
    for (const r of results) expect(r.actions.length).toBe(r.actions[0] === 0 ? 1 : 8);
    model.dispose();
  });
});

describe('PolicyModel determinism and consistency', () => {
  const obs = observation([3, 1, 4, 1, 5, 9, 2, 6]);
  const grammar = randomGrammar(11, 8, 5);

  it('gives identical samples for the same seed and rng, different ones otherwise', async () => {
    const a = PolicyModel.create(tinyConfig());
    const b = PolicyModel.create(tinyConfig());
    const c = PolicyModel.create(tinyConfig({ seed: 8 }));
    const sa = await a.sampleGroup(obs, grammar, 6, 1, createRng(4));
    expect(await b.sampleGroup(obs, grammar, 6, 1, createRng(4))).toEqual(sa);
    const sc = await c.sampleGroup(obs, grammar, 6, 1, createRng(4));
    expect(sc.map((r) => r.logProbs)).not.toEqual(sa.map((r) => r.logProbs));
    [a, b, c].forEach((m) => m.dispose());
  });

  it('scores sampled answers with the same log-probs that sampling reported', async () => {
    const model = PolicyModel.create(tinyConfig());
    const samples = await model.sampleGroup(obs, grammar, 4, 1, createRng(6));
    const greedy = await model.greedy(obs, grammar);
    const all = [...samples, greedy];
    const scored = await model.logProbs({
      observations: all.map(() => obs),
      actions: all.map((r) => r.actions),
      allowed: all.map((r) => r.actions.map((_, t) => grammar(t, r.actions.slice(0, t))!)),
    });
    all.forEach((r, i) => {
      expect(scored[i]!.length).toBe(r.actions.length);
      scored[i]!.forEach((lp, t) => expect(lp).toBeCloseTo(r.logProbs[t]!, 5));
    });
    // Greedy takes the top alternative at every step.
    greedy.actions.forEach((a, t) => expect(greedy.top[t]![0]!.action).toBe(a));
    model.dispose();
  });

  it('starts each answer part afresh after partEnd, in sampling and scoring alike', async () => {
    const END = 2;
    const parted = PolicyModel.create(tinyConfig({ partEnd: END }));
    const whole = PolicyModel.create(tinyConfig());
    const actions = [V + 1, END, V + 3, 4];
    const allowed = actions.map(() => [END, 4, 5, V + 1, V + 3]);
    const score = (m: PolicyModel) =>
      m.logProbs({ observations: [obs], actions: [actions], allowed: [allowed] });
    const [a] = await score(parted);
    const [b] = await score(whole);
    // Same weights: the first part scores the same; after <END> the positions start again.
    expect(a!.slice(0, 2)).toEqual(b!.slice(0, 2));
    expect(a![2]).not.toBeCloseTo(b![2]!, 4);
    // Sampling decodes with the same restart as teacher forcing.
    const prefixFree: AllowedFn = (step, prev) =>
      step < 6 ? (prev.at(-1) === END ? [V + 2, 5] : [END, 4, V + 1, V + 3]) : null;
    const samples = await parted.sampleGroup(obs, prefixFree, 4, 1, createRng(2));
    expect(samples.some((r) => r.actions.includes(END))).toBe(true);
    const scored = await parted.logProbs({
      observations: samples.map(() => obs),
      actions: samples.map((r) => r.actions),
      allowed: samples.map((r) => r.actions.map((_, t) => prefixFree(t, r.actions.slice(0, t))!)),
    });
    samples.forEach((r, i) =>
      r.logProbs.forEach((lp, t) => expect(scored[i]![t]).toBeCloseTo(lp, 5)),
    );
    expect(() => PolicyModel.create(tinyConfig({ partEnd: V }))).toThrow(/partEnd/);
    [parted, whole].forEach((m) => m.dispose());
  });

  it('after a pointer to a family word, biases the family and the word itself by their gates', async () => {
    // Observation position 0 holds word 3, of the family {3, 4, 5}; word 6 is in no family.
    const fam = PolicyModel.create(tinyConfig({ families: [[3, 4, 5]] }));
    const plain = PolicyModel.create(tinyConfig());
    const allowed = [[V + 0], [3, 4, 5, 6]];
    const score = (m: PolicyModel, second: number) =>
      m.logProbs({ observations: [obs], actions: [[V + 0, second]], allowed: [allowed] });
    // Zero gates (as created): exactly the network without families.
    for (const w of [3, 4, 6]) expect(await score(fam, w)).toEqual(await score(plain, w));
    const weights = await fam.getWeights();
    fam.setWeights(
      weights.map((w) =>
        w.name === 'out.swap.gate.b'
          ? { ...w, values: Float32Array.from([3 / FAMILY_SCALE, -3 / FAMILY_SCALE]) }
          : w,
      ),
    );
    const lp = async (m: PolicyModel, w: number) => (await score(m, w))[0]![1]!;
    const gain = async (w: number) => (await lp(fam, w)) - (await lp(plain, w));
    // Family words gain 3 against the unbiased word 6; the pointed word itself loses 3.
    expect((await gain(4)) - (await gain(6))).toBeCloseTo(3, 4);
    expect((await gain(5)) - (await gain(6))).toBeCloseTo(3, 4);
    expect((await gain(3)) - (await gain(6))).toBeCloseTo(-3, 4);
    // Sampling sees the same bias as scoring.
    const grammar2: AllowedFn = (step) => (step < 2 ? allowed[step]! : null);
    const [sample] = await fam.sampleGroup(obs, grammar2, 1, 1, createRng(3));
    expect(sample!.logProbs[1]).toBeCloseTo(await lp(fam, sample!.actions[1]!), 5);
    expect(() =>
      PolicyModel.create(
        tinyConfig({
          families: [
            [3, 4],
            [4, 5],
          ],
        }),
      ),
    ).toThrow(/families/);
    [fam, plain].forEach((m) => m.dispose());
  });

  // Short observations share a chunk; long ones (over half of CHUNK_KEYS) are chunks of their
  // own, each decoded to its own longest answer (here 1 to 8 steps).
  const long = (n: number, k: number) => Array.from({ length: n }, (_, i) => (i * k) % V);
  it.each([
    {
      name: 'short observations, one chunk',
      maxObsLen: 32,
      tokens: [[1, 2, 3], [4, 5, 6, 7, 8, 9], [1, 2, 3], [2], [7, 7, 7, 7]],
      steps: [3, 3, 3, 3, 3],
    },
    {
      name: 'long observations, a chunk each, answers of different lengths',
      maxObsLen: 300,
      tokens: [long(200, 3), long(150, 5), long(200, 3), long(180, 7)],
      steps: [1, 8, 8, 4],
    },
  ])('scores a row the same alone or batched with other observations: $name', async (c) => {
    const model = PolicyModel.create(tinyConfig({ maxObsLen: c.maxObsLen }));
    const observations = c.tokens.map((t) => observation(t));
    const rows = observations.map((o, i) => {
      const grammar = randomGrammar(i, o.tokens.length, c.steps[i]!);
      return { o, grammar };
    });
    const samples = await Promise.all(
      rows.map(
        async ({ o, grammar }, i) => (await model.sampleGroup(o, grammar, 1, 1, createRng(i)))[0]!,
      ),
    );
    const batch = {
      observations,
      actions: samples.map((s) => s.actions),
      allowed: samples.map((s, i) =>
        s.actions.map((_, t) => rows[i]!.grammar(t, s.actions.slice(0, t))!),
      ),
    };
    const together = await model.logProbs(batch);
    for (let i = 0; i < rows.length; i++) {
      const alone = await model.logProbs({
        observations: [batch.observations[i]!],
        actions: [batch.actions[i]!],
        allowed: [batch.allowed[i]!],
      });
      alone[0]!.forEach((lp, t) => expect(together[i]![t]).toBeCloseTo(lp, 5));
      samples[i]!.logProbs.forEach((lp, t) => expect(together[i]![t]).toBeCloseTo(lp, 5));
    }
    model.dispose();
  });

  it('scores rows the same alone or in a batch decoded in several runs (one per chunk)', async () => {
    const model = PolicyModel.create(tinyConfig({ maxObsLen: 300 }));
    const rows = [
      ...Array.from({ length: 10 }, (_, i) => ({ tokens: long(200, 3), steps: 1, seed: i })),
      ...Array.from({ length: 10 }, (_, i) => ({ tokens: long(150, 5), steps: 8, seed: 20 + i })),
    ].map((r) => ({
      obs: observation(r.tokens),
      grammar: randomGrammar(r.seed, r.tokens.length, r.steps),
      seed: r.seed,
    }));
    const samples = await Promise.all(
      rows.map(
        async (r) => (await model.sampleGroup(r.obs, r.grammar, 1, 1, createRng(r.seed)))[0]!,
      ),
    );
    const batch = {
      observations: rows.map((r) => r.obs),
      actions: samples.map((s) => s.actions),
      allowed: samples.map((s, i) =>
        s.actions.map((_, t) => rows[i]!.grammar(t, s.actions.slice(0, t))!),
      ),
    };
    expect(packBatch(batch, model.config).inputs.parts).toHaveLength(2);
    const together = await model.logProbs(batch);
    samples.forEach((s, i) =>
      s.logProbs.forEach((lp, t) => expect(together[i]![t]).toBeCloseTo(lp, 5)),
    );
    model.dispose();
  });

  it('decodes several groups in one batch as each alone (own rng, greedy, repeated observations)', async () => {
    const model = PolicyModel.create(tinyConfig({ maxObsLen: 300 }));
    const tokens = [long(200, 3), [1, 2, 3], long(150, 5), long(200, 3), [4, 5]];
    const items = tokens.map((t, k) => ({
      obs: observation(t),
      allowed: randomGrammar(k, t.length, 2 + 2 * k),
      count: 1 + (k % 3),
      greedy: k === 1,
    }));
    const batched = await model.sampleBatch(
      items.map((it, k) => ({ ...it, rng: it.greedy ? null : createRng(40 + k) })),
      1,
    );
    expect(batched.map((g) => g.length)).toEqual(items.map((it) => it.count));
    for (const [k, it] of items.entries()) {
      const alone = it.greedy
        ? [await model.greedy(it.obs, it.allowed)]
        : await model.sampleGroup(it.obs, it.allowed, it.count, 1, createRng(40 + k));
      alone.forEach((a, j) => {
        const b = batched[k]![j]!;
        expect(b.actions).toEqual(a.actions);
        b.logProbs.forEach((lp, t) => expect(lp).toBeCloseTo(a.logProbs[t]!, 5));
        b.entropies.forEach((e, t) => expect(e).toBeCloseTo(a.entropies[t]!, 5));
      });
    }
    await expect(model.sampleBatch([{ ...items[0]!, count: 0, rng: null }], 1)).rejects.toThrow(
      /count/,
    );
    model.dispose();
  });

  it('decodes in batches by observation length, at most so many distinct observations each', () => {
    const sized = (n: number, k: number) =>
      observation(Array.from({ length: n }, (_, i) => 1 + ((i + k) % 9)));
    // Lengths 500, 60, 500, 90, 70; the 60 twice (two items, one observation).
    const obs = [500, 60, 500, 90, 70].map((n, k) => sized(n, k));
    const items = [0, 1, 2, 3, 1, 4].map((k) => ({ obs: obs[k]! }));
    expect(decodeSlices(items, 16)).toEqual([
      [1, 4, 5, 3],
      [0, 2],
    ]);
    // Two distinct observations a batch at most: the shared one counts once.
    expect(decodeSlices(items, 2)).toEqual([[1, 4, 5], [3], [0, 2]]);
    expect(decodeSlices([], 2)).toEqual([]);
  });

  it('round-trips weights exactly and refuses mismatched ones', async () => {
    const a = PolicyModel.create(tinyConfig({ seed: 1 }));
    const b = PolicyModel.create(tinyConfig({ seed: 2 }));
    const weights = await a.getWeights();
    b.setWeights(weights);
    const back = await b.getWeights();
    expect(back.map((w) => [w.name, w.shape, Array.from(w.values)])).toEqual(
      weights.map((w) => [w.name, w.shape, Array.from(w.values)]),
    );
    expect(await b.greedy(obs, grammar)).toEqual(await a.greedy(obs, grammar));
    expect(() => b.setWeights(weights.slice(1))).toThrow(/Expected .*"tok.emb"/);
    expect(() => b.setWeights([...weights, { ...weights[0]!, name: 'extra' }])).toThrow(/extra/);
    // Weights saved before the pointer bias existed load; the bias is zero, where it adds nothing.
    const later = (name: string) => name.startsWith('out.ptr.gate') || name.startsWith('out.swap');
    b.setWeights(weights.filter((w) => !later(w.name)));
    const gates = (await b.getWeights()).filter((w) => later(w.name));
    expect(gates.length).toBe(4);
    expect(gates.every((w) => w.values.every((v) => v === 0))).toBe(true);
    const wrong = weights.map((w, i) => (i === 0 ? { ...w, shape: [1, w.values.length] } : w));
    expect(() => b.setWeights(wrong)).toThrow(/shape/);
    a.dispose();
    b.dispose();
  });
});
