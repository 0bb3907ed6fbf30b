import type { AppStore } from './store';

const KEY = 'atomic-skills-lab:train-view';

/**
 * The Train page's open run and the runs compared on its charts. Kept per tab over reloads (in
 * sessionStorage): a reload shows the same runs, while a new tab opens none and the banner of
 * interrupted runs offers to open each.
 */
export interface TrainView {
  focusId: string | null;
  compare: string[];
}

const NONE: TrainView = { focusId: null, compare: [] };

/** The tab's storage, or null where the browser refuses it (the view is then not kept). */
export function tabStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** The kept view; anything unreadable (another version's, a hand's) is no view. */
export function readTrainView(storage: Storage | null): TrainView {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return NONE;
    const saved = JSON.parse(raw) as Partial<Record<keyof TrainView, unknown>> | null;
    const focusId = typeof saved?.focusId === 'string' ? saved.focusId : null;
    const compare = Array.isArray(saved?.compare)
      ? [...new Set(saved.compare.filter((id): id is string => typeof id === 'string'))]
      : [];
    return { focusId, compare };
  } catch {
    return NONE;
  }
}

/** Starts the store on the kept view and keeps it as it changes. */
export function keepTrainView(store: AppStore, storage: Storage | null): void {
  if (!storage) return;
  const view = readTrainView(storage);
  store.setState((s) => ({ train: { ...s.train, ...view } }));
  let { focusId, compare } = store.getState().train;
  store.subscribe((s) => {
    if (s.train.focusId === focusId && s.train.compare === compare) return;
    ({ focusId, compare } = s.train);
    try {
      storage.setItem(KEY, JSON.stringify({ focusId, compare }));
    } catch {
      // A full or refused storage: the view is not kept over a reload, nothing else is lost.
    }
  });
}

/**
 * The view once the stored runs are read: a kept run since deleted (in another tab) is
 * neither open nor compared. Only the kept ids are dropped (`kept`, the view the tab started
 * with): a run started meanwhile is open before it is listed.
 */
export function viewOfRuns(
  current: TrainView,
  kept: TrainView,
  runIds: ReadonlySet<string>,
): TrainView {
  const gone = (id: string) =>
    !runIds.has(id) && (id === kept.focusId || kept.compare.includes(id));
  return {
    focusId: current.focusId !== null && gone(current.focusId) ? null : current.focusId,
    compare: current.compare.filter((id) => !gone(id)),
  };
}
