import { errorText } from '../protocol/errorText';
import type { Answer } from '../core/answers/types';
import type { CatalogProgress } from '../protocol/learn';
import type { AppStore } from '../state/store';
import { proxy, trainerClient } from './trainerClient';

/**
 * Reads the Learn page's bugs in the trainer worker (building the quick suite first when no run
 * has cached it), keeping progress, the list or the error in the store.
 */
export async function loadBugCatalog(store: AppStore): Promise<void> {
  const actions = store.getState().learnActions;
  actions.catalogLoading();
  try {
    const catalog = await trainerClient().learnCatalog(
      proxy((progress: CatalogProgress) => actions.catalogProgress(progress)),
    );
    actions.catalogReady(catalog);
  } catch (error) {
    actions.catalogFailed(`Could not read the bugs: ${errorText(error)}`);
  }
}

/** One bug decomposed into its tasks. */
export const readBug = (bugId: string) => trainerClient().learnBug(bugId);

/**
 * Grades a person's answer with the policy's verifier in the worker's sandbox; the verdict (or
 * the error) is kept in the store with the answer text it was for.
 */
export async function checkAnswer(
  store: AppStore,
  taskId: string,
  answerText: string,
  answer: Answer,
): Promise<void> {
  const actions = store.getState().learnActions;
  actions.checkStarted(taskId, answerText);
  try {
    actions.checked(taskId, answerText, await trainerClient().learnGrade(taskId, answer));
  } catch (error) {
    actions.checkFailed(taskId, answerText, `Could not check the answer: ${errorText(error)}`);
  }
}

/** Asks the worker for a task's gold answer and keeps it in the store. */
export async function revealGold(store: AppStore, taskId: string): Promise<void> {
  store.getState().learnActions.showGold(taskId, await trainerClient().learnGold(taskId));
}

/** Every stored run's answers to these tasks, without traces. */
export const readTaskEpisodes = (taskIds: string[]) => trainerClient().taskEpisodes(taskIds);
