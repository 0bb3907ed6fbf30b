import '../../node/tf';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import { PolicyModel } from './policyModel';
import { PolicyTrainer, sumInOrder } from './policyTrainer';
import type { LossConfig, Observation, SampleResult, TrainBatch } from './types';
import { observation, pointerGrammar as grammar, tinyConfig, useBackend } from './testUtils';

beforeAll(() => useBackend('cpu'));

const plain: LossConfig = { clipEps: 0.2, entropyCoef: 0, klCoef: 0 };

/** Two groups of sampled answers (different observations, interleaved rows), as a batch. */
async function sampledBatch(model: PolicyModel, seed: number): Promise<TrainBatch> {
  const observations: Observation[] = [observation([1, 2, 3, 4]), observation([7, 8, 9, 10, 11])];
  const rng = createRng(seed);
  const groups: SampleResult[][] = [];
  for (const obs of observations) groups.push(await model.sampleGroup(obs, grammar, 4, 1, rng));
  const rows = [0, 1, 2, 3].flatMap((i) => [
    { obs: observations[0]!, r: groups[0]![i]! },
    { obs: observations[1]!, r: groups[1]![i]! },
  ]);
  return {
    observations: rows.map((x) => x.obs),
    actions: rows.map((x) => x.r.actions),
    allowed: rows.map((x) => x.r.actions.map((_, t) => grammar(t, x.r.actions.slice(0, t))!)),
    advantages: Float32Array.from(rows.map((_, i) => [1, -0.5, 0.25, -0.75][i % 4]!)),
    oldLogProbs: rows.map((x) => x.r.logProbs),
  };
}

function pair(seed = 7) {
  const model = PolicyModel.create(tinyConfig({ seed }));
  const trainer = new PolicyTrainer(model, { learningRate: 0.01, maxGradNorm: 1 });
  return { model, trainer, dispose: () => (trainer.dispose(), model.dispose()) };
}

