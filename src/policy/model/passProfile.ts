import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../../core/rng';
import { passBytes } from './passBytes';
import { PolicyModel } from './policyModel';
import { PolicyTrainer } from './policyTrainer';
import type { ModelConfig, ScoredBatch } from './types';

/** A synthetic batch: `units` distinct observations of `length` random tokens, `perUnit` answers each of `steps` steps. */
export interface PassShape {
  units: number;
  length: number;
  perUnit: number;
  steps: number;
}

/**
 * Measures one supervised training pass of a fresh model of `config` over a synthetic batch of
 * `shape`: the peak bytes of tensors it held (tf.profile, less any bytes that were not the
 * model's before it started) beside passBytes' estimate. For the pass-memory benchmark and the
 * estimate's test.
 */
export async function profilePass(
  config: ModelConfig,
  shape: PassShape,
  seed = 1,
): Promise<{ peak: number; estimate: number }> {
  const model = PolicyModel.create(config);
  const trainer = new PolicyTrainer(model, {
    learningRate: 1e-3,
    maxGradNorm: 1,
    rowsPerPass: Infinity,
    bytesPerPass: Infinity,
  });
  const foreign = tf.memory().numBytes - 4 * model.parameterCount();
  const rng = createRng(seed);
  const V = config.vocabSize;
  const allowed = Array.from({ length: 40 }, (_, i) => (i < 20 ? i : V + i));
  const rows = Array.from({ length: shape.units }, () => ({
    tokens: Int32Array.from({ length: shape.length }, () => 1 + Math.floor(rng.next() * (V - 1))),
    segments: new Int32Array(shape.length),
  })).flatMap((o) => Array.from({ length: shape.perUnit }, () => o));
  const actions = rows.map(() =>
    Array.from({ length: shape.steps }, () => allowed[Math.floor(rng.next() * allowed.length)]!),
  );
  const batch: ScoredBatch = {
    observations: rows,
    actions,
    allowed: actions.map((a) => a.map(() => allowed)),
  };
  const info = await tf.profile(async () => {
    await trainer.supervisedStep(batch);
  });
  trainer.dispose();
  model.dispose();
  const estimate = passBytes(config, shape.units, shape.length, rows.length * shape.steps);
  return { peak: info.peakBytes - foreign, estimate };
}
