import '../../node/tf';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { linear, lookupRows, mm, oneHotFloat } from './matmul';
import { useBackend } from './testUtils';

async function values(t: tf.Tensor): Promise<number[]> {
  const out = Array.from(await t.data());
  t.dispose();
  return out;
}

describe.each(['cpu', 'wasm'] as const)('matmul helpers on %s', (backend) => {
  it('mm has the value and gradients of tf.matMul', async () => {
    await useBackend(backend);
    const a = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    const b = tf.tensor2d([0.5, -1, 2, 0, 1, 3], [3, 2]);
    const weight = tf.tensor2d([1, -2, 3, 0.5], [2, 2]);
    const loss = (f: (x: tf.Tensor, y: tf.Tensor) => tf.Tensor) => (x: tf.Tensor, y: tf.Tensor) =>
      tf.sum(tf.mul(f(x, y), weight));
    const ours = tf.grads(loss(mm));
    const reference = tf.grads(loss((x, y) => tf.matMul(x, y)));
    expect(await values(mm(a, b))).toEqual(await values(tf.matMul(a, b)));
    const [ga, gb] = ours([a, b]);
    const [ra, rb] = reference([a, b]);
    expect(await values(ga!)).toEqual(await values(ra!));
    expect(await values(gb!)).toEqual(await values(rb!));
    tf.dispose([a, b, weight]);
  });

  it('oneHotFloat is float32 ones and zeros (the wasm kernel ignores a float32 dtype)', async () => {
    await useBackend(backend);
    const t = oneHotFloat(Int32Array.of(2, 0), 3);
    expect(t.dtype).toBe('float32');
    expect(await values(t)).toEqual([0, 0, 1, 1, 0, 0]);
  });

  it('lookupRows equals gather, with zero rows for -1, and trains the table', async () => {
    await useBackend(backend);
    const table = tf.tensor2d([0, 1, 10, 11, 20, 21, 30, 31], [4, 2]);
    const ids = Int32Array.of(3, -1, 1, 3);
    expect(await values(lookupRows(table, ids))).toEqual([30, 31, 0, 0, 10, 11, 30, 31]);
    expect(await values(lookupRows(table, Int32Array.of(-1)))).toEqual([0, 0]);
    const grad = tf.grad((t: tf.Tensor) => tf.sum(lookupRows(t, ids)))(table);
    expect(await values(grad)).toEqual([0, 0, 1, 1, 0, 0, 2, 2]);
    table.dispose();
  });

  it('linear keeps leading dimensions', async () => {
    await useBackend(backend);
    const x = tf.ones([2, 3, 4]);
    const w = tf.ones([4, 5]);
    const y = linear(x, w, tf.ones([5]));
    expect(y.shape).toEqual([2, 3, 5]);
    expect(new Set(await values(y))).toEqual(new Set([5]));
    tf.dispose([x, w]);
  });
});
