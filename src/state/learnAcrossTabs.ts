import { restoreLearn, savedLearn, type SavedLearn } from './learnSlice';
import { same } from './sharedSave';
import { adoptSaved, PERSIST_KEY, type AppStore } from './store';

/** What tabs share of the Learn page: the answers, edits and checked texts (each its own place). */
const shared = (l: SavedLearn): unknown[] => [l.answers, l.edited, l.checkedBefore];

/**
 * Follows the Learn page's answers another tab of this browser saves (the `storage` event), so
 * that this tab's next save does not erase them: every tab saves its whole state to one key.
 * Each tab keeps its own bug and step. What is taken is not written back (each tab writes only
 * what it changed itself: sharedSave.ts), so two tabs never answer each other's saves. Returns
 * the unsubscribe.
 */
export function followLearnAcrossTabs(store: AppStore, target: Window = window): () => void {
  const heard = (e: StorageEvent): void => {
    if (e.key !== PERSIST_KEY || e.newValue === null) return;
    // What is saved now (events can come after later writes): every tab's latest, merged.
    const text = e.storageArea?.getItem(PERSIST_KEY) ?? e.newValue;
    let saved: unknown;
    try {
      saved = (JSON.parse(text) as { state?: { learn?: unknown } }).state?.learn;
    } catch {
      return;
    }
    const other = restoreLearn(saved);
    if (same(shared(other), shared(savedLearn(store.getState().learn)))) return;
    // Not written back: it is what is saved (so two tabs never answer each other's saves).
    adoptSaved(store, () =>
      store.setState((s) => ({
        learn: {
          ...s.learn,
          answers: other.answers,
          edited: other.edited,
          editsTakenIn: s.learn.editsTakenIn + (same([other.edited], [s.learn.edited]) ? 0 : 1),
          checkedBefore: other.checkedBefore,
        },
      })),
    );
  };
  target.addEventListener('storage', heard);
  return () => target.removeEventListener('storage', heard);
}
