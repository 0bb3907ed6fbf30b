import { errorText } from '../protocol/errorText';
import type { Split } from '../core/tasks/types';
import type { DescribedFile } from '../eval/describeFile';
import type { ExternalEvalRequest } from '../protocol/external';
import type { ModelScoreRequest } from '../protocol/models';
import type { CatalogProgress } from '../protocol/learn';
import type { Kept, KeptResults } from '../protocol/kept';
import type { EvaluateJob, Progresses } from '../state/evaluateSlice';
import type { AppStore } from '../state/store';
import { forgetResult, keepResult, keptResults, restoreResult } from '../storage/kept';
import { proxy, trainerClient } from './trainerClient';

/**
 * Runs one of the Evaluate page's jobs on `fileName` in the trainer worker, keeping its progress,
 * then its result or its error (`failure` says what could not be done), in the store: the job
 * survives leaving the page, and a failure keeps the last result. A result is kept in IndexedDB.
 * Cancelled (asked, then it failed, or its result `gaveNothing`): nothing is kept, and the store
 * says so, beside the last result.
 */
async function tracked<K extends EvaluateJob>(
  store: AppStore,
  job: K,
  fileName: string,
  failure: string,
  run: (onProgress: (p: Progresses[K]) => void) => Promise<KeptResults[K]>,
  gaveNothing: (result: KeptResults[K]) => boolean = () => false,
): Promise<void> {
  const actions = store.getState().evaluateActions;
  const asked = () => store.getState().evaluate[job].cancelling;
  actions.started(job, fileName);
  let result: KeptResults[K];
  try {
    result = await run(proxy((p) => actions.progressed(job, p)));
  } catch (error) {
    if (asked()) actions.cancelled(job);
    else actions.failed(job, `${failure}: ${errorText(error)}`);
    return;
  }
  if (asked() && gaveNothing(result)) {
    actions.cancelled(job);
    return;
  }
  actions.done(job, result);
  try {
    actions.kept(job, await keepResult(job, result));
  } catch (error) {
    actions.failed(
      job,
      `Done, but it could not be kept in this browser (it is gone after a reload): ${errorText(error)}`,
    );
  }
}

let reading: Promise<void> | null = null;

/** Reads the kept results once per visit (a job with nothing shown shows its newest). */
export function loadKeptResults(store: AppStore): Promise<void> {
  return (reading ??= Promise.all([keptResults('external'), keptResults('model')]).then(
    ([external, model]) => store.getState().evaluateActions.keptLoaded({ external, model }),
    (error: unknown) => {
      reading = null;
      throw error;
    },
  ));
}

/** Removes a kept result; returns it, for `unforget`. */
export async function forgetKept<K extends EvaluateJob>(
  store: AppStore,
  entry: Kept<K>,
): Promise<Kept<K>> {
  await forgetResult(entry.id);
  store.getState().evaluateActions.forgot(entry.job, entry.id);
  return entry;
}

/** Puts a removed result back, as it was. */
export async function unforget<K extends EvaluateJob>(store: AppStore, entry: Kept<K>) {
  await restoreResult(entry);
  store.getState().evaluateActions.kept(entry.job, entry);
}

/** What a task file holds, or why it is not one: read and counted in the trainer worker. */
export const describeTaskFile = (file: File): Promise<DescribedFile> =>
  trainerClient().describeTaskFile(file.name, file);

/** Scores stored runs on an external task file in the trainer worker. */
export const evaluateExternalTasks = (store: AppStore, request: ExternalEvalRequest) =>
  tracked(
    store,
    'external',
    request.fileName,
    `Could not evaluate ${request.fileName}`,
    (onProgress) => trainerClient().evaluateExternal(request, onProgress),
    // Cancelled before any run was scored, every run says so: not a result worth keeping.
    (result) => result.runs.every((r) => r.error !== undefined),
  );

/**
 * Asks the worker to stop the evaluation of external tasks at its next report (a checked task
 * or a graded answer; the tasks being made from the records are made first).
 */
export function cancelExternalTasks(store: AppStore): Promise<void> {
  store.getState().evaluateActions.cancelAsked('external');
  return trainerClient().cancelExternal();
}

/** One split of the built-in tasks as prompts for a language model, as a file to save. */
export const modelPrompts = (split: Split, onProgress: (p: CatalogProgress) => void) =>
  trainerClient().modelPrompts(split, proxy(onProgress));

/** Grades an external model's answers in the trainer worker. */
export const scoreModelAnswers = (store: AppStore, request: ModelScoreRequest) =>
  tracked(store, 'model', request.fileName, `Could not score ${request.fileName}`, (onProgress) =>
    trainerClient().scoreModel(request, onProgress),
  );
