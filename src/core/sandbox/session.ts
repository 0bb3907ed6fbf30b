/**
 * Runs share one QuickJS runtime and context per wasm instance, made once with the prelude
 * installed (a session template); the instance's memory is then copied, and every run starts
 * by writing that copy back (snapshot.ts), so each run begins from the very bytes the template
 * had before any test code ran: nothing an earlier run did to globals, prototypes, modules,
 * pending jobs or the allocator survives into the next. A session binds one run's files,
 * deadline and capture, and settles promises by running pending jobs in small batches with a
 * host-side deadline check between batches.
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
  type RunBinding,
} from './sessionSetup';
import { restoreSnapshot, takeSnapshot } from './snapshot';
import type { SandboxFiles } from './types';

/** Pending jobs run between two deadline checks. */
const JOB_BATCH = 64;

/** One run's inputs. */
export interface SessionOptions {
  files: SandboxFiles;
  /** Clock in ms (the same one as `deadlineAt`). */
  now: () => number;
  deadlineAt: number;
  /** Interrupt checks the run may take (see {@link SandboxRunRequest.stepBudget}). */
  budget: number;
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
  /** Interrupt checks taken so far, and whether the run ran out of its budget of them. */
  checks(): { taken: number; overBudget: boolean };
  /** Ends the run (unbinds it from the runtime); false when the instance is suspect. */
  dispose(): boolean;
}

/** Where runs are made: one per wasm instance, used by one run at a time. */
export interface SessionTemplate {
  /** Restores the template's state and binds a run to it, until the session's dispose(). */
  open(options: SessionOptions): Session;
  /**
   * True when runs have grown the wasm memory past QuickJS's allocation limit (the memory
   * gauge would then read full from the start of the next run): replace the instance.
   */
  outgrown(): boolean;
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
    // context.dump disposes a promise it reads (test code can throw one).
    if (handle.alive) handle.dispose();
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

const NO_FILES: SandboxFiles = Object.freeze({});
/** Output of code running outside a run (there should be none) goes nowhere. */
const DISCARD: Capture = {
  log: () => {},
  record: () => {},
  lines: () => [],
  records: () => ({}),
};

function unbind(binding: RunBinding): void {
  binding.files = NO_FILES;
  binding.deadlineAt = -Infinity;
  binding.capture = DISCARD;
  binding.budget = Infinity;
  binding.checks = 0;
  binding.interrupted = false;
  binding.overBudget = false;
}

/**
 * Makes the runtime and context runs share on `quickjs` (whose WebAssembly memory is `memory`),
 * with the prelude installed, and copies the memory in that state. Throws when QuickJS cannot
 * even set up (the instance is then useless).
 */
export function createSessionTemplate(
  quickjs: QuickJSWASMModule,
  memory: WebAssembly.Memory,
  memoryMb: number,
): SessionTemplate {
  const binding: RunBinding = {
    files: NO_FILES,
    now: () => 0,
    deadlineAt: Infinity,
    capture: DISCARD,
    budget: Infinity,
    checks: 0,
    interrupted: false,
    overBudget: false,
  };
  const runtime = newRuntime(quickjs, memoryMb, binding);
  const context = runtime.newContext();
  const nearLimit = memoryGauge(quickjs, memoryMb);
  const runner = installPrelude(context, binding, nearLimit);
  // Looked up once: a call by name would make a string handle and a property lookup each time.
  // These handles point into the template's memory and stay valid across restores; they are
  // never disposed (the whole instance is dropped instead).
  const methods = {
    beginFile: context.getProp(runner, 'beginFile'),
    collect: context.getProp(runner, 'collect'),
    runTest: context.getProp(runner, 'runTest'),
  };
  unbind(binding);
  const snapshot = takeSnapshot(memory);
  const startBytes = memory.buffer.byteLength;
  const pastDeadline = (): boolean => binding.interrupted || binding.now() > binding.deadlineAt;
  const settleResult = createSettler(runtime, context, pastDeadline, nearLimit);
  let open = false;

  return {
    outgrown: () => memory.buffer.byteLength > startBytes && nearLimit(),
    open(options) {
      if (open) throw new Error('sandbox session template is already in use');
      restoreSnapshot(memory, snapshot);
      open = true;
      binding.files = options.files;
      binding.now = options.now;
      binding.deadlineAt = options.deadlineAt;
      binding.capture = options.capture;
      binding.budget = options.budget;
      binding.checks = 0;
      binding.interrupted = false;
      binding.overBudget = false;
      // Every handle a session makes is disposed before the call that made it returns: after
      // the next restore, a handle left over would point at memory that means something else.
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
        checks: () => ({ taken: binding.checks, overBudget: binding.overBudget }),
        dispose() {
          unbind(binding);
          open = false;
          return true;
        },
      };
    },
  };
}
