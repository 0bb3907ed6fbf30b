import { errorText } from '../protocol/errorText';
import type { Answer } from '../core/answers/types';
import { parseAnswer } from '../core/answers/text';
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

/**
 * Checks again, one after another, the answers to these tasks that were checked before the page
 * was last loaded (kept as text: verdicts are not stored), skipping any checked since; stops
 * between checks once `cancelled` says so (another bug opened).
 */
export async function recheckSaved(
  store: AppStore,
  taskIds: readonly string[],
  cancelled: () => boolean,
): Promise<void> {
  for (const id of taskIds) {
    if (cancelled()) return;
    const { checkedBefore, checks } = store.getState().learn;
    const text = checkedBefore[id];
    if (text === undefined || checks[id]) continue;
    let answer: Answer;
    try {
      answer = parseAnswer(text);
    } catch {
      continue; // Not an answer (storage edited by hand): it waits for the person, unchecked.
    }
    await checkAnswer(store, id, text, answer);
  }
}

/** Asks the worker for a task's gold answer and keeps it in the store. */
export async function revealGold(store: AppStore, taskId: string): Promise<void> {
  store.getState().learnActions.showGold(taskId, await trainerClient().learnGold(taskId));
}

/** Every stored run's answers to these tasks, without traces. */
export const readTaskEpisodes = (taskIds: string[]) => trainerClient().taskEpisodes(taskIds);
