/**
 * Messages between a sandbox pool and its workers (plain, structured-clonable data), and the
 * minimal worker surface the pool needs, so core names no DOM or Node type.
 */
import type { SandboxResult, SandboxRunRequest, TestResult } from './types';

/** Pool -> worker. */
export interface SandboxRunMessage {
  type: 'run';
  id: number;
  request: SandboxRunRequest;
  /**
   * Where the worker writes each finished test (see progress.ts), when the host can share
   * memory; tests that do not fit, or all of them without it, come as `test` messages.
   */
  progress?: SharedArrayBuffer;
}

/** Worker -> pool. */
export type SandboxWorkerMessage =
  /** The worker has loaded QuickJS and can take runs. */
  | { type: 'ready' }
  /**
   * One test finished (sent as it happens, so a worker killed later still leaves it), when it
   * could not be written to the run's progress buffer.
   */
  | { type: 'test'; id: number; test: TestResult }
  | { type: 'result'; id: number; result: SandboxResult }
  /** The worker could not start (e.g. the wasm failed to load). */
  | { type: 'failed'; message: string };

/** What the pool needs from a worker; a browser Worker or a worker_threads Worker adapts. */
export interface WorkerLike {
  postMessage(message: SandboxRunMessage): void;
  /** Stops the worker at once, even in the middle of a run. */
  terminate(): void;
  /** Registers the listener for messages from the worker. */
  onMessage(listener: (message: SandboxWorkerMessage) => void): void;
  /** Registers the listener for the worker dying on its own (uncaught error or exit). */
  onExit(listener: (reason: string) => void): void;
}

/** The worker's side of a message channel. */
export interface WorkerPort {
  post(message: SandboxWorkerMessage): void;
  onMessage(listener: (message: SandboxRunMessage) => void): void;
}
