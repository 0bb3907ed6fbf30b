import { proxy, wrap, type Remote } from 'comlink';
import type { TrainerApi } from '../protocol/trainer';

let worker: Worker | null = null;
let remote: Remote<TrainerApi> | null = null;
let failed: Promise<never> | null = null;

/** The trainer worker, spawned on first use and shared by the whole app. */
export function trainerClient(): Remote<TrainerApi> {
  if (!remote) {
    const spawned = new Worker(new URL('../../workers/trainer.worker.ts', import.meta.url), {
      type: 'module',
      name: 'trainer',
    });
    // A worker whose script does not load (or that dies) answers nothing: its calls would
    // wait for ever. Its error event is turned into one, for whoever races it.
    failed = new Promise<never>((_, reject) =>
      spawned.addEventListener(
        'error',
        (e) =>
          reject(
            new Error(
              `The compute worker stopped (${e.message || 'its script did not load'}): reload the page.`,
            ),
          ),
        { once: true },
      ),
    );
    failed.catch(() => {});
    worker = spawned;
    remote = wrap<TrainerApi>(spawned);
  }
  return remote;
}

/** Rejects once the trainer worker has failed to load or died (see `trainerClient`). */
export function trainerFailed(): Promise<never> {
  trainerClient();
  return failed!;
}

/** Wraps a callback so it can cross into the worker. */
export { proxy };

/** Terminates the worker (tests, hot reload). */
export function disposeTrainerClient(): void {
  worker?.terminate();
  worker = null;
  remote = null;
  failed = null;
}
