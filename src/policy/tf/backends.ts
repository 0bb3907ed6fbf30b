import { errorText } from '../../protocol/errorText';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type {
  AdapterInfo,
  BackendAvailability,
  BackendFallback,
  BackendInfo,
  BackendName,
  BackendPreference,
} from '../../protocol/backend';
import { probeWebGpu } from './webgpuProbe';
import { chooseBackend } from './chooseBackend';

/** Where the wasm backend's binaries are served from (browser only; Node reads node_modules). */
export type WasmPaths = Record<string, string>;

export interface BackendEnvironment {
  wasmPaths?: WasmPaths;
  /** The global scope to read `navigator.gpu` and `crossOriginIsolated` from. */
  scope?: unknown;
}

let webgpuRegistered = false;

async function registerWebGpu(): Promise<void> {
  if (webgpuRegistered) return;
  // Imported lazily: the module is only useful (and only safe) where navigator.gpu exists.
  await import('@tensorflow/tfjs-backend-webgpu');
  webgpuRegistered = true;
}

async function trySetBackend(name: BackendName): Promise<string | null> {
  try {
    const ok = await tf.setBackend(name);
    await tf.ready();
    return ok && tf.getBackend() === name ? null : `${name}: failed to initialise`;
  } catch (error) {
    return `${name}: failed to initialise (${errorText(error)})`;
  }
}

/** Probes what can run here: WebGPU adapter, then wasm and cpu by initialising them. */
export async function probeBackends(env: BackendEnvironment): Promise<{
  availability: BackendAvailability[];
  adapter: AdapterInfo | null;
}> {
  if (env.wasmPaths) setWasmPaths(env.wasmPaths);
  const gpu = await probeWebGpu(env.scope);
  const availability: BackendAvailability[] = [];
  if (gpu.ok) {
    await registerWebGpu();
    const failure = await trySetBackend('webgpu');
    availability.push(
      failure
        ? { backend: 'webgpu', available: false, reason: `WebGPU: ${failure}` }
        : {
            backend: 'webgpu',
            available: true,
            ...(gpu.adapter.isFallbackAdapter
              ? { reason: `WebGPU: software adapter (${gpu.adapter.architecture})` }
              : {}),
          },
    );
  } else {
    availability.push({ backend: 'webgpu', available: false, reason: gpu.reason });
  }
  const wasmFailure = await trySetBackend('wasm');
  availability.push(
    wasmFailure
      ? { backend: 'wasm', available: false, reason: `WASM: ${wasmFailure}` }
      : { backend: 'wasm', available: true },
  );
  availability.push({ backend: 'cpu', available: true });
  return { availability, adapter: gpu.ok ? gpu.adapter : null };
}

async function wasmFeatures(): Promise<{ simd: boolean; threads: boolean }> {
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  const threads = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
  return { simd, threads };
}

/**
 * Chooses and activates a backend for a preference. Every backend passed over is listed with
 * the reason, so the UI can say why (e.g. "WebGPU: no adapter").
 */
export async function initBackend(
  preference: BackendPreference,
  measuredFastest: BackendName | null,
  env: BackendEnvironment,
): Promise<BackendInfo> {
  const { availability, adapter } = await probeBackends(env);
  const plan = chooseBackend(preference, measuredFastest, availability, adapter);
  const fallbacks: BackendFallback[] = [...plan.fallbacks];
  let chosen: BackendName = 'cpu';
  for (const candidate of plan.order) {
    const failure = await trySetBackend(candidate);
    if (!failure) {
      chosen = candidate;
      break;
    }
    fallbacks.push({ backend: candidate, reason: failure });
  }
  const scope = (env.scope ?? globalThis) as { crossOriginIsolated?: boolean };
  return {
    backend: chosen,
    preference,
    choice: chosen === plan.order[0] ? plan.choice : `fallback after ${plan.order[0] ?? 'none'}`,
    fallbacks,
    availability,
    adapter,
    wasm: availability.some((a) => a.backend === 'wasm' && a.available)
      ? await wasmFeatures()
      : null,
    crossOriginIsolated: Boolean(scope.crossOriginIsolated),
  };
}

/** Switches the active backend without probing (used by the device check). */
export async function useBackend(name: BackendName): Promise<string | null> {
  return trySetBackend(name);
}

export function activeBackend(): string {
  return tf.getBackend();
}
