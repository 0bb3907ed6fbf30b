import '../../node/tf';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import { PolicyModel } from './policyModel';
import { PolicyTrainer } from './policyTrainer';
import type { AllowedFn, ScoredBatch, StepStats, TrainBatch } from './types';
import { observation, tinyConfig, useBackend } from './testUtils';

const V = tinyConfig().vocabSize;
const grammar: AllowedFn = (step) => (step < 3 ? [0, 1, 2, 3, V, V + 1, V + 2, V + 4] : null);
const observations = [observation([5, 6, 7, 8, 9]), observation([1, 2, 3, 4, 5, 6, 7])];

/** A fixed batch, so both backends see exactly the same inputs. */
function fixedBatch(): TrainBatch {
  const actions = [
    [V + 4, 1, 0],
    [2, V, 3],
    [V + 1, V + 2],
    [0, 1, V + 4],
  ];
  return {
    observations: [observations[0]!, observations[1]!, observations[0]!, observations[1]!],
    actions,
    allowed: actions.map((a) => a.map((_, t) => grammar(t, a.slice(0, t))!)),
    advantages: Float32Array.of(1, -1, 0.5, -0.5),
    oldLogProbs: actions.map((a) => a.map(() => -2)),
  };
}

interface Run {
  supervised: StepStats;
  grpo: StepStats;
  logProbs: number[][];
  sampled: { logProbs: number[]; rescored: number[] }[];
}

async function runOn(backend: 'cpu' | 'wasm'): Promise<Run> {
  await useBackend(backend);
  const model = PolicyModel.create(tinyConfig({ seed: 21 }));
  const trainer = new PolicyTrainer(model, { learningRate: 0.01, maxGradNorm: 1 });
  const batch = fixedBatch();
  const logProbs = await model.logProbs(batch);
  const supervised = await trainer.supervisedStep(batch);
  const grpo = await trainer.grpoStep(batch, { clipEps: 0.2, entropyCoef: 0.01, klCoef: 0 });
  const samples = await model.sampleGroup(observations[1]!, grammar, 3, 1, createRng(2));
  const rescoring: ScoredBatch = {
    observations: samples.map(() => observations[1]!),
    actions: samples.map((s) => s.actions),
    allowed: samples.map((s) => s.actions.map((_, t) => grammar(t, s.actions.slice(0, t))!)),
  };
  const rescored = await model.logProbs(rescoring);
  trainer.dispose();
  model.dispose();
  const sampled = samples.map((s, i) => ({ logProbs: s.logProbs, rescored: rescored[i]! }));
  return { supervised, grpo, logProbs, sampled };
}

describe('the wasm backend', () => {
  it('trains (no missing gradient kernel) and matches cpu within 1e-3', async () => {
    const cpu = await runOn('cpu');
    const wasm = await runOn('wasm');
    expect(Number.isFinite(wasm.supervised.loss)).toBe(true);
    expect(Math.abs(wasm.supervised.loss - cpu.supervised.loss)).toBeLessThan(1e-3);
    expect(Math.abs(wasm.supervised.gradNorm - cpu.supervised.gradNorm)).toBeLessThan(1e-3);
    expect(Math.abs(wasm.grpo.loss - cpu.grpo.loss)).toBeLessThan(1e-3);
    wasm.logProbs.flat().forEach((lp, i) => expect(lp).toBeCloseTo(cpu.logProbs.flat()[i]!, 3));
  });

  it('scores sampled answers with the log-probs sampling reported', async () => {
    const wasm = await runOn('wasm');
    for (const s of wasm.sampled) {
      s.rescored.forEach((lp, t) => expect(lp).toBeCloseTo(s.logProbs[t]!, 4));
    }
  });
});
