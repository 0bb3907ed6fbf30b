import type { Split } from '../core/tasks/types';
import type { ExternalEvalRequest } from '../protocol/external';
import type { ModelScoreRequest } from '../protocol/models';
import type { EvaluateJob, EvaluateState } from '../state/evaluateSlice';
import type { AppStore } from '../state/store';
import { proxy, trainerClient } from './trainerClient';

/**
 * Runs one of the Evaluate page's jobs in the trainer worker, keeping its progress, then its
 * result or its error (`failure` says what could not be done), in the store: the job survives
 * leaving the page, and a failure keeps the last result.
 */
async function tracked<K extends EvaluateJob>(
  store: AppStore,
  job: K,
  failure: string,
  run: (
    onProgress: (p: NonNullable<EvaluateState[K]['progress']>) => void,
  ) => Promise<NonNullable<EvaluateState[K]['result']>>,
): Promise<void> {
  const actions = store.getState().evaluateActions;
  actions.started(job);
  try {
    actions.done(job, await run(proxy((p) => actions.progressed(job, p))));
  } catch (error) {
    actions.failed(job, `${failure}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Scores stored runs on an external task file in the trainer worker. */
export const evaluateExternalTasks = (store: AppStore, request: ExternalEvalRequest) =>
  tracked(store, 'external', `Could not evaluate ${request.fileName}`, (onProgress) =>
    trainerClient().evaluateExternal(request, onProgress),
  );

/** Asks the worker to stop the evaluation of external tasks at its next answer. */
export function cancelExternalTasks(): Promise<void> {
  return trainerClient().cancelExternal();
}

/** One split of the built-in tasks as prompts for a language model, as a file to save. */
export const modelPrompts = (split: Split) => trainerClient().modelPrompts(split);

/** Grades an external model's answers in the trainer worker. */
export const scoreModelAnswers = (store: AppStore, request: ModelScoreRequest) =>
  tracked(store, 'model', `Could not score ${request.fileName}`, (onProgress) =>
    trainerClient().scoreModel(request, onProgress),
  );
