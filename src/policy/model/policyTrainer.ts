import * as tf from '@tensorflow/tfjs-core';
import { Adam } from './adam';
import { packBatch, permute, teacherForced, type PackedBatch, type TeacherForced } from './forward';
import { flattenSteps, repeatPerStep } from './inputs';
import {
  grpoLoss,
  stepWeights,
  supervisedLoss,
  validateLossConfig,
  type LossTerms,
} from './losses';
import type { PolicyModel } from './policyModel';
import type { LossConfig, NamedArray, ScoredBatch, StepStats, TrainBatch } from './types';

export interface PolicyTrainerOptions {
  learningRate: number;
  /** Gradients are rescaled so their global norm is at most this (Infinity: no clipping). */
  maxGradNorm: number;
  beta1?: number;
  beta2?: number;
}

type LossFn = (f: TeacherForced) => LossTerms;

/**
 * The sum of same-shape tensors as a left fold of `tf.add`. Not `tf.addN`: tfjs-backend-webgpu
 * 4.22.0's AddN kernel binds every input as a storage buffer and, unlike its Concat, never splits
 * them under the device's maxStorageBuffersPerShaderStage (8 by default, one of them the output).
 * With 8 or more inputs the pipeline fails validation ("The number of storage buffers (9) in the
 * Compute stage exceeds the maximum per-stage limit (8)") and the result is whatever the output
 * buffer held: the global gradient norm over the policy's 44 parameters read 0 on SwiftShader
 * (36.19 on cpu), so clipping was skipped and one Adam step moved log-probs up to 2.68 away from
 * wasm and cpu. The fold adds left to right in float32 like the cpu and wasm AddN kernels, so
 * their results are unchanged (bit for bit).
 */
export function sumInOrder<T extends tf.Tensor>(xs: readonly T[]): T {
  if (xs.length === 0) throw new RangeError('Nothing to sum');
  return xs.slice(1).reduce<T>((total, x) => tf.add(total, x), xs[0]!);
}

/** Trains a PolicyModel with its own Adam optimizer and hand-made global-norm clipping. */
export class PolicyTrainer {
  private readonly adam: Adam;
  private readonly maxGradNorm: number;

  constructor(
    private readonly model: PolicyModel,
    opts: PolicyTrainerOptions,
  ) {
    if (!(opts.maxGradNorm > 0)) throw new RangeError('maxGradNorm must be > 0');
    this.maxGradNorm = opts.maxGradNorm;
    this.adam = new Adam(model.params.entries(), {
      learningRate: opts.learningRate,
      beta1: opts.beta1 ?? 0.9,
      beta2: opts.beta2 ?? 0.999,
      epsilon: 1e-8,
    });
  }

  setLearningRate(lr: number): void {
    this.adam.setLearningRate(lr);
  }

  /**
   * One PPO-clipped GRPO step: -mean_t[min(r A, clip(r, 1-eps, 1+eps) A)] - entropyCoef H
   * + klCoef KL (k3, against `refLogProbs` when given), averaged over all real steps.
   */
  async grpoStep(batch: TrainBatch, loss: LossConfig): Promise<StepStats> {
    validateLossConfig(loss);
    const packed = packBatch(batch, this.model.config);
    const rows = batch.observations.length;
    if (batch.advantages.length !== rows || !batch.advantages.every(Number.isFinite)) {
      throw new RangeError(`Expected ${rows} finite advantages, got ${batch.advantages.length}`);
    }
    if (batch.groups && batch.groups.length !== rows) {
      throw new RangeError(`Expected ${rows} loss groups, got ${batch.groups.length}`);
    }
    const { order, inputs } = packed;
    const old = flattenSteps(permute(batch.oldLogProbs, order), inputs);
    const ref = batch.refLogProbs ? flattenSteps(permute(batch.refLogProbs, order), inputs) : null;
    const advantages = repeatPerStep(
      order.map((i) => batch.advantages[i]!),
      inputs,
    );
    const weights = stepWeights(
      inputs.answerLengths,
      loss.episodeMean === true,
      batch.groups && permute(batch.groups, order),
    );
    return this.step(packed, (f) =>
      grpoLoss(
        f,
        tf.tensor1d(old),
        ref ? tf.tensor1d(ref) : null,
        tf.tensor1d(advantages),
        loss,
        weights ? tf.tensor1d(weights) : null,
      ),
    );
  }

  /** One behaviour-cloning step on the mean negative log-likelihood of the given actions. */
  async supervisedStep(batch: ScoredBatch): Promise<StepStats> {
    const packed = packBatch(batch, this.model.config);
    return this.step(packed, (f) => supervisedLoss(f));
  }

  /** Adam moments and step count, for checkpoints. */
  async getState(): Promise<NamedArray[]> {
    return this.adam.getState();
  }

  setState(state: readonly NamedArray[]): void {
    this.adam.setState(state);
  }

  dispose(): void {
    this.adam.dispose();
  }

  private async step(packed: PackedBatch, lossFn: LossFn): Promise<StepStats> {
    this.model.assertAlive();
    const entries = this.model.params.entries();
    const byVariable = new Map(entries.map(([name, v]) => [v.name, name]));
    const held: { terms?: LossTerms } = {};
    const { value, grads } = tf.variableGrads(
      () => {
        const terms = lossFn(teacherForced(this.model.params, this.model.config, packed));
        // The other figures outlive the tape's tidy so they can be read with the loss.
        held.terms = terms;
        tf.keep(terms.policyLoss);
        tf.keep(terms.entropy);
        tf.keep(terms.kl);
        tf.keep(terms.clipFraction);
        return terms.loss;
      },
      entries.map(([, v]) => v),
    );
    const named = new Map(Object.entries(grads).map(([k, g]) => [byVariable.get(k) ?? k, g]));
    const norm = tf.tidy(() =>
      tf.sqrt(sumInOrder([...named.values()].map((g) => tf.sum(tf.square(g))))),
    );
    const scale = tf.tidy(() =>
      tf.minimum(tf.scalar(1), tf.div(tf.scalar(this.maxGradNorm), tf.add(norm, 1e-6))),
    );
    this.adam.apply(named, scale as tf.Scalar);
    const t = held.terms!;
    const parts = [value, t.policyLoss, t.entropy, t.kl, t.clipFraction, norm];
    const packedStats = tf.stack(parts);
    const data = await packedStats.data();
    tf.dispose([...parts, packedStats, scale, ...named.values()]);
    const [loss = NaN, policyLoss = NaN, entropy = NaN, kl = NaN, clipFraction = NaN] = data;
    return { loss, policyLoss, entropy, kl, clipFraction, gradNorm: data[5] ?? NaN };
  }
}
