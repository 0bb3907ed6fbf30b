import '../node/tf';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createTrainerApi } from './trainerApi';

const now = (): number => performance.now();

describe('createTrainerApi in Node', () => {
  it('refuses calls before init with a clear error', async () => {
    const api = createTrainerApi({ now });
    await expect(api.info()).rejects.toThrow(/call init\(\) first/);
    await expect(api.pauseRun('r')).rejects.toThrow(/call init\(\) first/);
  });

  it('reads stored runs without waiting for init: only training needs a backend', async () => {
    // Without a session (IndexedDB and a sandbox pool, the browser worker's), the reads get past
    // the backend check and say what they lack instead.
    const api = createTrainerApi({ now });
    for (const read of [
      api.episodeBatches('r'),
      api.listEpisodes('r', { source: 'train', step: 0 }),
      api.getEpisode(1),
      api.observation('r', 't'),
      api.taskFiles('r', 't'),
      api.storageReport(),
    ])
      await expect(read).rejects.toThrow(/need the browser trainer worker/);
    await expect(api.startRun({} as never, () => undefined)).rejects.toThrow(/call init\(\) first/);
  });

  it('falls back from WebGPU to WASM in Node and says why', async () => {
    const api = createTrainerApi({ now });
    const info = await api.init({ preference: 'auto' });
    expect(info.backend).toBe('wasm');
    expect(info.fallbacks[0]?.backend).toBe('webgpu');
    expect(info.fallbacks[0]?.reason).toMatch(/WebGPU: not supported here/);
    expect(info.wasm?.simd).toBe(true);
  });

  it('honours an explicit cpu preference and a measured fastest backend', async () => {
    const api = createTrainerApi({ now });
    expect((await api.init({ preference: 'cpu' })).backend).toBe('cpu');
    const auto = await api.init({ preference: 'auto', measuredFastest: 'cpu' });
    expect(auto.backend).toBe('cpu');
    expect(auto.choice).toMatch(/device check/);
  });

  it('takes backend changes in turn: one asked before the last has started is not its failure', async () => {
    const api = createTrainerApi({ now });
    // The Settings radios right after load: wasm asked, then cpu, both in flight (review 39code).
    const [wasm, cpu] = await Promise.all([
      api.init({ preference: 'wasm' }),
      api.init({ preference: 'cpu' }),
    ]);
    expect([wasm.backend, wasm.fallbacks]).toEqual(['wasm', []]);
    expect(cpu.backend).toBe('cpu');
    expect((await api.info()).backend).toBe('cpu');
  });

  it('runs the device check on wasm and cpu, trains, and restores the backend', async () => {
    const api = createTrainerApi({ now });
    await api.init({ preference: 'wasm' });
    const stages: string[] = [];
    const tensors = tf.memory().numTensors;
    const result = await api.deviceCheck({ matmulSize: 64, steps: 3 }, (p) =>
      stages.push(`${p.backend}:${p.stage}`),
    );
    expect(result.rows.map((r) => r.backend)).toEqual(['wasm', 'cpu']);
    for (const row of result.rows) {
      expect(row.ok).toBe(true);
      expect(row.matmulGflops).toBeGreaterThan(0);
      expect(row.lossEnd).toBeLessThan(row.lossStart);
    }
    expect(stages).toContain('cpu:done');
    expect(result.fastest).not.toBeNull();
    expect((await api.info()).backend).toBe('wasm');
    // It leaves no tensor behind on any backend it timed (review 43rl F3).
    expect(tf.memory().numTensors).toBe(tensors);
  });
});
