import { restoreLearn, savedLearn, type SavedLearn } from './learnSlice';
import { PERSIST_KEY, type AppStore } from './store';

/** What tabs share of the Learn page: the answers, edits and checked texts (each its own place). */
const shared = (l: SavedLearn): string => JSON.stringify([l.answers, l.edited, l.checkedBefore]);

/**
 * Follows the Learn page's answers another tab of this browser saves (the `storage` event), so
 * that this tab's next save does not erase them: every tab saves its whole state to one key.
 * Each tab keeps its own bug and step. Nothing is set when the answers are this tab's already,
 * so two tabs do not answer each other's saves for ever. Returns the unsubscribe.
 */
export function followLearnAcrossTabs(store: AppStore, target: Window = window): () => void {
  const heard = (e: StorageEvent): void => {
    if (e.key !== PERSIST_KEY || e.newValue === null) return;
    let saved: unknown;
    try {
      saved = (JSON.parse(e.newValue) as { state?: { learn?: unknown } }).state?.learn;
    } catch {
      return;
    }
    const other = restoreLearn(saved);
    if (shared(other) === shared(savedLearn(store.getState().learn))) return;
    store.setState((s) => ({
      learn: {
        ...s.learn,
        answers: other.answers,
        edited: other.edited,
        checkedBefore: other.checkedBefore,
      },
    }));
  };
  target.addEventListener('storage', heard);
  return () => target.removeEventListener('storage', heard);
}
