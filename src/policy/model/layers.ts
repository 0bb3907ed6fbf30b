import * as tf from '@tensorflow/tfjs-core';
import { linear } from './matmul';
import type { ParamStore } from './params';

const LN_EPS = 1e-5;

/** Layer normalisation over the last axis with learned gain and bias `${prefix}.g/.b`. */
export function layerNorm(p: ParamStore, prefix: string, x: tf.Tensor): tf.Tensor {
  const mean = tf.mean(x, -1, true);
  const centred = tf.sub(x, mean);
  const variance = tf.mean(tf.square(centred), -1, true);
  const normed = tf.mul(centred, tf.rsqrt(tf.add(variance, LN_EPS)));
  return tf.add(tf.mul(normed, p.get(`${prefix}.g`)), p.get(`${prefix}.b`));
}

/** GELU, tanh approximation (built from ops that have gradients on every backend). */
export function gelu(x: tf.Tensor): tf.Tensor {
  const cube = tf.mul(tf.mul(x, x), x);
  const inner = tf.mul(tf.add(x, tf.mul(cube, 0.044715)), Math.sqrt(2 / Math.PI));
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
}

/** Position-wise feed-forward block `${prefix}.w1/b1/w2/b2`. */
export function feedForward(p: ParamStore, prefix: string, x: tf.Tensor): tf.Tensor {
  const hidden = gelu(linear(x, p.get(`${prefix}.w1`), p.get(`${prefix}.b1`)));
  return linear(hidden, p.get(`${prefix}.w2`), p.get(`${prefix}.b2`));
}
