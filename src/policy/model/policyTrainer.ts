import * as tf from '@tensorflow/tfjs-core';
import { Adam } from './adam';
import { packBatch, permute, teacherForced, type PackedBatch, type TeacherForced } from './forward';
import { flattenSteps, repeatPerStep } from './trainingInputs';
import {
  grpoLoss,
  stepWeights,
  supervisedLoss,
  validateLossConfig,
  type LossTerms,
} from './losses';
import { batchPasses, DEFAULT_PASS_LIMITS, pickRows, type PassLimits } from './passes';
import type { PolicyModel } from './policyModel';
import type { LossConfig, NamedArray, ScoredBatch, StepStats, TrainBatch } from './types';

export interface PolicyTrainerOptions {
  learningRate: number;
  /** Gradients are rescaled so their global norm is at most this (Infinity: no clipping). */
  maxGradNorm: number;
  beta1?: number;
  beta2?: number;
  /** Most answers per teacher-forced pass (default ROWS_PER_PASS); more run in several passes. */
  rowsPerPass?: number;
  /** Most estimated bytes per pass (default PASS_BYTES; see passBytes). */
  bytesPerPass?: number;
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
  private readonly limits: PassLimits;

  constructor(
    private readonly model: PolicyModel,
    opts: PolicyTrainerOptions,
  ) {
    if (!(opts.maxGradNorm > 0)) throw new RangeError('maxGradNorm must be > 0');
    this.maxGradNorm = opts.maxGradNorm;
    this.limits = {
      rows: opts.rowsPerPass ?? DEFAULT_PASS_LIMITS.rows,
      bytes: opts.bytesPerPass ?? DEFAULT_PASS_LIMITS.bytes,
    };
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
   * + klCoef KL (k3, against `refLogProbs` when given), averaged over all real steps. A batch of
   * more than `rowsPerPass` answers (or `bytesPerPass`) runs in several passes (see planPasses) whose losses are
   * weighted by the whole batch's step weights, so their gradients sum to the one-pass gradient.
   * With `loss.projectConflicts` and `batch.tasks`, each task group runs in passes of its own and
   * the groups' gradients meet in projectConflicts instead of a plain sum.
   */
  async grpoStep(batch: TrainBatch, loss: LossConfig): Promise<StepStats> {
    validateLossConfig(loss);
    const rows = batch.observations.length;
    if (batch.advantages.length !== rows || !batch.advantages.every(Number.isFinite)) {
      throw new RangeError(`Expected ${rows} finite advantages, got ${batch.advantages.length}`);
    }
    if (batch.groups && batch.groups.length !== rows) {
      throw new RangeError(`Expected ${rows} loss groups, got ${batch.groups.length}`);
    }
    if (batch.tasks && batch.tasks.length !== rows) {
      throw new RangeError(`Expected ${rows} gradient groups, got ${batch.tasks.length}`);
    }
    const tasks = batch.tasks;
    const ids =
      loss.projectConflicts === true && tasks ? [...new Set(tasks)].sort((a, b) => a - b) : [];
    // With conflicts projected, each gradient group trains in passes of its own.
    const split =
      ids.length > 1
        ? ids.flatMap((id) => {
            const rowsOf = tasks!.flatMap((t, r) => (t === id ? [r] : []));
            return this.passes(pickRows(batch, rowsOf)).map((part) => ({ part, bucket: id }));
          })
        : this.passes(batch).map((part) => ({ part, bucket: 0 }));
    const parts = split.map(({ part, bucket }) => {
      const packed = packBatch(part, this.model.config);
      const { order, inputs } = packed;
      return {
        bucket,
        packed,
        old: flattenSteps(permute(part.oldLogProbs, order), inputs),
        ref: part.refLogProbs ? flattenSteps(permute(part.refLogProbs, order), inputs) : null,
        advantages: repeatPerStep(
          order.map((i) => part.advantages[i]!),
          inputs,
        ),
        groups: part.groups && permute(part.groups, order),
      };
    });
    const weights = passWeights(
      parts.map((p) => p.packed.inputs.answerLengths),
      (lengths) =>
        stepWeights(
          lengths,
          loss.episodeMean === true,
          batch.groups && parts.flatMap((p) => p.groups!),
        ),
    );
    return this.step(
      parts.map((p, k) => ({
        bucket: p.bucket,
        packed: p.packed,
        lossFn: (f) =>
          grpoLoss(
            f,
            tf.tensor1d(p.old),
            p.ref ? tf.tensor1d(p.ref) : null,
            tf.tensor1d(p.advantages),
            loss,
            weights[k] ? tf.tensor1d(weights[k]) : null,
          ),
      })),
    );
  }

  /** One behaviour-cloning step on the mean negative log-likelihood of the given actions. */
  async supervisedStep(batch: ScoredBatch): Promise<StepStats> {
    const packs = this.passes(batch).map((part) => packBatch(part, this.model.config));
    const weights = passWeights(
      packs.map((p) => p.inputs.answerLengths),
      () => null,
    );
    return this.step(
      packs.map((packed, k) => ({
        bucket: 0,
        packed,
        lossFn: (f) => supervisedLoss(f, weights[k] ? tf.tensor1d(weights[k]) : null),
      })),
    );
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

  /** The batch's passes (one when it fits), each a batch of its own. */
  private passes<B extends ScoredBatch>(batch: B): B[] {
    return batchPasses(batch, this.model.config, this.limits).map((p) => p.part);
  }

  /**
   * Gradients of every pass's loss, summed per bucket; several buckets' gradients are summed
   * after their conflicts are projected out (see projectConflicts). Then clipped to the global
   * norm and applied: one optimiser step. A single pass runs exactly as an unsplit batch always
   * has.
   */
  private async step(
    passes: { packed: PackedBatch; lossFn: LossFn; bucket: number }[],
  ): Promise<StepStats> {
    this.model.assertAlive();
    const entries = this.model.params.entries();
    const byVariable = new Map(entries.map(([name, v]) => [v.name, name]));
    const buckets = new Map<number, Map<string, tf.Tensor>>();
    let figures: tf.Scalar[] | null = null;
    for (const { packed, lossFn, bucket } of passes) {
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
      const t = held.terms!;
      const parts = [value, t.policyLoss, t.entropy, t.kl, t.clipFraction];
      const mine = new Map(Object.entries(grads).map(([k, g]) => [byVariable.get(k) ?? k, g]));
      const named = buckets.get(bucket);
      if (!named) buckets.set(bucket, mine);
      else {
        for (const [name, g] of mine) {
          const before = named.get(name);
          named.set(name, before ? tf.add(before, g) : g);
          if (before) tf.dispose([before, g]);
        }
      }
      if (!figures) figures = parts;
      else {
        const sum: tf.Scalar[] = figures.map((f, i) => tf.add(f, parts[i]!));
        tf.dispose([...figures, ...parts]);
        figures = sum;
      }
    }
    if (buckets.size === 0 || !figures) throw new RangeError('A batch needs at least one pass');
    const grouped = [...buckets.values()];
    const sums = grouped.length === 1 ? grouped[0]! : projectConflicts(grouped);
    const norm = tf.tidy(() =>
      tf.sqrt(sumInOrder([...sums.values()].map((g) => tf.sum(tf.square(g))))),
    );
    const shown = [...figures, norm];
    const packedStats = tf.stack(shown);
    const data = await packedStats.data();
    const [loss = NaN, policyLoss = NaN, entropy = NaN, kl = NaN, clipFraction = NaN] = data;
    const gradNorm = data[5] ?? NaN;
    // A non-finite norm would write NaN into every weight and every Adam moment, and those
    // weights would then replace the good checkpoints: the step is refused, nothing changed.
    if (!Number.isFinite(gradNorm)) {
      tf.dispose([...shown, packedStats, ...sums.values()]);
      throw new RangeError(
        `The gradients are not finite (global norm ${gradNorm}, loss ${loss}): the update is not applied, and the weights and optimiser are as they were. A lower learning rate or maxGradNorm, or a resume from an earlier checkpoint, may get past it.`,
      );
    }
    const scale = tf.tidy(() =>
      tf.minimum(tf.scalar(1), tf.div(tf.scalar(this.maxGradNorm), tf.add(norm, 1e-6))),
    );
    this.adam.apply(sums, scale as tf.Scalar);
    tf.dispose([...shown, packedStats, scale, ...sums.values()]);
    return { loss, policyLoss, entropy, kl, clipFraction, gradNorm, passes: passes.length };
  }
}

/**
 * Per pass, the step weights of its loss, or null for the plain mean over its own steps. One
 * pass keeps `weigh`'s weights (null: the token mean, as an unsplit batch). Several passes take
 * their slices of the whole batch's weights (the token mean: 1 / all real steps), so the passes'
 * losses and gradients add up to the whole batch's.
 */
export function passWeights(
  lengths: readonly (readonly number[])[],
  weigh: (all: number[]) => Float32Array | null,
): (Float32Array | null)[] {
  const all = lengths.flat();
  const whole = weigh(all);
  if (lengths.length === 1) return [whole];
  const steps = all.reduce((n, l) => n + l, 0);
  const full = whole ?? new Float32Array(steps).fill(1 / steps);
  let at = 0;
  return lengths.map((ls) => {
    const n = ls.reduce((s, l) => s + l, 0);
    return full.slice(at, (at += n));
  });
}

/**
 * PCGrad (Yu et al., 2020, "Gradient surgery for multi-task learning"): each group's gradient,
 * wherever it points against another group's (negative dot product), loses its component along
 * that gradient, against the others' original gradients in a fixed order; the results are summed.
 * Without conflicts this is the plain sum. All on the backend, nothing read back; the inputs are
 * disposed.
 */
export function projectConflicts(groups: Map<string, tf.Tensor>[]): Map<string, tf.Tensor> {
  const names = [...new Set(groups.flatMap((g) => [...g.keys()]))];
  // A parameter one group's passes left without a gradient has a zero gradient there.
  for (const n of names) {
    const some = groups.find((g) => g.has(n))!.get(n)!;
    for (const g of groups) if (!g.has(n)) g.set(n, tf.zerosLike(some));
  }
  const dot = (a: Map<string, tf.Tensor>, b: Map<string, tf.Tensor>): tf.Scalar =>
    sumInOrder<tf.Scalar>(names.map((n) => tf.sum(tf.mul(a.get(n)!, b.get(n)!))));
  const out = tf.tidy(() => {
    const norms = groups.map((g) => dot(g, g));
    const projected = groups.map((g, i) => {
      let mine = names.map((n) => g.get(n)!);
      groups.forEach((other, j) => {
        if (j === i) return;
        const current = new Map(names.map((n, k) => [n, mine[k]!]));
        const coef = tf.div(tf.minimum(dot(current, other), 0), tf.add(norms[j]!, 1e-20));
        mine = mine.map((x, k) => tf.sub(x, tf.mul(coef, other.get(names[k]!)!)));
      });
      return mine;
    });
    return names.map((_, k) => sumInOrder(projected.map((p) => p[k]!)));
  });
  groups.forEach((g) => tf.dispose([...g.values()]));
  return new Map(names.map((n, k) => [n, out[k]!]));
}
