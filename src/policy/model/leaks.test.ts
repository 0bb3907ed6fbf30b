import '../../node/tf';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import { PolicyModel } from './policyModel';
import { PolicyTrainer } from './policyTrainer';
import type { AllowedFn } from './types';
import { observation, tinyConfig, useBackend } from './testUtils';

const config = tinyConfig({ vocabSize: 8, maxObsLen: 6, maxActLen: 3, dModel: 8, ffDim: 16 });
const V = config.vocabSize;
const grammar: AllowedFn = (step) => (step < 2 ? [0, 1, 2, V, V + 1] : null);
const ITERATIONS = 250;

describe('tensor memory', () => {
  it(`stays flat over ${ITERATIONS * 4} mixed calls (sample, GRPO, supervised, score)`, async () => {
    await useBackend('wasm');
    const baseline = tf.memory().numTensors;
    const model = PolicyModel.create(config);
    const trainer = new PolicyTrainer(model, { learningRate: 1e-3, maxGradNorm: 1 });
    const rng = createRng(1);
    const observations = [observation([1, 2, 3]), observation([4, 5])];
    const counts: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const obs = observations[i % 2]!;
      const group = await model.sampleGroup(obs, grammar, 2, 1, rng);
      const batch = {
        observations: group.map(() => obs),
        actions: group.map((r) => r.actions),
        allowed: group.map((r) => r.actions.map(() => grammar(0, [])!)),
      };
      await trainer.grpoStep(
        {
          ...batch,
          advantages: Float32Array.of(0.5, -0.5),
          oldLogProbs: group.map((r) => r.logProbs),
          refLogProbs: group.map((r) => r.logProbs),
        },
        { clipEps: 0.2, entropyCoef: 0.01, klCoef: 0.01 },
      );
      await trainer.supervisedStep(batch);
      await model.logProbs(batch);
      counts.push(tf.memory().numTensors);
    }
    expect(new Set(counts.slice(1))).toEqual(new Set([counts[0]]));
    trainer.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  }, 60_000);

  it('frees everything when a call fails half-way', async () => {
    await useBackend('cpu');
    const model = PolicyModel.create(config);
    const trainer = new PolicyTrainer(model, { learningRate: 1e-3, maxGradNorm: 1 });
    const before = tf.memory().numTensors;
    const failing: AllowedFn = (step) => {
      if (step === 1) throw new Error('grammar broke');
      return [0, 1];
    };
    await expect(model.sampleGroup(observation([1]), failing, 2, 1, createRng(1))).rejects.toThrow(
      /grammar broke/,
    );
    const bad = { observations: [observation([1])], actions: [[V + 3]], allowed: [[[V + 3]]] };
    await expect(trainer.supervisedStep(bad)).rejects.toThrow(/outside/);
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
    model.dispose();
  });
});
