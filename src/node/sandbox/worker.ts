// May import: node:worker_threads, src/core/sandbox, ./wasm. A worker_threads entry, nothing else.
import { parentPort } from 'node:worker_threads';
import { createSandboxEngine } from '../../core/sandbox/engine';
import type { SandboxRunMessage } from '../../core/sandbox/protocol';
import { serveSandbox } from '../../core/sandbox/workerHost';
import { loadQuickJSWasmModule } from './wasm';

const port = parentPort;
if (!port) throw new Error('sandbox worker: must run in a worker thread');

void serveSandbox(
  createSandboxEngine({ now: () => performance.now(), loadWasmModule: loadQuickJSWasmModule }),
  {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (message: SandboxRunMessage) => listener(message)),
  },
);
