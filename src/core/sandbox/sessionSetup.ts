/**
 * Building one run's QuickJS runtime and context: limits, the module loader over the snapshot's
 * files, the prelude with its host functions, and reading thrown values into failures.
 */
import type { QuickJSContext, QuickJSHandle, QuickJSWASMModule } from 'quickjs-emscripten-core';
import type { Capture } from './capture';
import { classifyError, type Failure } from './outcome';
import { resolveSpecifier, UNRESOLVED_PREFIX, unresolvedMessage } from './paths';
import { PRELUDE_CHUNKS, PRELUDE_FILE, PRELUDE_SOURCE } from './prelude/index';
import type { SandboxFiles } from './types';

/** 128 KiB: deep recursion becomes a catchable RangeError before the host stack overflows. */
export const STACK_BYTES = 128 * 1024;
/** Room kept between QuickJS's own allocation limit and the wasm memory's maximum. */
const HEADROOM_MB = 6;

/** What a runtime needs to know about its run. */
export interface RuntimeOptions {
  files: SandboxFiles;
  memoryMb: number;
  /** Clock in ms (the same one as `deadlineAt`). */
  now: () => number;
  deadlineAt: number;
}

function frameOf(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  for (const line of stack.split('\n')) {
    const match = /\(?([^()\s]+:\d+:\d+)\)?\s*$/.exec(line.trim());
    if (match?.[1] && !match[1].startsWith(PRELUDE_FILE) && !match[1].startsWith('<')) {
      return match[1];
    }
  }
  return undefined;
}

/** The message QuickJS gives when it runs out of memory. */
const OUT_OF_MEMORY = 'InternalError: out of memory';

/** Reads a thrown QuickJS value into a labelled failure. */
export function toFailure(
  context: QuickJSContext,
  handle: QuickJSHandle,
  nearLimit: () => boolean,
): Failure {
  const value: unknown = context.dump(handle);
  if ((value === null || value === undefined) && nearLimit()) {
    return { label: 'memory', message: OUT_OF_MEMORY };
  }
  if (typeof value === 'object' && value !== null && 'message' in value) {
    const fields = value as { name?: unknown; message?: unknown; stack?: unknown };
    const name = typeof fields.name === 'string' ? fields.name : 'Error';
    const message =
      typeof fields.message === 'string' ? fields.message : JSON.stringify(fields.message);
    const label = classifyError(name, message);
    const text = label === 'assertion' ? message : `${name}: ${message}`;
    const at = frameOf(fields.stack);
    return at === undefined ? { label, message: text } : { label, message: text, at };
  }
  return { label: 'runtime', message: `Uncaught ${JSON.stringify(value) ?? String(value)}` };
}

/** A runtime with the run's limits, deadline and module loader. */
export function newRuntime(
  quickjs: QuickJSWASMModule,
  options: RuntimeOptions,
  onInterrupt: () => void,
) {
  const runtime = quickjs.newRuntime({
    maxStackSizeBytes: STACK_BYTES,
    memoryLimitBytes: runtimeLimitBytes(options.memoryMb),
  });
  runtime.setInterruptHandler(() => {
    if (options.now() <= options.deadlineAt) return false;
    onInterrupt();
    return true;
  });
  const { files } = options;
  runtime.setModuleLoader(
    (name) => {
      if (name.startsWith(UNRESOLVED_PREFIX)) {
        const [specifier, base] = JSON.parse(name.slice(UNRESOLVED_PREFIX.length)) as [
          string,
          string,
        ];
        return { error: new Error(unresolvedMessage(specifier, base)) };
      }
      const source = Object.prototype.hasOwnProperty.call(files, name) ? files[name] : undefined;
      return source ?? { error: new Error(`Cannot find module '${name}'`) };
    },
    // A normalizer error is lost by QuickJS; an impossible name makes the loader report it.
    (base, specifier) =>
      resolveSpecifier(files, base, specifier) ??
      UNRESOLVED_PREFIX + JSON.stringify([specifier, base]),
  );
  return runtime;
}

/**
 * True once the wasm memory has grown past QuickJS's own allocation limit: QuickJS-ng, out of
 * memory, sometimes throws `null` (it cannot allocate the error), and this tells that apart
 * from test code throwing null.
 */
export function memoryGauge(quickjs: QuickJSWASMModule, options: RuntimeOptions): () => boolean {
  const limit = runtimeLimitBytes(options.memoryMb);
  return () => quickjs.getWasmMemory().buffer.byteLength >= limit;
}

function runtimeLimitBytes(memoryMb: number): number {
  return Math.max(8, memoryMb - HEADROOM_MB) * 1024 * 1024;
}

/** Evaluates the prelude with the host's console and record functions; returns the runner. */
export function installPrelude(
  context: QuickJSContext,
  capture: Capture,
  nearLimit: () => boolean,
): QuickJSHandle {
  const factory = context.unwrapResult(
    context.evalCode(PRELUDE_SOURCE, PRELUDE_FILE, { type: 'global', strict: true, strip: true }),
  );
  const host = context.newObject();
  const log = context.newFunction('log', (text) => {
    capture.log(context.getString(text));
  });
  const record = context.newFunction('record', (key, json) => {
    capture.record(context.getString(key), context.getString(json));
  });
  const chunk = context.newFunction('chunk', (name) => {
    const source = PRELUDE_CHUNKS[context.getString(name)];
    return source === undefined ? context.undefined : context.newString(source);
  });
  const pressure = context.newFunction('memoryPressure', () =>
    nearLimit() ? context.true : context.false,
  );
  context.setProp(host, 'log', log);
  context.setProp(host, 'record', record);
  context.setProp(host, 'chunk', chunk);
  context.setProp(host, 'memoryPressure', pressure);
  try {
    return context.unwrapResult(context.callFunction(factory, context.undefined, host));
  } finally {
    for (const handle of [pressure, chunk, record, log, host, factory]) handle.dispose();
  }
}