describe('PolicyTrainer.grpoStep', () => {
  it('is deterministic: same seed, same batch, same three steps', async () => {
    const runs = [];
    for (let k = 0; k < 2; k++) {
      const { model, trainer, dispose } = pair();
      const batch = await sampledBatch(model, 3);
      const stats = [];
      for (let s = 0; s < 3; s++) stats.push(await trainer.grpoStep(batch, plain));
      runs.push({ stats, weights: await model.getWeights() });
      dispose();
    }
    expect(runs[1]!.stats).toEqual(runs[0]!.stats);
    expect(runs[1]!.weights).toEqual(runs[0]!.weights);
    expect(runs[0]!.stats[2]!.loss).not.toBe(runs[0]!.stats[0]!.loss);
  });

  it('starts at ratio 1: policy loss is minus the step-weighted mean advantage', async () => {
    const { model, trainer, dispose } = pair();
    const batch = await sampledBatch(model, 4);
    let sum = 0;
    let steps = 0;
    batch.actions.forEach(
      (a, b) => ((sum += a.length * batch.advantages[b]!), (steps += a.length)),
    );
    const stats = await trainer.grpoStep(batch, { clipEps: 0.2, entropyCoef: 0.01, klCoef: 0 });
    expect(stats.policyLoss).toBeCloseTo(-sum / steps, 5);
    expect(stats.clipFraction).toBe(0);
    expect(stats.loss).toBeCloseTo(stats.policyLoss - 0.01 * stats.entropy, 6);
    expect(stats.entropy).toBeGreaterThan(0);
    dispose();
  });

  it('with episodeMean, averages per answer: each answer weighs the same whatever its length', async () => {
    const { model, trainer, dispose } = pair();
    const full = await sampledBatch(model, 4);
    // Answers of 1 to 4 steps (prefixes of the sampled ones keep the ratio at 1).
    const len = (b: number) => Math.min(full.actions[b]!.length, 1 + (b % 4));
    const batch: TrainBatch = {
      ...full,
      actions: full.actions.map((a, b) => a.slice(0, len(b))),
      allowed: full.allowed.map((a, b) => a.slice(0, len(b))),
      oldLogProbs: full.oldLogProbs.map((a, b) => a.slice(0, len(b))),
    };
    const lengths = batch.actions.map((a) => a.length);
    expect(new Set(lengths).size).toBeGreaterThan(1);
    const adv = [...batch.advantages];
    const perAnswer = adv.reduce((s, a) => s + a, 0) / adv.length;
    const perToken =
      adv.reduce((s, a, b) => s + a * lengths[b]!, 0) / lengths.reduce((s, n) => s + n, 0);
    expect(Math.abs(perAnswer - perToken)).toBeGreaterThan(0.01);
    const stats = await trainer.grpoStep(batch, { ...plain, episodeMean: true });
    expect(stats.policyLoss).toBeCloseTo(-perAnswer, 5);
    expect(stats.clipFraction).toBe(0);
    dispose();
  });

  it('with loss groups, averages within each group, then over the groups', async () => {
    const { model, trainer, dispose } = pair();
    const full = await sampledBatch(model, 4);
    // Group 0: the first observation's answers cut to 1 step; group 1: the other's, whole.
    const groups = full.actions.map((_, b) => b % 2);
    const len = (b: number) => (groups[b] === 0 ? 1 : full.actions[b]!.length);
    const batch: TrainBatch = {
      ...full,
      actions: full.actions.map((a, b) => a.slice(0, len(b))),
      allowed: full.allowed.map((a, b) => a.slice(0, len(b))),
      oldLogProbs: full.oldLogProbs.map((a, b) => a.slice(0, len(b))),
      groups,
    };
    const adv = [...batch.advantages];
    const tokenMeanOf = (g: number) => {
      const rows = adv.map((a, b) => ({ a, n: len(b), g: groups[b] })).filter((r) => r.g === g);
      return rows.reduce((s, r) => s + r.a * r.n, 0) / rows.reduce((s, r) => s + r.n, 0);
    };
    const byGroup = (tokenMeanOf(0) + tokenMeanOf(1)) / 2;
    const steps = adv.map((_, b) => len(b));
    const perToken = adv.reduce((s, a, b) => s + a * steps[b]!, 0) / steps.reduce((s, n) => s + n);
    expect(Math.abs(byGroup - perToken)).toBeGreaterThan(0.01);
    const stats = await trainer.grpoStep(batch, plain);
    expect(stats.policyLoss).toBeCloseTo(-byGroup, 5);
    await expect(trainer.grpoStep({ ...batch, groups: [0] }, plain)).rejects.toThrow(/loss groups/);
    dispose();
  });

  it('clips: a ratio far above 1+eps gives no gradient for positive advantages', async () => {
    const { model, trainer, dispose } = pair();
    const batch = await sampledBatch(model, 5);
    const shifted = batch.oldLogProbs.map((row) => row.map((lp) => lp - 1)); // ratio = e
    const positive = { ...batch, oldLogProbs: shifted, advantages: batch.advantages.map(Math.abs) };
    const before = await model.getWeights();
    const stats = await trainer.grpoStep(positive, plain);
    expect(stats.clipFraction).toBe(1);
    expect(stats.gradNorm).toBe(0);
    expect(stats.policyLoss).toBeCloseTo(-1.2 * mean(positive.advantages, batch), 5);
    expect(await model.getWeights()).toEqual(before);
    const negative = { ...positive, advantages: positive.advantages.map((a) => -a) };
    expect((await trainer.grpoStep(negative, plain)).gradNorm).toBeGreaterThan(0);
    dispose();
  });

  it('computes the k3 KL against reference log-probs', async () => {
    const { model, trainer, dispose } = pair();
    const batch = await sampledBatch(model, 6);
    const same = await trainer.grpoStep({ ...batch, refLogProbs: batch.oldLogProbs }, plain);
    expect(Math.abs(same.kl)).toBeLessThan(1e-6);
    const { trainer: t2, dispose: d2 } = pair();
    const refLogProbs = batch.oldLogProbs.map((row) => row.map((lp) => lp - 0.5));
    const config = { ...plain, klCoef: 0.1 };
    const stats = await t2.grpoStep({ ...batch, refLogProbs }, config);
    expect(stats.kl).toBeCloseTo(Math.exp(-0.5) + 0.5 - 1, 5);
    expect(stats.loss).toBeCloseTo(stats.policyLoss + 0.1 * stats.kl, 6);
    dispose();
    d2();
  });

  it('leaves weights unchanged when there is nothing to learn (zero advantages)', async () => {
    const { model, trainer, dispose } = pair();
    const batch = await sampledBatch(model, 8);
    const before = await model.getWeights();
    const stats = await trainer.grpoStep({ ...batch, advantages: batch.advantages.fill(0) }, plain);
    expect(stats.gradNorm).toBe(0);
    expect(await model.getWeights()).toEqual(before);
    dispose();
  });

  it('refuses a step whose gradients are not finite, changing no weight and no Adam moment', async () => {
    const { model, trainer, dispose } = pair();
    const batch = await sampledBatch(model, 8);
    await trainer.grpoStep(batch, plain);
    // One layer norm's gain gone NaN: every forward, and so every gradient, is NaN.
    const broken = (await model.getWeights()).map((w) =>
      w.name === 'enc.0.ln1.g' ? { ...w, values: w.values.map(() => NaN) } : w,
    );
    model.setWeights(broken);
    const optimizer = await trainer.getState();
    const tensors = tf.memory().numTensors;
    await expect(trainer.grpoStep(batch, plain)).rejects.toThrow(
      /^The gradients are not finite \(global norm NaN.*the weights and optimiser are as they were/,
    );
    expect(tf.memory().numTensors).toBe(tensors);
    expect(await model.getWeights()).toEqual(broken);
    expect(await trainer.getState()).toEqual(optimizer);
    dispose();
  });

  it('clips the global gradient norm before Adam', async () => {
    const changes = [];
    for (const maxGradNorm of [1e-12, 10]) {
      const model = PolicyModel.create(tinyConfig());
      const trainer = new PolicyTrainer(model, { learningRate: 0.01, maxGradNorm });
      const batch = await sampledBatch(model, 9);
      const before = await model.getWeights();
      const stats = await trainer.grpoStep(batch, plain);
      const after = await model.getWeights();
      const delta = Math.max(
        ...after.flatMap((w, i) =>
          Array.from(w.values, (v, j) => Math.abs(v - before[i]!.values[j]!)),
        ),
      );
      changes.push({ delta, gradNorm: stats.gradNorm });
      trainer.dispose();
      model.dispose();
    }
    expect(changes[0]!.gradNorm).toBeCloseTo(changes[1]!.gradNorm, 5); // reported before clipping
    expect(changes[1]!.delta).toBeGreaterThan(0.005);
    expect(changes[0]!.delta).toBeLessThan(1e-5);
  });

  it('rejects malformed batches and loss configs', async () => {
    const { model, trainer, dispose } = pair();
    const batch = await sampledBatch(model, 10);
    await expect(
      trainer.grpoStep({ ...batch, advantages: new Float32Array(1) }, plain),
    ).rejects.toThrow(/advantages/);
    await expect(trainer.grpoStep(batch, { ...plain, clipEps: -1 })).rejects.toThrow(/clipEps/);
    const short = { ...batch, oldLogProbs: batch.oldLogProbs.map(() => []) };
    await expect(trainer.grpoStep(short, plain)).rejects.toThrow(/missing/);
    dispose();
  });
});

function mean(advantages: Float32Array, batch: TrainBatch): number {
  let sum = 0;
  let steps = 0;
  batch.actions.forEach((a, b) => ((sum += a.length * advantages[b]!), (steps += a.length)));
  return sum / steps;
}

describe('PolicyTrainer.supervisedStep and checkpoints', () => {
  it('reports the mean negative log-likelihood and lowers it', async () => {
    const { model, trainer, dispose } = pair();
    const batch = await sampledBatch(model, 11);
    const lps = (await model.logProbs(batch)).flat();
    const first = await trainer.supervisedStep(batch);
    expect(first.loss).toBeCloseTo(-lps.reduce((a, b) => a + b, 0) / lps.length, 5);
    let last = first;
    for (let i = 0; i < 20; i++) last = await trainer.supervisedStep(batch);
    expect(last.loss).toBeLessThan(first.loss * 0.5);
    dispose();
  });

  it('round-trips weights and optimizer state exactly: the next step is identical', async () => {
    const a = pair(1);
    const batch = await sampledBatch(a.model, 12);
    await a.trainer.grpoStep(batch, plain);
    await a.trainer.supervisedStep(batch);
    const weights = await a.model.getWeights();
    const state = await a.trainer.getState();
    const expected = await a.trainer.grpoStep(batch, plain);

    const b = pair(2);
    b.model.setWeights(weights);
    b.trainer.setState(state);
    expect(await b.trainer.getState()).toEqual(state);
    expect(await b.trainer.grpoStep(batch, plain)).toEqual(expected);
    expect(await b.model.getWeights()).toEqual(await a.model.getWeights());
    expect(() => b.trainer.setState(state.slice(1))).toThrow(/adam.step/);
    expect(() => b.trainer.setState(state.filter((s) => s.name !== 'm/tok.emb'))).toThrow(
      /Expected .*"m\/tok.emb"/,
    );
    // A state saved before the pointer bias existed loads, with zero moments for it.
    const older = state.filter((s) => !s.name.includes('out.ptr.gate'));
    expect(older.length).toBe(state.length - 4);
    b.trainer.setState(older);
    const restored = await b.trainer.getState();
    const moments = restored.filter((s) => s.name.includes('out.ptr.gate'));
    expect(moments.length).toBe(4);
    expect(moments.every((s) => s.values.every((v) => v === 0))).toBe(true);
    a.dispose();
    b.dispose();
  });
});

describe('sumInOrder (the gradient norm without the webgpu AddN kernel)', () => {
  afterAll(() => useBackend('cpu'));

  it('gives tf.addN exactly, bit for bit, on cpu and wasm', async () => {
    for (const backend of ['cpu', 'wasm'] as const) {
      await useBackend(backend);
      const [viaAddN, viaFold] = tf.tidy(() => {
        // 44 squared norms spread over eight orders of magnitude, like the policy's gradients.
        const xs = Array.from({ length: 44 }, (_, i) =>
          tf.mul(tf.randomUniform([3], 0, 1, 'float32', i), 10 ** ((i % 9) - 4)),
        );
        // eslint-disable-next-line no-restricted-properties -- the reference it must equal on cpu/wasm
        return [tf.addN(xs), sumInOrder(xs)];
      });
      expect(Array.from(await viaFold.data())).toEqual(Array.from(await viaAddN.data()));
      tf.dispose([viaAddN, viaFold]);
    }
    expect(() => sumInOrder([])).toThrow(RangeError);
  });
});
