/**
 * One run's QuickJS runtime and context: the module loader over the snapshot's files, the
 * injected console and `__record`, the prelude's runner, the deadline, and settling promises
 * by running pending jobs in small batches with a host-side deadline check between batches.
 */
import type {
  QuickJSContext,
  QuickJSHandle,
  QuickJSRuntime,
  QuickJSWASMModule,
} from 'quickjs-emscripten-core';
import type { Capture } from './capture';
import { isFatal, type Failure } from './outcome';
import {
  installPrelude,
  memoryGauge,
  newRuntime,
  toFailure,
  type RuntimeOptions,
} from './sessionSetup';
import type { SandboxFiles } from './types';

/** Pending jobs run between two deadline checks. */
const JOB_BATCH = 64;

export interface SessionOptions extends RuntimeOptions {
  capture: Capture;
}

/** How a promise (or a plain value) ended. */
export type Settled =
  | { kind: 'fulfilled'; value: unknown }
  | { kind: 'rejected'; failure: Failure }
  /** Still pending with no job left to run: nothing can ever settle it. */
  | { kind: 'stalled' }
  | { kind: 'deadline' };

export interface Session {
  readonly files: SandboxFiles;
  /** Evaluates a file of the snapshot as an ES module (top-level await included); no value. */
  evalModule(path: string): Settled;
  /** Calls a runner method; `collect` returns its string result. */
  callRunner(method: 'beginFile' | 'collect'): Settled;
  /** Runs test `index` of the current file to completion (or stall, or deadline). */
  runTest(index: number): Settled;
  /** Frees the runtime; false when that failed (the wasm instance is then suspect). */
  dispose(): boolean;
}

/**
 * Settles promises by running pending jobs in batches, checking the deadline in between. With
 * `read` false a fulfilled value is not copied out (e.g. a module namespace nobody reads).
 */
function createSettler(
  runtime: QuickJSRuntime,
  context: QuickJSContext,
  pastDeadline: () => boolean,
  nearLimit: () => boolean,
): (result: ReturnType<QuickJSContext['evalCode']>, read: boolean) => Settled {
  const fail = (handle: QuickJSHandle): Settled => {
    const failure = toFailure(context, handle, nearLimit);
    handle.dispose();
    return pastDeadline() || failure.label === 'timeout'
      ? { kind: 'deadline' }
      : { kind: 'rejected', failure };
  };

  const settle = (handle: QuickJSHandle, read: boolean): Settled => {
    for (;;) {
      const state = context.getPromiseState(handle);
      if (state.type === 'fulfilled') {
        const value: unknown = read ? context.dump(state.value) : undefined;
        if (!state.notAPromise) state.value.dispose();
        return { kind: 'fulfilled', value };
      }
      if (state.type === 'rejected') return fail(state.error);
      if (pastDeadline()) return { kind: 'deadline' };
      if (!runtime.hasPendingJob()) return { kind: 'stalled' };
      const ran = runtime.executePendingJobs(JOB_BATCH);
      if (ran.error) {
        // Job errors normally land in their promise; one escaping here is an interrupt or
        // the engine giving up (memory), which ends the run.
        const outcome = fail(ran.error);
        if (
          outcome.kind === 'deadline' ||
          (outcome.kind === 'rejected' && isFatal(outcome.failure.label))
        ) {
          return outcome;
        }
      }
    }
  };

  return (result, read) => {
    if (result.error) return fail(result.error);
    const handle = result.value;
    try {
      return settle(handle, read);
    } finally {
      handle.dispose();
    }
  };
}

/** Opens a fresh runtime and context on `quickjs` for one run. */
export function openSession(quickjs: QuickJSWASMModule, options: SessionOptions): Session {
  let interrupted = false;
  const runtime = newRuntime(quickjs, options, () => (interrupted = true));
  const context = runtime.newContext();
  const nearLimit = memoryGauge(quickjs, options);
  const runner = installPrelude(context, options.capture, nearLimit);
  // Looked up once: a call by name would make a string handle and a property lookup each time.
  const methods = {
    beginFile: context.getProp(runner, 'beginFile'),
    collect: context.getProp(runner, 'collect'),
    runTest: context.getProp(runner, 'runTest'),
  };
  const pastDeadline = (): boolean => interrupted || options.now() > options.deadlineAt;
  const settleResult = createSettler(runtime, context, pastDeadline, nearLimit);

  return {
    files: options.files,
    evalModule(path) {
      const source = options.files[path] ?? '';
      return settleResult(context.evalCode(source, path, { type: 'module' }), false);
    },
    callRunner(method) {
      return settleResult(context.callFunction(methods[method], runner), method === 'collect');
    },
    runTest(index) {
      const arg = context.newNumber(index);
      try {
        return settleResult(context.callFunction(methods.runTest, runner, arg), true);
      } finally {
        arg.dispose();
      }
    },
    dispose() {
      try {
        for (const handle of Object.values(methods)) handle.dispose();
        runner.dispose();
        context.dispose();
        runtime.dispose();
        return true;
      } catch {
        return false;
      }
    },
  };
}
