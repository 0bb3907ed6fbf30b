/**
 * The in-process sandbox engine: runs a snapshot's test files in QuickJS, each run starting
 * from the same pristine state (a session template's memory, restored; see session.ts), with a
 * deadline, a memory cap and a stack limit. Synchronous once the wasm instance is
 * loaded, so a loop around a slow built-in can overshoot the deadline: only a worker that can
 * be terminated (see pool.ts) bounds that.
 */
import variant from '@jitl/quickjs-ng-wasmfile-release-sync';
import type { QuickJSSyncVariant } from 'quickjs-emscripten-core';
import { createCapture, type Capture } from './capture';
import { clampMemoryMb, createInstanceCache } from './instances';
import { hostFailure, summarize } from './outcome';
import { defaultTestFiles } from './paths';
import { runSession, type RunState, type TestListener } from './runFiles';
import type { SandboxResult, SandboxRunner, SandboxRunRequest } from './types';

export type { TestListener } from './runFiles';

/** Default wall-clock budget of a run in ms. */
export const DEFAULT_DEADLINE_MS = 1000;

export interface SandboxEngineOptions {
  /** Monotonic clock in ms (e.g. `() => performance.now()`); core never reads a clock itself. */
  now: () => number;
  /** QuickJS build; default QuickJS-ng (its interrupt cannot be caught by test code). */
  variant?: QuickJSSyncVariant;
  /** Compiled QuickJS module, so replacing a wasm instance costs ~3 ms instead of ~20 ms. */
  loadWasmModule?: () => Promise<WebAssembly.Module>;
}

export interface SandboxEngine extends SandboxRunner {
  run(request: SandboxRunRequest, onTest?: TestListener): Promise<SandboxResult>;
}

/** An engine that keeps its wasm instances between runs (each run starts from its template). */
export function createSandboxEngine(options: SandboxEngineOptions): SandboxEngine {
  const { now } = options;
  const instances = createInstanceCache({
    variant: options.variant ?? variant,
    loadWasmModule: options.loadWasmModule,
  });
  return {
    async run(request, onTest) {
      const started = now();
      const memoryMb = clampMemoryMb(request.memoryMb);
      const testFiles = request.testFiles ?? defaultTestFiles(request.files);
      const state: RunState = { tests: [], fatal: null, fileErrors: [], onTest, checks: 0 };
      const capture: Capture = createCapture();
      try {
        const template = await instances.acquire(memoryMb);
        const deadlineAt = now() + (request.deadlineMs ?? DEFAULT_DEADLINE_MS);
        const budget = request.stepBudget ?? Infinity;
        const open = () =>
          template.open({ files: request.files, now, deadlineAt, budget, capture });
        if (runSession(open, testFiles, state, now)) instances.release(memoryMb);
        else instances.discard(memoryMb);
      } catch (error) {
        state.fatal = hostFailure(error);
        instances.discard(memoryMb);
      }
      return summarize({
        ...state,
        console: capture.lines(),
        records: capture.records(),
        testFiles,
        ms: now() - started,
      });
    },
    dispose() {
      instances.clear();
      return Promise.resolve();
    },
  };
}

const shared = new WeakMap<object, SandboxEngine>();

/**
 * One run on an engine shared by every call with the same options object (so the wasm
 * instance is reused). Prefer {@link createSandboxEngine} when you hold on to an engine.
 */
export function runInEngine(
  request: SandboxRunRequest,
  options: SandboxEngineOptions,
  onTest?: TestListener,
): Promise<SandboxResult> {
  let engine = shared.get(options);
  if (!engine) {
    engine = createSandboxEngine(options);
    shared.set(options, engine);
  }
  return engine.run(request, onTest);
}
