import '../../node/tf';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import { contentKey } from './observations';
import { BATCH_POSITIONS } from './lengthRuns';
import { planPasses } from './passes';
import { PolicyModel } from './policyModel';
import { PolicyTrainer, projectConflicts } from './policyTrainer';
import { observation, pointerGrammar as grammar, tinyConfig, useBackend } from './testUtils';
import type { LossConfig, Observation, SampleResult, TrainBatch } from './types';

beforeAll(() => useBackend('cpu'));

describe('planPasses', () => {
  const obs = (n: number) => observation([n, n + 1, n + 2]);
  it('keeps identical observations together, caps the rest, covers every row once', () => {
    // Rows of 5 observations, interleaved, 3 rows each (a group never splits).
    const rows = [0, 1, 2, 3, 4].flatMap(() => [0, 1, 2, 3, 4]).map((k) => obs(k));
    for (const max of [1, 2, 3, 4, 6, 7, 15, 100]) {
      const plan = planPasses(rows, max);
      expect(plan.flat().sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
      for (const pass of plan) {
        const keys = new Set(pass.map((r) => contentKey(rows[r]!)));
        // Whole groups only: every key of the pass has all 5 of its rows here.
        for (const key of keys)
          expect(pass.filter((r) => contentKey(rows[r]!) === key)).toHaveLength(5);
        expect(pass.length <= Math.max(max, 5)).toBe(true);
      }
      expect(plan).toHaveLength(max >= 25 ? 1 : max < 10 ? 5 : Math.ceil(5 / Math.floor(max / 5)));
    }
  });

  it('cuts a batch by observation length where padding costs more than a pass', () => {
    const sized = (n: number, k: number) =>
      observation(Array.from({ length: n }, (_, i) => 1 + ((i + k) % 9)));
    // A GRPO-like batch: 8 rows per observation, short (60-90 tokens) and long (500) interleaved.
    const lengths = [500, 60, 500, 90, 70, 500];
    const rows = lengths.flatMap((n, k) => new Array<Observation>(8).fill(sized(n, k)));
    const plan = planPasses(rows, 80);
    const lengthsOf = (pass: number[]) => [...new Set(pass.map((r) => rows[r]!.tokens.length))];
    expect(plan.map(lengthsOf)).toEqual([[60, 70, 90], [500]]);
    expect(plan.flat().sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
    // Lengths within a pass's cost of one another share a pass; a row cap still splits.
    const near = [100, 60, 120].map((n, k) => sized(n, k));
    expect(planPasses(near, 80)).toHaveLength(1);
    expect(planPasses(near, 2).map((pass) => pass.map((r) => near[r]!.tokens.length))).toEqual([
      [60],
      [100, 120],
    ]);
    // The cost (BATCH_POSITIONS per pass, padded positions per observation) is least: no other
    // cut of the sorted lengths is cheaper.
    const cost = (plan: number[][]) =>
      plan.reduce(
        (c, pass) => c + BATCH_POSITIONS + lengthsOf(pass).length * Math.max(...lengthsOf(pass)),
        0,
      );
    expect(cost(plan)).toBeLessThan(cost([plan.flat()]));
  });

  it('rejects a cap below one row', () => {
    expect(() => planPasses([obs(1)], 0)).toThrow(/at least 1/);
  });
});

/** Six observations, a group of 4 sampled answers each, rows interleaved, two loss groups. */
async function batchOf(model: PolicyModel): Promise<TrainBatch> {
  const observations: Observation[] = [0, 1, 2, 3, 4, 5].map((k) =>
    observation(Array.from({ length: 4 + k }, (_, i) => 1 + ((i * 3 + k) % 12))),
  );
  const rng = createRng(5);
  const groups: SampleResult[][] = [];
  for (const o of observations) groups.push(await model.sampleGroup(o, grammar, 4, 1, rng));
  const rows = [0, 1, 2, 3].flatMap((i) =>
    observations.map((o, k) => ({ o, k, r: groups[k]![i]! })),
  );
  return {
    observations: rows.map((x) => x.o),
    actions: rows.map((x) => x.r.actions),
    allowed: rows.map((x) => x.r.actions.map((_, t) => grammar(t, x.r.actions.slice(0, t))!)),
    advantages: Float32Array.from(rows, (_, i) => [1, -0.5, 0.25, -0.75, 0.6][i % 5]!),
    // Slightly off the current policy, so ratios (and clipping) are not trivially 1.
    oldLogProbs: rows.map((x) => x.r.logProbs.map((l, t) => l + 0.3 * Math.sin(t + x.k))),
    refLogProbs: rows.map((x) => x.r.logProbs.map((l, t) => l - 0.2 * Math.cos(t * x.k))),
    groups: rows.map((x) => x.k % 2),
  };
}

async function train(
  rowsPerPass: number,
  batch: (m: PolicyModel) => Promise<TrainBatch>,
  loss: LossConfig,
  supervised = false,
) {
  const model = PolicyModel.create(tinyConfig({ seed: 11 }));
  const trainer = new PolicyTrainer(model, { learningRate: 0.01, maxGradNorm: 0.5, rowsPerPass });
  const b = await batch(model);
  const stats = [];
  for (let s = 0; s < 3; s++)
    stats.push(supervised ? await trainer.supervisedStep(b) : await trainer.grpoStep(b, loss));
  const weights = (await model.getWeights()).map((w) => Array.from(w.values));
  const logProbs = await model.logProbs(b, { rows: rowsPerPass });
  trainer.dispose();
  model.dispose();
  return { stats, weights, logProbs };
}

function expectClose(a: Awaited<ReturnType<typeof train>>, b: typeof a) {
  a.stats.forEach((s, i) => {
    for (const key of Object.keys(s) as (keyof typeof s)[])
      if (key !== 'passes')
        expect(Math.abs(s[key] - b.stats[i]![key]), `${key} at step ${i}`).toBeLessThan(2e-5);
  });
  a.weights.forEach((w, i) =>
    w.forEach((x, j) => expect(Math.abs(x - b.weights[i]![j]!)).toBeLessThan(2e-5)),
  );
  a.logProbs.forEach((row, i) =>
    row.forEach((x, t) => expect(Math.abs(x - b.logProbs[i]![t]!)).toBeLessThan(2e-5)),
  );
}

describe('a batch in several passes', () => {
  const loss: LossConfig = { clipEps: 0.2, entropyCoef: 0.01, klCoef: 0.05 };
  const noGroups = async (m: PolicyModel): Promise<TrainBatch> => {
    const batch = await batchOf(m);
    delete batch.groups;
    return batch;
  };

  it('trains as the whole batch in one pass (token mean, per answer, per loss group)', async () => {
    for (const [config, make] of [
      [loss, noGroups],
      [{ ...loss, episodeMean: true }, noGroups],
      [loss, batchOf],
      [{ ...loss, episodeMean: true }, batchOf],
    ] as const) {
      const whole = await train(1000, make, config);
      const split = await train(8, make, config);
      expect(whole.stats[0]!.clipFraction + whole.stats[2]!.clipFraction).toBeGreaterThan(0);
      expectClose(split, whole);
      expect([whole.stats[0]!.passes, split.stats[0]!.passes]).toEqual([1, 3]);
      const probe = PolicyModel.create(tinyConfig());
      expect(planPasses((await make(probe)).observations, 8)).toHaveLength(3);
      probe.dispose();
    }
  });

  it('clones as the whole batch in one pass', async () => {
    expectClose(await train(5, noGroups, loss, true), await train(1000, noGroups, loss, true));
  });

  it('leaves no tensors behind', async () => {
    const model = PolicyModel.create(tinyConfig({ seed: 11 }));
    const trainer = new PolicyTrainer(model, {
      learningRate: 0.01,
      maxGradNorm: 1,
      rowsPerPass: 4,
    });
    const batch = await batchOf(model);
    await trainer.grpoStep(batch, loss);
    await model.logProbs(batch, { rows: 4 });
    const before = tf.memory().numTensors;
    batch.tasks = batch.observations.map((_, i) => i % 3);
    await trainer.grpoStep(batch, { ...loss, projectConflicts: true });
    for (let s = 0; s < 3; s++) {
      await trainer.grpoStep(batch, loss);
      await trainer.grpoStep(batch, { ...loss, projectConflicts: true });
      await trainer.supervisedStep(batch);
      await model.logProbs(batch, { rows: 4 });
    }
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
    model.dispose();
  });
});

describe('projectConflicts (PCGrad)', () => {
  const grads = (...xs: number[][]) => new Map(xs.map((x, i) => [`p${i}`, tf.tensor1d(x)]));
  const read = async (m: Map<string, tf.Tensor>) => {
    const out: Record<string, number[]> = {};
    for (const [k, t] of m) out[k] = Array.from(await t.data());
    tf.dispose([...m.values()]);
    return out;
  };

  it('removes from each gradient its component against the other, then sums', async () => {
    const before = tf.memory().numTensors;
    // g1 = (1, 0), g2 = (-1, 1) across two parameters: g1.g2 = -1 < 0.
    const out = await read(projectConflicts([grads([1], [0]), grads([-1], [1])]));
    // g1' = g1 + (1/2) g2 = (0.5, 0.5); g2' = g2 + (1/1) g1 = (0, 1); sum (0.5, 1.5).
    expect(out.p0![0]).toBeCloseTo(0.5, 6);
    expect(out.p1![0]).toBeCloseTo(1.5, 6);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('is the plain sum when no gradients conflict, and fills a missing one with zeros', async () => {
    const agree = await read(projectConflicts([grads([1, 2]), grads([3, 0.5])]));
    expect(agree.p0).toEqual([4, 2.5]);
    const missing = new Map([['p0', tf.tensor1d([1, 0])]]);
    const out = await read(projectConflicts([grads([1, 0], [2]), missing]));
    expect(out).toEqual({ p0: [2, 0], p1: [2] });
  });
});

describe('grpoStep with projectConflicts', () => {
  const loss: LossConfig = { clipEps: 0.2, entropyCoef: 0.01, klCoef: 0.05 };
  const withTasks = (ids: (k: number) => number) => async (m: PolicyModel) => {
    const batch = await batchOf(m);
    // Rows are interleaved: row i belongs to observation i % 6.
    batch.tasks = batch.observations.map((_, i) => ids(i % 6));
    delete batch.groups;
    return batch;
  };

  it('changes nothing with one kind, changes the step with several', async () => {
    const plain = await train(
      1000,
      withTasks(() => 0),
      loss,
    );
    const oneKind = await train(
      1000,
      withTasks(() => 0),
      { ...loss, projectConflicts: true },
    );
    expect(oneKind).toEqual(plain);
    const kinds = await train(
      1000,
      withTasks((k) => k % 3),
      { ...loss, projectConflicts: true },
    );
    const unprojected = await train(
      1000,
      withTasks((k) => k % 3),
      loss,
    );
    expect(unprojected).toEqual(plain);
    // The first step's loss is taken before any update; the weights then differ.
    expect(kinds.stats[0]!.loss).toBeCloseTo(plain.stats[0]!.loss, 5);
    const moved = kinds.weights
      .flat()
      .some((x, i) => Math.abs(x - plain.weights.flat()[i]!) > 1e-4);
    expect(moved).toBe(true);
    kinds.stats.forEach((s) => expect(Number.isFinite(s.gradNorm)).toBe(true));
  });
});
