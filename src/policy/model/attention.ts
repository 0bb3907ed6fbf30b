import * as tf from '@tensorflow/tfjs-core';
import { NEG_INF } from './observations';
import { mm } from './matmul';

/** [B, T, D] -> [B, H, T, D/H]. */
function splitHeads(x: tf.Tensor, heads: number): tf.Tensor4D {
  const [b, t, d] = x.shape as [number, number, number];
  return tf.transpose(tf.reshape(x, [b, t, heads, d / heads]), [0, 2, 1, 3]);
}

/**
 * Batched multi-head attention, each row over its own keys: q, k, v [B, T, D], additive `mask`
 * broadcasting to [B, H, Tq, Tk] (null: every key is seen). Used where sequences are short
 * (decoder self-attention).
 */
export function batchedAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask: tf.Tensor | null,
  heads: number,
): tf.Tensor {
  const [b, tq, d] = q.shape as [number, number, number];
  const qh = tf.mul(splitHeads(q, heads), 1 / Math.sqrt(d / heads));
  const raw = tf.matMul(qh, splitHeads(k, heads), false, true);
  const scores = mask ? tf.add(raw, mask) : raw;
  const mixed = tf.matMul(tf.softmax(scores), splitHeads(v, heads));
  return tf.reshape(tf.transpose(mixed, [0, 2, 1, 3]), [b, tq, d]);
}

/** Additive causal mask [1, 1, S, S]: step t sees steps 0..t. */
export function causalMask(steps: number): tf.Tensor4D {
  const values = new Float32Array(steps * steps);
  for (let i = 0; i < steps; i++) {
    for (let j = i + 1; j < steps; j++) values[i * steps + j] = NEG_INF;
  }
  return tf.tensor4d(values, [1, 1, steps, steps]);
}

/**
 * [T, D] as its heads' column blocks [T, D/H]: the tensor itself for one head. One split rather
 * than a slice per head, whose gradients would each be padded back to [T, D].
 */
function splitHeadColumns(x: tf.Tensor, heads: number): tf.Tensor2D[] {
  if (heads === 1) return [x as tf.Tensor2D];
  return tf.split(x, heads, 1);
}

/** Keys (transposed, [D/H, T]) and values ([T, D/H]) of one key sequence, per head. */
export type HeadKeyValues = { keysT: tf.Tensor2D[]; values: tf.Tensor2D[] };

/** Splits projected keys and values [T, D] into heads, keys pre-transposed for `mm`. */
export function headKeyValues(keys: tf.Tensor, values: tf.Tensor, heads: number): HeadKeyValues {
  return {
    keysT: splitHeadColumns(keys, heads).map((k) => tf.transpose(k)),
    values: splitHeadColumns(values, heads),
  };
}

/**
 * Multi-head attention of many query rows [M, D] over one shared key sequence, as plain 2-D
 * matmuls per head (the fast path on wasm). Rows of a GRPO group share their observation, so
 * cross-attention of a whole group is one such call. `mask` [1 or M, T] is additive, or null.
 */
export function sharedAttention(
  q: tf.Tensor,
  kv: HeadKeyValues,
  mask: tf.Tensor | null,
  heads: number,
): tf.Tensor2D {
  const dh = q.shape[1]! / heads;
  const queries = splitHeadColumns(tf.mul(q, 1 / Math.sqrt(dh)), heads);
  const outputs: tf.Tensor2D[] = [];
  for (let h = 0; h < heads; h++) {
    const scores = mm(queries[h]!, kv.keysT[h]!);
    const weights = tf.softmax(mask ? tf.add(scores, mask) : scores);
    outputs.push(mm(weights, kv.values[h]!));
  }
  return tf.concat(outputs, 1);
}
