/**
 * Building the QuickJS runtime and context runs are made in: limits, the module loader over the
 * run's files, the prelude with its host functions, and reading thrown values into failures.
 * The runtime and context outlive one run (see session.ts), so everything that differs between
 * runs is read at call time from a {@link RunBinding}.
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

/**
 * The run a runtime currently serves: the module loader, the interrupt handler and the
 * prelude's host functions read it at call time. Between runs it is unbound (no files, a
 * deadline in the past, output discarded).
 */
export interface RunBinding {
  files: SandboxFiles;
  /** Clock in ms (the same one as `deadlineAt`). */
  now: () => number;
  deadlineAt: number;
  capture: Capture;
  /** Interrupt checks the run may take (Infinity: no budget, only the deadline). */
  budget: number;
  /** Interrupt checks taken so far. */
  checks: number;
  /** Set when the interrupt handler stopped the run (deadline or budget). */
  interrupted: boolean;
  /** Set when the run ran out of its budget of checks. */
  overBudget: boolean;
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

/** A runtime with the memory cap's limits, and the deadline and module loader of `binding`. */
export function newRuntime(quickjs: QuickJSWASMModule, memoryMb: number, binding: RunBinding) {
  const runtime = quickjs.newRuntime({
    maxStackSizeBytes: STACK_BYTES,
    memoryLimitBytes: runtimeLimitBytes(memoryMb),
  });
  // QuickJS calls this once per ~10,000 branches and calls of bytecode (engine.test.ts counts
  // them): counting the calls measures work the same way on any machine; the clock bounds it
  // in real time.
  runtime.setInterruptHandler(() => {
    if (++binding.checks > binding.budget) binding.overBudget = true;
    else if (binding.now() <= binding.deadlineAt) return false;
    binding.interrupted = true;
    return true;
  });
  runtime.setModuleLoader(
    (name) => {
      if (name.startsWith(UNRESOLVED_PREFIX)) {
        const [specifier, base] = JSON.parse(name.slice(UNRESOLVED_PREFIX.length)) as [
          string,
          string,
        ];
        return { error: new Error(unresolvedMessage(specifier, base)) };
      }
      const { files } = binding;
      const source = Object.prototype.hasOwnProperty.call(files, name) ? files[name] : undefined;
      return source ?? { error: new Error(`Cannot find module '${name}'`) };
    },
    // A normalizer error is lost by QuickJS; an impossible name makes the loader report it.
    (base, specifier) =>
      resolveSpecifier(binding.files, base, specifier) ??
      UNRESOLVED_PREFIX + JSON.stringify([specifier, base]),
  );
  return runtime;
}

/**
 * True once the wasm memory has grown past QuickJS's own allocation limit: QuickJS-ng, out of
 * memory, sometimes throws `null` (it cannot allocate the error), and this tells that apart
 * from test code throwing null.
 */
export function memoryGauge(quickjs: QuickJSWASMModule, memoryMb: number): () => boolean {
  const limit = runtimeLimitBytes(memoryMb);
  return () => quickjs.getWasmMemory().buffer.byteLength >= limit;
}

/** QuickJS's own allocation limit for a memory cap of `memoryMb`. */
export function runtimeLimitBytes(memoryMb: number): number {
  return Math.max(8, memoryMb - HEADROOM_MB) * 1024 * 1024;
}

/**
 * Evaluates the prelude with host console and record functions that write to the capture of
 * the run bound at the time; returns the runner.
 */
export function installPrelude(
  context: QuickJSContext,
  binding: RunBinding,
  nearLimit: () => boolean,
): QuickJSHandle {
  const factory = context.unwrapResult(
    context.evalCode(PRELUDE_SOURCE, PRELUDE_FILE, { type: 'global', strict: true, strip: true }),
  );
  const host = context.newObject();
  const log = context.newFunction('log', (text) => {
    binding.capture.log(context.getString(text));
  });
  const record = context.newFunction('record', (key, json) => {
    binding.capture.record(context.getString(key), context.getString(json));
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
