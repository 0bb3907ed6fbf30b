import * as tf from '@tensorflow/tfjs-core';
import { decode } from './decoder';
import { buildMemory, encode, memoryOfRows } from './encoder';
import { packTraining, type TrainingInputs } from './trainingInputs';
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

/** Per-step tensors of a teacher-forced pass, all [N] over the real steps, row by row (packed order). */
export interface TeacherForced {
  /** Log-prob of the chosen action under the masked distribution. */
  chosen: tf.Tensor1D;
  /** Entropy of the masked distribution. */
  entropy: tf.Tensor1D;
}

/**
 * Runs encoder and decoder over whole answers at once (call inside a tidy or a gradient tape).
 * Each distinct observation is encoded once and attended to once for all the rows that share
 * it, which in GRPO is every row of a group. Each run of chunks is decoded to its own longest
 * answer (see chunkInputs), and only real steps reach the output layer.
 */
export function teacherForced(p: ParamStore, c: ModelConfig, packed: PackedBatch): TeacherForced {
  const { obs, inputs } = packed;
  const real = inputs.chosen.length;
  const width = c.vocabSize + obs.length;
  const memory = buildMemory(p, c, encode(p, c, obs), obs, obs.groups);
  // Each run of chunks decodes on its own, padded to its own longest answer.
  const blocks = inputs.parts.map((part) => {
    const chunks = memory.chunks.slice(part.firstChunk, part.firstChunk + part.chunks);
    const first = chunks[0]!.chunk.firstRow;
    const rows = chunks.reduce((n, m) => n + m.chunk.rows, 0);
    const own = memoryOfRows(
      memory,
      Array.from({ length: rows }, (_, i) => first + i),
    );
    return decode(p, c, own, part.inputs);
  });
  const logits = blocks.length === 1 ? blocks[0]! : tf.concat(blocks, 0);
  const logp = tf.logSoftmax(tf.add(logits, tf.tensor2d(inputs.mask, [real, width])));
  const picked = oneHotFloat(inputs.chosen, width);
  const chosen = tf.sum<tf.Tensor1D>(tf.mul(picked, logp), -1);
  const entropy = tf.neg(tf.sum(tf.mul(tf.exp(logp), logp), -1)) as tf.Tensor1D;
  return { chosen, entropy };
}

/** Per-row values of an [N] array over real steps (packed order), back in the caller's row order. */
export function unpack(values: Float32Array, packed: PackedBatch): number[][] {
  const lengths = packed.inputs.answerLengths;
  const out: number[][] = new Array<number[]>(lengths.length);
  let at = 0;
  packed.order.forEach((original, i) => {
    out[original] = Array.from(values.subarray(at, (at += lengths[i]!)));
  });
  return out;
}
