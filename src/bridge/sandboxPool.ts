import { createSandboxPool } from '../core/sandbox/pool';
import type { SandboxWorkerMessage, WorkerLike } from '../core/sandbox/protocol';
import type { SandboxRunner } from '../core/sandbox/types';

export { SandboxPoolError } from '../core/sandbox/pool';

/** Starts one sandbox Web Worker behind the pool's {@link WorkerLike} surface. */
function spawnBrowserSandboxWorker(): WorkerLike {
  const worker = new Worker(new URL('../../workers/sandbox.worker.ts', import.meta.url), {
    type: 'module',
    name: 'sandbox',
  });
  return {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    onMessage: (listener) =>
      worker.addEventListener('message', (event: MessageEvent<SandboxWorkerMessage>) =>
        listener(event.data),
      ),
    // Web Workers have no exit event: an uncaught error (or a message that cannot be read)
    // is treated as the worker being lost, and the pool replaces it.
    onExit: (listener) => {
      worker.addEventListener('error', (event) => listener(event.message || 'worker error'));
      worker.addEventListener('messageerror', () => listener('unreadable message from worker'));
    },
  };
}

export interface BrowserSandboxOptions {
  /** Number of Web Workers (default 1). */
  size?: number;
  /** Time past a run's deadline before its worker is terminated (default 50 ms). */
  graceMs?: number;
}

/**
 * The sandbox for the app: QuickJS in Web Workers, with a watchdog that terminates and
 * replaces a worker whose run overshoots its deadline. Call `dispose()` when done.
 */
export function createBrowserSandbox(options: BrowserSandboxOptions = {}): SandboxRunner {
  return createSandboxPool({
    size: options.size ?? 1,
    spawn: spawnBrowserSandboxWorker,
    now: () => performance.now(),
    graceMs: options.graceMs,
  });
}
