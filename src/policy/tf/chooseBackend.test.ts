import { describe, expect, it } from 'vitest';
import type { AdapterInfo, BackendAvailability } from '../../protocol/backend';
import { chooseBackend } from './chooseBackend';

const all: BackendAvailability[] = [
  { backend: 'webgpu', available: true },
  { backend: 'wasm', available: true },
  { backend: 'cpu', available: true },
];
const gpu: AdapterInfo = {
  vendor: 'nvidia',
  architecture: 'ampere',
  description: '',
  isFallbackAdapter: false,
};
const swiftshader: AdapterInfo = {
  ...gpu,
  vendor: 'google',
  architecture: 'swiftshader',
  isFallbackAdapter: true,
};

describe('chooseBackend', () => {
  it('takes WebGPU on a real GPU adapter', () => {
    const plan = chooseBackend('auto', null, all, gpu);
    expect(plan.order[0]).toBe('webgpu');
    expect(plan.fallbacks).toEqual([]);
  });

  it('prefers WASM over a software WebGPU adapter and says why', () => {
    const plan = chooseBackend('auto', null, all, swiftshader);
    expect(plan.order[0]).toBe('wasm');
    expect(plan.fallbacks[0]?.reason).toMatch(/software adapter \(swiftshader\)/);
  });

  it('uses the measured fastest backend when there is one', () => {
    expect(chooseBackend('auto', 'cpu', all, gpu).order[0]).toBe('cpu');
  });

  it('falls back from an unavailable explicit choice with its reason', () => {
    const noGpu: BackendAvailability[] = [
      { backend: 'webgpu', available: false, reason: 'WebGPU: no adapter' },
      { backend: 'wasm', available: true },
      { backend: 'cpu', available: true },
    ];
    const plan = chooseBackend('webgpu', null, noGpu, null);
    expect(plan.order).toEqual(['wasm', 'cpu']);
    expect(plan.fallbacks).toEqual([{ backend: 'webgpu', reason: 'WebGPU: no adapter' }]);
  });

  it('ends on CPU when nothing else works', () => {
    const onlyCpu: BackendAvailability[] = [
      { backend: 'webgpu', available: false, reason: 'WebGPU: no adapter' },
      { backend: 'wasm', available: false, reason: 'WASM: failed' },
      { backend: 'cpu', available: true },
    ];
    const plan = chooseBackend('auto', null, onlyCpu, null);
    expect(plan.order).toEqual(['cpu']);
    expect(plan.fallbacks.map((f) => f.backend)).toEqual(['webgpu', 'wasm']);
  });
});
