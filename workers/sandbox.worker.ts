// May import: src/core/sandbox (engine and worker host) and the QuickJS wasm's asset URL.
// A plain message protocol, not Comlink: the pool must be able to terminate a hung worker.
import wasmUrl from '@jitl/quickjs-ng-wasmfile-release-sync/wasm?url';
import { createSandboxEngine } from '../src/core/sandbox/engine';
import type { SandboxRunMessage, SandboxWorkerMessage } from '../src/core/sandbox/protocol';
import { serveSandbox } from '../src/core/sandbox/workerHost';

/** The parts of the dedicated worker scope used here (the app's TS lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: SandboxWorkerMessage): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<SandboxRunMessage>) => void,
  ): void;
}
const scope = self as unknown as WorkerScope;

let compiled: Promise<WebAssembly.Module> | null = null;
/** Compiles the wasm once (served from the app's own origin by Vite) for every instance. */
function loadWasmModule(): Promise<WebAssembly.Module> {
  compiled ??= WebAssembly.compileStreaming(fetch(wasmUrl)).catch(async () => {
    // A server without the application/wasm MIME type defeats streaming compilation.
    const response = await fetch(wasmUrl);
    return WebAssembly.compile(await response.arrayBuffer());
  });
  return compiled;
}

void serveSandbox(createSandboxEngine({ now: () => performance.now(), loadWasmModule }), {
  post: (message) => scope.postMessage(message),
  onMessage: (listener) => scope.addEventListener('message', (event) => listener(event.data)),
});
