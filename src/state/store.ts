import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createDeviceSlice, type DeviceSlice } from './deviceSlice';
import { createEvaluateSlice, restoreGridPicks, type EvaluateSlice } from './evaluateSlice';
import { createLearnSlice, restoreLearn, savedLearn, type LearnSlice } from './learnSlice';
import { sharedSave, type SharedSave } from './sharedSave';
import { withSetItem } from './withSetItem';
import { createTrainSlice, type TrainSlice } from './trainSlice';
import { keepTrainView } from './trainView';
import { createUiSlice, restoreDraft, restoreLastCheck, type UiSlice } from './uiSlice';

/** The whole app state: one store built from slices. */
export type AppState = UiSlice & DeviceSlice & TrainSlice & EvaluateSlice & LearnSlice;

export type AppStore = UseBoundStore<StoreApi<AppState>>;

export const PERSIST_KEY = 'atomic-skills-lab:settings';

/** What is saved of the app's state: settings, the form's draft, Learn answers, grid picks. */
const saved = (s: AppState) => ({
  ui: {
    theme: s.ui.theme,
    backendPreference: s.ui.backendPreference,
    measuredFastest: s.ui.measuredFastest,
    lastCheck: s.ui.lastCheck,
    draftConfig: s.ui.draftConfig,
    draftSuite: s.ui.draftSuite,
    codeView: s.ui.codeView,
  },
  learn: savedLearn(s.learn),
  evaluate: { gridPicks: s.evaluate.gridPicks },
});

/**
 * The app's store; settings (theme, backend choice, measured fastest), the Train form's draft,
 * the Learn page's answers and the Evaluate grid's picks persist in localStorage; the Train
 * page's open and compared runs in `tab`, the tab's sessionStorage (see trainView.ts).
 */
export function createAppStore(storage?: Storage, tab: Storage | null = null): AppStore {
  const save = sharedSave(PERSIST_KEY);
  const store = create<AppState>()(
    persist(
      (...a) => ({
        ...createUiSlice(...a),
        ...createDeviceSlice(...a),
        ...createTrainSlice(...a),
        ...createEvaluateSlice(...a),
        ...createLearnSlice(...a),
      }),
      {
        name: PERSIST_KEY,
        version: 1,
        // Saved by another version (a newer build, then an older tab): kept for `merge`, which
        // takes back each part it can read, rather than dropped whole.
        migrate: (persisted) => persisted as AppState,
        // Open in several tabs, each writes only what it changed itself (sharedSave.ts).
        storage: createJSONStorage(() => keepGoing(save.wrap(storage ?? localStorage))),
        partialize: saved,
        // What the tab holds once read is what it measures its own changes from.
        onRehydrateStorage: () => (state) => {
          if (state) save.loaded(saved(state));
        },
        merge: (persisted, current) => {
          const stored = persisted as
            | { ui?: Partial<AppState['ui']>; learn?: unknown; evaluate?: { gridPicks?: unknown } }
            | undefined;
          const saved = stored?.ui ?? {};
          const draftConfig = restoreDraft(saved.draftConfig);
          // Anything but 'text' (absent, or a value this version does not know) is the editor.
          const codeView = saved.codeView === 'text' ? 'text' : 'editor';
          const draftSuite = saved.draftSuite === 'all' ? 'all' : 'quick';
          const lastCheck = restoreLastCheck(saved.lastCheck);
          return {
            ...current,
            ui: {
              ...current.ui,
              ...saved,
              draftConfig,
              draftSuite,
              codeView,
              lastCheck,
              settingsOpen: false,
            },
            learn: { ...current.learn, ...restoreLearn(stored?.learn) },
            evaluate: {
              ...current.evaluate,
              gridPicks: restoreGridPicks(stored?.evaluate?.gridPicks),
            },
          };
        },
      },
    ),
  );
  keepTrainView(store, tab);
  saves.set(store, save);
  return store;
}

const saves = new WeakMap<AppStore, SharedSave>();

/**
 * Makes a change taken from what another tab saved (a `storage` event): not written back, as it
 * is saved already.
 */
export const adoptSaved = (store: AppStore, apply: () => void): void =>
  saves.has(store) ? saves.get(store)!.adopt(apply) : apply();

/**
 * `storage`, whose writes never throw: a write refused (the browser's quota) keeps the last
 * saved state and the page goes on; it is said once in the console.
 */
function keepGoing(storage: Storage): Storage {
  let said = false;
  return withSetItem(storage, (k, v) => {
    try {
      storage.setItem(k, v);
    } catch (error) {
      if (!said) console.warn(`Settings and answers could not be saved: ${String(error)}`);
      said = true;
    }
  });
}

/** A `Storage` kept in memory, for tests and for browsers that refuse localStorage. */
export function memoryStorage(): Storage {
  const memory = new Map<string, string>();
  return {
    get length() {
      return memory.size;
    },
    clear: () => memory.clear(),
    getItem: (k) => memory.get(k) ?? null,
    key: (i) => [...memory.keys()][i] ?? null,
    removeItem: (k) => void memory.delete(k),
    setItem: (k, v) => void memory.set(k, v),
  };
}

/** A store with the real slices and an in-memory storage, for tests. */
export function createTestStore(
  storage: Storage = memoryStorage(),
  tab: Storage | null = null,
): AppStore {
  return createAppStore(storage, tab);
}
