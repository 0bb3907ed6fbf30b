/**
 * A pool of sandbox workers with a watchdog. The engine's interrupt stops most runaway code at
 * the deadline, but a loop around a slow built-in can overshoot it by seconds: only
 * terminating the worker bounds that. Each run gets `deadlineMs + graceMs`; past it the worker
 * is terminated and respawned and the run ends as a `timeout`. Work beyond `size` is queued.
 */
import { DEFAULT_DEADLINE_MS } from './engine';
import { hostFailure } from './outcome';
import { SandboxPoolError } from './poolError';
import { createProgressBuffer, isPosted, readProgress, resetProgress } from './progress';
import type { SandboxWorkerMessage, WorkerLike } from './protocol';
import type { SandboxResult, SandboxRunner, SandboxRunRequest, TestResult } from './types';

export { isSandboxPoolError, SandboxPoolError } from './poolError';

/**
 * Default time allowed past a run's deadline before the watchdog terminates its worker. The
 * interrupt ends ordinary runaway code at the deadline + ~1 ms and its result arrives a few ms
 * later, so the grace only needs to cover that; a short one keeps every verdict, the watchdog's
 * included, within the deadline + 100 ms (a run killed early is still a timeout).
 */
export const DEFAULT_GRACE_MS = 50;

export interface SandboxPoolOptions {
  /** Number of workers (at least 1). */
  size: number;
  /** Starts a worker running `serveSandbox` (see workerHost.ts). */
  spawn: () => WorkerLike;
  /** Clock in ms, for the `ms` of results the watchdog makes. */
  now: () => number;
  /** Time allowed past a run's deadline before its worker is terminated ({@link DEFAULT_GRACE_MS}). */
  graceMs?: number;
  /** Workers in a row that may fail to start before the pool gives up (default 3). */
  maxStartFailures?: number;
}

interface Job {
  id: number;
  request: SandboxRunRequest;
  resolve: (result: SandboxResult) => void;
  reject: (error: Error) => void;
  tests: TestResult[];
  started: number;
  /** The watchdog already gave this run one more grace for a late timer (no shared memory). */
  deferred: boolean;
}

interface Slot {
  worker: WorkerLike;
  /** Where the worker writes finished tests (one buffer per worker), if memory can be shared. */
  progress: SharedArrayBuffer | null;
  ready: boolean;
  job: Job | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/** A run ended without the worker's result: the tests it streamed, and why. */
function brokenRun(
  slot: Slot,
  job: Job,
  label: SandboxResult['label'],
  message: string,
  ms: number,
): SandboxResult {
  // Tests are written to the progress buffer until one does not fit, then sent as messages.
  const tests = slot.progress ? [...readProgress(slot.progress, job.id), ...job.tests] : job.tests;
  return { verdict: 'error', label, message, tests, console: [], records: {}, ms };
}

/** Placeholder until a slot's first worker is spawned (its listeners need the slot). */
const NO_WORKER: WorkerLike = {
  postMessage: () => {},
  terminate: () => {},
  onMessage: () => {},
  onExit: () => {},
};

/** The longest delay a timer takes: a longer one fires at once (Node and browsers alike). */
const MAX_TIMER_MS = 2 ** 31 - 1;

function limitOf(request: SandboxRunRequest, graceMs: number): number {
  return Math.min((request.deadlineMs ?? DEFAULT_DEADLINE_MS) + graceMs, MAX_TIMER_MS);
}

class SandboxPool implements SandboxRunner {
  private readonly queue: Job[] = [];
  private readonly slots: Slot[] = [];
  private readonly graceMs: number;
  private readonly maxStartFailures: number;
  private nextId = 1;
  private startFailures = 0;
  private broken: SandboxPoolError | null = null;

  constructor(private readonly options: SandboxPoolOptions) {
    this.graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
    this.maxStartFailures = options.maxStartFailures ?? 3;
    for (let i = 0; i < Math.max(1, Math.floor(options.size)); i++) {
      const slot: Slot = {
        worker: NO_WORKER,
        progress: null,
        ready: false,
        job: null,
        timer: null,
      };
      this.slots.push(slot);
      slot.worker = this.start(slot);
    }
  }

  run(request: SandboxRunRequest): Promise<SandboxResult> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<SandboxResult>((resolve, reject) => {
      this.queue.push({
        id: this.nextId++,
        request,
        resolve,
        reject,
        tests: [],
        started: 0,
        deferred: false,
      });
      this.dispatch();
    });
  }

