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
    // A worker whose script does not load answers nothing: its calls would wait for ever. Its
    // error event before it has answered once is turned into one, for whoever races it (a
    // later stray error in a live worker is not: the worker goes on).
    failed = new Promise<never>((_, reject) => {
      const onError = (e: ErrorEvent) => {
        spawned.removeEventListener('error', onError);
        if (!answered)
          reject(
            new Error(
              `The compute worker did not start (${e.message || 'its script did not load'}): reload the page.`,
            ),
          );
      };
      spawned.addEventListener('error', onError);
    });
    failed.catch(() => {});
    worker = spawned;
    const wrapped = wrap<TrainerApi>(spawned);
    remote = racingFailure(wrapped, failed);
    // Any answer (a refusal too) says the script loaded.
    const loaded = () => {
      if (worker === spawned) answered = true;
    };
    void wrapped.info().then(loaded, loaded);
  }
  return remote;
}

/**
 * `remote` whose every call also ends when the worker fails to load (`failed`): each caller's
 * own error path runs (a panel says it could not read, a job ends in error) instead of waiting
 * for ever on a worker that will never answer.
 */
function racingFailure(remote: Remote<TrainerApi>, failed: Promise<never>): Remote<TrainerApi> {
  return new Proxy(remote, {
    get(target, key) {
      // Not thenable (an awaited client is the client), and symbols as Comlink has them.
      if (key === 'then' || typeof key !== 'string') return Reflect.get(target, key) as unknown;
      const call = Reflect.get(target, key) as (...args: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) => Promise.race([call(...args), failed]);
    },
  });
}

/** The worker has answered a call: it loaded, and a later error event is not its failure. */
let answered = false;

/** Rejects once the trainer worker has failed to load (see `trainerClient`). */
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
  answered = false;
}
