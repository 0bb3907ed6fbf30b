import '../../node/tf';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { backendAgreement, maxDifference } from './agreement';

describe('backendAgreement', () => {
  it('WASM and CPU give the same log-probs and update within 1e-4, without leaking tensors', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const [wasm, cpu] = await backendAgreement(['wasm', 'cpu']);
    expect(wasm!.before.length).toBe(9);
    expect(wasm!.before.every((x) => x < 0 && Number.isFinite(x))).toBe(true);
    // The update moved the policy: the same numbers would mean nothing was trained.
    expect(maxDifference(wasm!, { ...wasm!, after: wasm!.before })).toBeGreaterThan(1e-3);
    expect(maxDifference(wasm!, cpu!)).toBeLessThan(1e-4);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
