import { useRef } from 'react';
import type { BackendInfo } from '../../protocol/backend';
import { useApp, useBackendSummary, useUiActions } from '../../state/hooks';
import { useBarHeight } from './useBarHeight';

function adapterText(info: BackendInfo): string {
  const a = info.adapter;
  if (!a) {
    const reason = info.availability.find((x) => x.backend === 'webgpu')?.reason;
    return reason ?? 'WebGPU: no adapter';
  }
  const kind = a.isFallbackAdapter ? 'software fallback' : 'hardware';
  return `${a.vendor} · ${a.architecture} · ${kind}`;
}

function wasmText(info: BackendInfo): string {
  if (!info.wasm) return 'WASM unavailable';
  return `WASM SIMD ${info.wasm.simd ? 'on' : 'off'} · threads ${info.wasm.threads ? 'on' : 'off'}`;
}

/** Always visible: the backend in use, the WebGPU adapter, WASM features, isolation. */
export function StatusBar() {
  const { status, info, error } = useBackendSummary();
  const { setSettingsOpen } = useUiActions();
  const fromUrl = useApp((s) => s.device.preferenceSource === 'url');
  const badUrlBackend = useApp((s) => s.device.invalidUrlBackend);
  const bar = useRef<HTMLElement>(null);
  useBarHeight(bar);
  return (
    <footer ref={bar} className="status-bar" data-testid="status-bar" data-status={status}>
      {status === 'error' && <span className="status-error">Compute failed: {error}</span>}
      {status !== 'ready' && status !== 'error' && <span>Starting compute worker…</span>}
      {info && (
        <>
          <button
            type="button"
            className="status-item status-backend"
            data-testid="status-backend"
            title={`Chosen: ${fromUrl && info.choice === 'chosen by you' ? 'by the address (?backend=)' : info.choice}. Click to change.`}
            onClick={() => setSettingsOpen(true)}
          >
            backend: <strong>{info.backend}</strong>
          </button>
          <span className="status-item" data-testid="status-adapter" title="WebGPU adapter">
            GPU: {adapterText(info)}
          </span>
          <span className="status-item" data-testid="status-wasm">
            {wasmText(info)}
          </span>
          <span className="status-item" data-testid="status-isolation">
            {info.crossOriginIsolated ? 'cross-origin isolated' : 'not cross-origin isolated'}
          </span>
          {badUrlBackend !== null && (
            <span className="status-item status-error" role="alert" data-testid="status-bad-url">
              ?backend={badUrlBackend} is not a backend (webgpu, wasm, cpu or auto): ignored
            </span>
          )}
          {info.fallbacks.length > 0 && (
            <span className="status-item status-muted" data-testid="status-fallbacks">
              {info.fallbacks.map((f) => f.reason).join('; ')}
            </span>
          )}
        </>
      )}
    </footer>
  );
}
