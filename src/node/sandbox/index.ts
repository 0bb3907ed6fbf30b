/**
 * Node hosts of the sandbox: a pool of worker_threads with a watchdog (the safe default) and
 * an in-process engine for fast paths over trusted or pre-screened code.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createSandboxEngine, type SandboxEngine } from '../../core/sandbox/engine';
import { createSandboxPool } from '../../core/sandbox/pool';
import type { SandboxWorkerMessage, WorkerLike } from '../../core/sandbox/protocol';
import type { SandboxRunner } from '../../core/sandbox/types';
import { loadQuickJSWasmModule } from './wasm';

export { SandboxPoolError } from '../../core/sandbox/pool';

const require = createRequire(import.meta.url);
const fromSource = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url).href;
// The worker entry is TypeScript when we are. `--import tsx` in a worker's execArgv does not
// reach the worker's own entry on Node 20, so a small bootstrap registers tsx's ESM hooks in
// the worker and then imports the entry (absolute URLs: the current directory does not matter).
const TSX_ESM_API = new URL(
  'dist/esm/api/index.mjs',
  pathToFileURL(require.resolve('tsx/package.json')),
).href;
const BOOTSTRAP = fromSource
  ? [
      `import(${JSON.stringify(TSX_ESM_API)})`,
      `.then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); })`,
      '.catch((error) => { setImmediate(() => { throw error; }); });',
    ].join('')
  : `import(${JSON.stringify(WORKER_URL)});`;

/** Starts one worker_threads sandbox worker behind the pool's {@link WorkerLike} surface. */
export function spawnNodeSandboxWorker(): WorkerLike {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    // Caps the host-side JS heap (console capture, results); QuickJS's own memory is capped
    // separately by its WebAssembly memory.
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  // Idle workers must not keep a script alive; a run in flight is held by the pool's timer.
  worker.unref();
  return {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => void worker.terminate(),
    onMessage: (listener) =>
      worker.on('message', (message: SandboxWorkerMessage) => listener(message)),
    onExit: (listener) => {
      worker.on('error', (error) => listener(error.message));
      worker.on('exit', (code) => listener(`exit code ${code}`));
    },
  };
}

export interface NodeSandboxOptions {
  /** Number of worker threads (default 1). */
  size?: number;
  /** Time past a run's deadline before its worker is terminated (default 50 ms). */
  graceMs?: number;
}

/**
 * The sandbox for Node: runs in worker_threads, so a run that overshoots its deadline (a loop
 * around a slow built-in) is ended by terminating its worker. Call `dispose()` when done.
 */
export function createNodeSandbox(options: NodeSandboxOptions = {}): SandboxRunner {
  return createSandboxPool({
    size: options.size ?? 1,
    spawn: spawnNodeSandboxWorker,
    now: () => performance.now(),
    graceMs: options.graceMs,
  });
}

/**
 * The engine on the calling thread: no worker start-up and no message copies, but NO
 * watchdog. The interrupt stops ordinary runaway code at the deadline; a loop around a slow
 * built-in (`for (;;) Array(1e5).fill(0)`) can still block this thread for many seconds.
 * Use it for code known to be tame (e.g. reference solutions), not for policy output.
 */
export function createInProcessSandbox(): SandboxEngine {
  return createSandboxEngine({
    now: () => performance.now(),
    loadWasmModule: loadQuickJSWasmModule,
  });
}