  dispose(): Promise<void> {
    if (!this.broken) this.failAll(new SandboxPoolError('sandbox pool disposed'));
    return Promise.resolve();
  }

  // Listeners check the slot still holds this worker: a terminated one may still report.
  private start(slot: Slot): WorkerLike {
    const worker = this.options.spawn();
    // A new buffer per worker: a terminated one may still be writing to its old buffer.
    slot.progress = createProgressBuffer();
    worker.onMessage((message) => slot.worker === worker && this.onMessage(slot, message));
    worker.onExit((reason) => slot.worker === worker && this.onExit(slot, reason));
    return worker;
  }

  private replace(slot: Slot): void {
    slot.worker.terminate();
    slot.ready = false;
    slot.worker = this.start(slot);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job !== null) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      job.started = this.options.now();
      slot.timer = setTimeout(() => this.watchdog(slot, job), limitOf(job.request, this.graceMs));
      if (slot.progress) {
        resetProgress(slot.progress, job.id);
        slot.worker.postMessage({
          type: 'run',
          id: job.id,
          request: job.request,
          progress: slot.progress,
        });
      } else slot.worker.postMessage({ type: 'run', id: job.id, request: job.request });
    }
  }

  private finish(slot: Slot, result: SandboxResult): void {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
    const job = slot.job;
    slot.job = null;
    job?.resolve(result);
  }

  private onMessage(slot: Slot, message: SandboxWorkerMessage): void {
    if (message.type === 'failed') return this.onStartFailure(slot, message.message);
    if (message.type === 'ready') {
      slot.ready = true;
      this.startFailures = 0;
    } else if (slot.job && message.id === slot.job.id) {
      if (message.type === 'test') slot.job.tests.push(message.test);
      else this.finish(slot, message.result);
    }
    this.dispatch();
  }

  private onStartFailure(slot: Slot, reason: string): void {
    this.startFailures++;
    if (this.startFailures >= this.maxStartFailures) {
      this.failAll(new SandboxPoolError(`sandbox workers fail to start: ${reason}`));
    } else this.replace(slot);
  }

  private onExit(slot: Slot, reason: string): void {
    if (this.broken) return;
    if (!slot.ready) return this.onStartFailure(slot, reason);
    const job = slot.job;
    if (job) {
      const failure = hostFailure(new Error(`sandbox worker died: ${reason}`));
      const ms = this.options.now() - job.started;
      this.finish(slot, brokenRun(slot, job, failure.label, failure.message, ms));
    }
    this.replace(slot);
    this.dispatch();
  }

  /**
   * The watchdog's timer runs on this thread, so a long synchronous stretch here (a model step
   * beside the sandbox) can fire it after the worker's result arrived but before its message
   * was handled. A run is only killed when the worker has not posted its result: the progress
   * buffer says whether it has; without one, a timer that fired late gives the queued message
   * one more grace. So a verdict does not depend on how busy the pool's own thread was.
   */
  private watchdog(slot: Slot, job: Job): void {
    if (slot.job !== job) return;
    const limit = limitOf(job.request, this.graceMs);
    const late = this.options.now() - job.started - limit;
    const posted = slot.progress !== null && isPosted(slot.progress, job.id);
    const mayBeQueued = slot.progress === null && !job.deferred && late > this.graceMs;
    if (posted || mayBeQueued) {
      job.deferred = true;
      slot.timer = setTimeout(() => this.watchdog(slot, job), this.graceMs);
      return;
    }
    const message = `no result within the deadline + ${this.graceMs} ms grace (${limit} ms): worker terminated`;
    this.finish(slot, brokenRun(slot, job, 'timeout', message, this.options.now() - job.started));
    this.replace(slot);
    this.dispatch();
  }

  private failAll(error: SandboxPoolError): void {
    this.broken = error;
    for (const job of this.queue.splice(0)) job.reject(error);
    for (const slot of this.slots) {
      if (slot.timer !== null) clearTimeout(slot.timer);
      slot.job?.reject(error);
      slot.job = null;
      slot.worker.terminate();
    }
  }
}

/** A {@link SandboxRunner} over `size` workers. */
export function createSandboxPool(options: SandboxPoolOptions): SandboxRunner {
  return new SandboxPool(options);
}
