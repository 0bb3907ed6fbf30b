import * as tf from '@tensorflow/tfjs-core';

/**
 * 2-D matmul whose gradient uses explicit transposes and plain matmuls. tf.matMul's own gradient
 * asks for transposed operands, which the wasm backend runs on a slow generic loop (about 10x
 * slower than its XNNPACK path for untransposed 2-D products).
 */
const matMulFastGrad = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [a, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul<tf.Tensor2D>(a, b),
    gradFunc: (dy: tf.Tensor2D, saved: tf.Tensor[]) => [
      tf.matMul(dy, tf.transpose(saved[1] as tf.Tensor2D)),
      tf.matMul(tf.transpose(saved[0] as tf.Tensor2D), dy),
    ],
  };
});

/**
 * 2-D matmul whose gradient uses explicit transposes and plain matmuls. tf.matMul's own gradient
 * asks for transposed operands, which the wasm backend runs on a slow generic loop (about 10x
 * slower than its XNNPACK path for untransposed 2-D products).
 */
export function mm(a: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  return matMulFastGrad(a, b);
}

/** x [..., in] times w [in, out] (+ b), through the 2-D fast path. */
export function linear(x: tf.Tensor, w: tf.Tensor, b?: tf.Tensor): tf.Tensor {
  const inDim = x.shape[x.shape.length - 1]!;
  const outDim = w.shape[1]!;
  const flat = mm(tf.reshape(x, [-1, inDim]), w);
  const biased = b ? tf.add(flat, b) : flat;
  return x.shape.length === 2 ? biased : tf.reshape(biased, [...x.shape.slice(0, -1), outDim]);
}

/**
 * One-hot rows as float32. Cast from int32 rather than asking oneHot for float32: the wasm
 * kernel ignores the dtype and writes int32 bit patterns (1 reads back as 1.4e-45).
 */
export function oneHotFloat(ids: Int32Array, depth: number): tf.Tensor2D {
  return tf.cast(tf.oneHot(tf.tensor1d(ids, 'int32'), depth), 'float32') as tf.Tensor2D;
}

/**
 * Rows of `table` [N, D] for `ids` (-1 gives a zero row), as one-hot matmuls: the wasm backend
 * cannot differentiate `gather`. The one-hot runs over the distinct ids only, so its size is
 * ids x distinct instead of ids x N.
 */
export function lookupRows(table: tf.Tensor, ids: Int32Array): tf.Tensor2D {
  const depth = table.shape[0];
  const width = table.shape[1]!;
  const distinct = [...new Set(ids)].filter((id) => id >= 0).sort((a, b) => a - b);
  if (distinct.length === 0) return tf.zeros([ids.length, width]);
  const column = new Map(distinct.map((id, i) => [id, i]));
  const local = new Float32Array(ids.length * distinct.length);
  ids.forEach((id, i) => {
    const c = column.get(id);
    if (c !== undefined) local[i * distinct.length + c] = 1;
  });
  const rows = mm(oneHotFloat(Int32Array.from(distinct), depth), table);
  return mm(tf.tensor2d(local, [ids.length, distinct.length]), rows);
}
