/**
 * The Chromium half of the training benchmark: the same GRPO steps as in Node
 * (bench/trainingWorkload.ts) on this page's main thread, on WebGPU, WASM and CPU in turn,
 * grading through the app's browser sandbox pool (QuickJS in Web Workers). bench/training.ts
 * opens this page (through bench/browser/serve.ts), hands it the tasks it built in Node and
 * calls one backend at a time.
 */
import '../../src/policy/tf/registerBrowser';
import * as tf from '@tensorflow/tfjs-core';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { createBrowserSandbox } from '../../src/bridge/sandboxPool';
import type { SandboxRunner } from '../../src/core/sandbox/types';
import type { Task } from '../../src/core/tasks/types';
import type { AdapterInfo, BackendName } from '../../src/protocol/backend';
import { probeBackends, useBackend } from '../../src/policy/tf/backends';
import { timeTraining, type TrainingFigures } from '../trainingWorkload';

export interface TrainingPageEnvironment {
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  adapter: AdapterInfo | null;
  /** Why WebGPU cannot be used here (null when it can). */
  webgpu: string | null;
  wasm: { simd: boolean; threads: boolean } | null;
}

export interface TrainingTimeRequest {
  backend: BackendName;
  tasks: Task[];
  steps: number;
  warmUpSteps: number;
  budgetMs: number;
}

declare global {
  interface Window {
    /** Probes the backends (registers WebGPU when there is an adapter) and starts the pool. */
    trainingStart(): Promise<TrainingPageEnvironment>;
    trainingTime(request: TrainingTimeRequest): Promise<TrainingFigures>;
    trainingStop(): Promise<void>;
  }
}

let sandbox: SandboxRunner | null = null;

window.trainingStart = async () => {
  const { availability, adapter } = await probeBackends({
    scope: self,
    wasmPaths: {
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
    },
  });
  const webgpu = availability.find((a) => a.backend === 'webgpu');
  const wasm = availability.find((a) => a.backend === 'wasm');
  let wasmFeatures: TrainingPageEnvironment['wasm'] = null;
  if (wasm?.available && !(await useBackend('wasm'))) {
    wasmFeatures = {
      simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
      threads: Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')),
    };
  }
  // Two sandbox workers, as the trainer worker uses.
  sandbox = createBrowserSandbox({ size: 2 });
  return {
    hardwareConcurrency: navigator.hardwareConcurrency,
    crossOriginIsolated: self.crossOriginIsolated,
    adapter,
    webgpu: webgpu?.available ? null : (webgpu?.reason ?? 'WebGPU: not probed'),
    wasm: wasmFeatures,
  };
};

window.trainingTime = async ({ backend, ...request }) => {
  if (!sandbox) throw new Error('call trainingStart() first');
  const failure = await useBackend(backend);
  if (failure) throw new Error(failure);
  const now = () => performance.now();
  return timeTraining({ ...request, sandbox, now });
};

window.trainingStop = async () => {
  await sandbox?.dispose();
  sandbox = null;
};
