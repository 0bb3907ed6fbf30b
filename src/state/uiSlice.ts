import type { StateCreator } from 'zustand';
import type { BackendName, BackendPreference } from '../protocol/backend';
import { QUICK_CONFIG, type TrainConfig } from '../protocol/trainConfig';
import type { AppState } from './store';

export type ThemeSetting = 'system' | 'light' | 'dark';
/** How the trace viewer shows code: in Monaco editors (side-by-side diffs) or as plain text. */
export type CodeViewSetting = 'editor' | 'text';

export interface UiState {
  theme: ThemeSetting;
  settingsOpen: boolean;
  /** Remembered backend choice (the URL's `?backend=` overrides it for one visit). */
  backendPreference: BackendPreference;
  /** Fastest backend from the last device check on this device, used by `auto`. */
  measuredFastest: BackendName | null;
  /** The Train page's form as last edited (kept over reloads); null: the quick preset. */
  draftConfig: TrainConfig | null;
  /** The form's choice of tasks (the built-in suite), kept with its draft. */
  draftSuite: 'quick' | 'all';
  codeView: CodeViewSetting;
}

/**
 * A saved form draft as a config of today's fields (those it lacks from the quick preset, those
 * no longer known dropped), or null when it is not a config at all.
 */
export function restoreDraft(saved: unknown): TrainConfig | null {
  if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return null;
  const known = <T extends object>(base: T, value: object): T => {
    const out = { ...base };
    for (const [k, v] of Object.entries(value))
      if (k in base && typeof v === typeof (base as Record<string, unknown>)[k])
        (out as Record<string, unknown>)[k] = v;
    return out;
  };
  const draft = saved as Partial<TrainConfig>;
  const model = draft.model && typeof draft.model === 'object' ? draft.model : {};
  return { ...known(QUICK_CONFIG, draft), model: known(QUICK_CONFIG.model, model) };
}

export interface UiSlice {
  ui: UiState;
  uiActions: {
    setTheme: (theme: ThemeSetting) => void;
    setSettingsOpen: (open: boolean) => void;
    setBackendPreference: (preference: BackendPreference) => void;
    setMeasuredFastest: (backend: BackendName | null) => void;
    setDraftConfig: (config: TrainConfig | null) => void;
    setDraftSuite: (suite: UiState['draftSuite']) => void;
    setCodeView: (view: CodeViewSetting) => void;
  };
}

export const initialUiState: UiState = {
  theme: 'system',
  settingsOpen: false,
  backendPreference: 'auto',
  measuredFastest: null,
  draftConfig: null,
  draftSuite: 'quick',
  codeView: 'editor',
};

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => {
  const patch = (p: Partial<UiState>): void => set((s) => ({ ui: { ...s.ui, ...p } }));
  return {
    ui: initialUiState,
    uiActions: {
      setTheme: (theme) => patch({ theme }),
      setSettingsOpen: (settingsOpen) => patch({ settingsOpen }),
      setBackendPreference: (backendPreference) => patch({ backendPreference }),
      setMeasuredFastest: (measuredFastest) => patch({ measuredFastest }),
      setDraftConfig: (draftConfig) => patch({ draftConfig }),
      setDraftSuite: (draftSuite) => patch({ draftSuite }),
      setCodeView: (codeView) => patch({ codeView }),
    },
  };
};
