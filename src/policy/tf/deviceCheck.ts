import { errorText } from '../../protocol/errorText';
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName, DeviceCheckProgress, DeviceCheckRow } from '../../protocol/backend';
import { useBackend } from './backends';

export interface DeviceCheckOptions {
  matmulSize: number;
  steps: number;
  /** A monotonic clock in ms (performance.now in browsers and Node). */
  now: () => number;
  onProgress?: (progress: DeviceCheckProgress) => void;
}

/** Matmul throughput in GFLOP/s: one warm-up, then the best of three timed runs. */
async function benchMatmul(n: number, now: () => number): Promise<number> {
  const a = tf.randomUniform([n, n], -1, 1, 'float32', 1);
  const b = tf.randomUniform([n, n], -1, 1, 'float32', 2);
  try {
    const warm = tf.matMul(a, b);
    await warm.data();
    warm.dispose();
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const start = now();
      const c = tf.matMul(a, b);
      await c.data();
      best = Math.min(best, now() - start);
      c.dispose();
    }
    return (2 * n ** 3) / (Math.max(best, 1e-3) * 1e6);
  } finally {
    a.dispose();
    b.dispose();
  }
}

/**
 * The training benchmark's shape: the default policy's feed-forward block (width 64, hidden
 * 128) over one observation at its context length (512 tokens). A smaller one times little but
 * each op's fixed cost, which ranked the CPU backend above WASM (7.3 against 8.0 ms a step)
 * while it trained the policy several times slower.
 */
export const BENCH_BLOCK = { tokens: 512, width: 64, hidden: 128 } as const;

/** The policy's feed-forward block trained with Adam; returns mean step time and the losses. */
async function benchTraining(
  steps: number,
  now: () => number,
): Promise<{ stepMs: number; lossStart: number; lossEnd: number }> {
  const { tokens, width, hidden } = BENCH_BLOCK;
  const x = tf.randomNormal([tokens, width], 0, 1, 'float32', 3);
  const y = tf.randomNormal([tokens, width], 0, 1, 'float32', 4);
  // The initial values are copied into the variables: tidy frees them.
  const w1 = tf.tidy(() => tf.variable(tf.randomNormal([width, hidden], 0, 0.2, 'float32', 5)));
  const w2 = tf.tidy(() => tf.variable(tf.randomNormal([hidden, width], 0, 0.2, 'float32', 6)));
  const optimizer = tf.train.adam(0.01);
  const loss = (): tf.Scalar =>
    tf.tidy(() => tf.mean(tf.square(tf.sub(tf.matMul(tf.relu(tf.matMul(x, w1)), w2), y))));
  const step = async (): Promise<number> => {
    const value = optimizer.minimize(loss, true, [w1, w2]);
    const data = await value!.data();
    value!.dispose();
    return data[0] ?? NaN;
  };
  try {
    const lossStart = await step(); // warm-up step: compiles shaders / kernels
    let lossEnd = lossStart;
    const start = now();
    for (let i = 0; i < steps; i++) lossEnd = await step();
    return { stepMs: (now() - start) / Math.max(steps, 1), lossStart, lossEnd };
  } finally {
    optimizer.dispose();
    tf.dispose([x, y, w1, w2]);
  }
}

/** Measures one backend; switches to it first. Errors become a row, never a throw. */
export async function checkBackend(
  backend: BackendName,
  options: DeviceCheckOptions,
): Promise<DeviceCheckRow> {
  const base = { backend, matmulSize: options.matmulSize, steps: options.steps };
  const failure = await useBackend(backend);
  if (failure) {
    return {
      ...base,
      ok: false,
      error: failure,
      matmulGflops: 0,
      stepMs: 0,
      lossStart: 0,
      lossEnd: 0,
    };
  }
  try {
    options.onProgress?.({ backend, stage: 'matmul' });
    const matmulGflops = await benchMatmul(options.matmulSize, options.now);
    options.onProgress?.({ backend, stage: 'train' });
    const training = await benchTraining(options.steps, options.now);
    options.onProgress?.({ backend, stage: 'done' });
    return { ...base, ok: true, matmulGflops, ...training };
  } catch (error) {
    const message = errorText(error);
    return {
      ...base,
      ok: false,
      error: message,
      matmulGflops: 0,
      stepMs: 0,
      lossStart: 0,
      lossEnd: 0,
    };
  }
}

/** The fastest backend that worked, by training step time. */
export function fastestBackend(rows: DeviceCheckRow[]): BackendName | null {
  const ok = rows.filter((r) => r.ok);
  ok.sort((a, b) => a.stepMs - b.stepMs);
  return ok[0]?.backend ?? null;
}
