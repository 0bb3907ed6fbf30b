/**
 * Node loading of the QuickJS-ng wasm: read and compile it once per thread, so every new
 * wasm instance (one per memory cap, or after a failure) only instantiates.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Path of the variant's .wasm file. */
export const QUICKJS_WASM_PATH = require.resolve('@jitl/quickjs-ng-wasmfile-release-sync/wasm');

let compiled: Promise<WebAssembly.Module> | null = null;

/** The compiled QuickJS module, compiled on first call and shared by the thread. */
export function loadQuickJSWasmModule(): Promise<WebAssembly.Module> {
  if (!compiled) {
    compiled = readFile(QUICKJS_WASM_PATH).then((bytes) => WebAssembly.compile(bytes));
    compiled.catch(() => (compiled = null));
  }
  return compiled;
}
