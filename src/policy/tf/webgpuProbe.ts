import type { AdapterInfo } from '../../protocol/backend';

/** The part of the WebGPU API this probe reads (no dependency on @webgpu/types). */
interface GpuAdapterLike {
  info?: {
    vendor?: string;
    architecture?: string;
    description?: string;
    isFallbackAdapter?: boolean;
  };
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

export type WebGpuProbe = { ok: true; adapter: AdapterInfo } | { ok: false; reason: string };

function gpuOf(scope: unknown): GpuLike | undefined {
  const nav = (scope as { navigator?: { gpu?: GpuLike } }).navigator;
  return nav?.gpu;
}

/**
 * Asks the browser for a WebGPU adapter and describes it. Retries once: on these machines the
 * first request has been seen to return null while a second succeeded (PLATFORM.md).
 */
export async function probeWebGpu(scope: unknown = globalThis): Promise<WebGpuProbe> {
  const gpu = gpuOf(scope);
  if (!gpu) return { ok: false, reason: 'WebGPU: not supported here (navigator.gpu is missing)' };
  let adapter: GpuAdapterLike | null = null;
  for (let attempt = 0; attempt < 2 && !adapter; attempt++) {
    try {
      adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    } catch (error) {
      return { ok: false, reason: `WebGPU: requestAdapter failed (${String(error)})` };
    }
  }
  if (!adapter) {
    return {
      ok: false,
      reason: 'WebGPU: no adapter (disabled or blocklisted; Chromium needs --enable-unsafe-webgpu)',
    };
  }
  const info = adapter.info ?? {};
  return {
    ok: true,
    adapter: {
      vendor: info.vendor || 'unknown',
      architecture: info.architecture || 'unknown',
      description: info.description ?? '',
      isFallbackAdapter: Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter),
    },
  };
}
