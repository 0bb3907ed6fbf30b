import type { ExternalEvalProgress, ExternalEvalRequest } from '../protocol/external';
import type { ModelScoreProgress, ModelScoreRequest } from '../protocol/models';
import type { Split } from '../core/tasks/types';
import type { AppStore } from '../state/store';
import { proxy, trainerClient } from './trainerClient';

/**
 * Scores stored runs on an external task file in the trainer worker, keeping progress, the
 * result or the error in the store (so it survives leaving the Evaluate page).
 */
export async function evaluateExternalTasks(
  store: AppStore,
  request: ExternalEvalRequest,
): Promise<void> {
  const actions = store.getState().evaluateActions;
  actions.externalStarted();
  try {
    const result = await trainerClient().evaluateExternal(
      request,
      proxy((progress: ExternalEvalProgress) => actions.externalProgress(progress)),
    );
    actions.externalDone(result);
  } catch (error) {
    actions.externalFailed(
      `Could not evaluate ${request.fileName}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Asks the worker to stop the evaluation of external tasks at its next answer. */
export function cancelExternalTasks(): Promise<void> {
  return trainerClient().cancelExternal();
}

/** One split of the built-in tasks as prompts for a language model, as a file to save. */
export const modelPrompts = (split: Split) => trainerClient().modelPrompts(split);

/**
 * Grades an external model's answers in the trainer worker, keeping progress, the result or the
 * error in the store (a failure keeps the last result).
 */
export async function scoreModelAnswers(
  store: AppStore,
  request: ModelScoreRequest,
): Promise<void> {
  const actions = store.getState().evaluateActions;
  actions.modelStarted();
  try {
    const result = await trainerClient().scoreModel(
      request,
      proxy((progress: ModelScoreProgress) => actions.modelProgress(progress)),
    );
    actions.modelDone(result);
  } catch (error) {
    actions.modelFailed(
      `Could not score ${request.fileName}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
