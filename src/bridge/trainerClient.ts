import { proxy, wrap, type Remote } from 'comlink';
import type { TrainerApi } from '../protocol/trainer';

let worker: Worker | null = null;
let remote: Remote<TrainerApi> | null = null;

/** The trainer worker, spawned on first use and shared by the whole app. */
export function trainerClient(): Remote<TrainerApi> {
  if (!remote) {
    worker = new Worker(new URL('../../workers/trainer.worker.ts', import.meta.url), {
      type: 'module',
      name: 'trainer',
    });
    remote = wrap<TrainerApi>(worker);
  }
  return remote;
}

/** Wraps a callback so it can cross into the worker. */
export { proxy };

/** Terminates the worker (tests, hot reload). */
export function disposeTrainerClient(): void {
  worker?.terminate();
  worker = null;
  remote = null;
}
