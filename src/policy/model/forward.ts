import * as tf from '@tensorflow/tfjs-core';
import { decode } from './decoder';
import { buildMemory, encode } from './encoder';
import { packTraining, type TrainingInputs } from './inputs';
import { groupedOrder, packObservations, type PackedObservations } from './observations';
import { oneHotFloat } from './matmul';
import type { ParamStore } from './params';
import type { ModelConfig, ScoredBatch } from './types';

/** A scored batch, validated and laid out as typed arrays (built before any tensor). */
export interface PackedBatch {
  obs: PackedObservations;
  inputs: TrainingInputs;
  /** Packed row i is row order[i] of the caller's batch (identical observations grouped). */
  order: number[];
}

/** `items` in the given order. */
export function permute<T>(items: readonly T[], order: readonly number[]): T[] {
  return order.map((i) => items[i]!);
}

export function packBatch(batch: ScoredBatch, config: ModelConfig): PackedBatch {
  const order = groupedOrder(batch.observations);
  const grouped: ScoredBatch = {
    observations: permute(batch.observations, order),
    actions: permute(batch.actions, order),
    allowed: permute(batch.allowed, order),
  };
  const obs = packObservations(grouped.observations, config);
  return { obs, inputs: packTraining(grouped, obs, config), order };
}

/** Per-step tensors of a teacher-forced pass, all [B, S] in packed row order. */
export interface TeacherForced {
  /** Log-prob of the chosen action under the masked distribution (0 on padding). */
  chosen: tf.Tensor2D;
  /** Entropy of the masked distribution. */
  entropy: tf.Tensor2D;
  /** 1 on real steps, 0 on padding. */
  weights: tf.Tensor2D;
}

/**
 * Runs encoder and decoder over whole answers at once (call inside a tidy or a gradient tape).
 * Each distinct observation is encoded once and attended to once for all the rows that share
 * it, which in GRPO is every row of a group.
 */
export function teacherForced(p: ParamStore, c: ModelConfig, packed: PackedBatch): TeacherForced {
  const { obs, inputs } = packed;
  const rows = obs.rowOf.length;
  const width = c.vocabSize + obs.length;
  const memory = buildMemory(p, c, encode(p, c, obs), obs, obs.groups);
  const logits = decode(p, c, memory, inputs, false);
  const mask = tf.tensor3d(inputs.mask, [rows, inputs.steps, width]);
  const logp = tf.logSoftmax(tf.add(logits, mask));
  const picked = tf.reshape(oneHotFloat(inputs.chosen, width), [rows, inputs.steps, width]);
  const weights = tf.tensor2d(inputs.weights, [rows, inputs.steps]);
  const chosen = tf.mul<tf.Tensor2D>(tf.sum(tf.mul(picked, logp), -1), weights);
  const entropy = tf.neg(tf.sum(tf.mul(tf.exp(logp), logp), -1)) as tf.Tensor2D;
  return { chosen, entropy, weights };
}

/** Per-row values of a padded [B * S] array, back in the caller's row order. */
export function unpack(values: Float32Array, packed: PackedBatch, lengths: readonly number[]) {
  const steps = packed.inputs.steps;
  const out: number[][] = new Array<number[]>(lengths.length);
  packed.order.forEach((original, i) => {
    out[original] = Array.from(values.subarray(i * steps, i * steps + lengths[original]!));
  });
  return out;
}
