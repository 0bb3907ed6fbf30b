import '../../node/tf';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import { contentKey } from './observations';
import { planPasses } from './passes';
import { PolicyModel } from './policyModel';
import { PolicyTrainer } from './policyTrainer';
import { observation, tinyConfig, useBackend } from './testUtils';
import type { AllowedFn, LossConfig, Observation, SampleResult, TrainBatch } from './types';

beforeAll(() => useBackend('cpu'));

const V = tinyConfig().vocabSize;
const grammar: AllowedFn = (step, prev) => {
  if (step >= 4) return null;
  if (step === 0) return [V + 0, V + 1, V + 2, V + 3, 4, 5];
  return prev[0]! >= V ? [0, 1, 2, 3] : [V + 1, V + 2, 6];
};

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
  const logProbs = await model.logProbs(b, rowsPerPass);
  trainer.dispose();
  model.dispose();
  return { stats, weights, logProbs };
}

function expectClose(a: Awaited<ReturnType<typeof train>>, b: typeof a) {
  a.stats.forEach((s, i) => {
    for (const key of Object.keys(s) as (keyof typeof s)[])
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
    await model.logProbs(batch, 4);
    const before = tf.memory().numTensors;
    for (let s = 0; s < 3; s++) {
      await trainer.grpoStep(batch, loss);
      await trainer.supervisedStep(batch);
      await model.logProbs(batch, 4);
    }
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
    model.dispose();
  });
});
