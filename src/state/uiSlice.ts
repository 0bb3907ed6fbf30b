import type { StateCreator } from 'zustand';
import type { BackendName, BackendPreference } from '../protocol/backend';
import type { AppState } from './store';

export type ThemeSetting = 'system' | 'light' | 'dark';

export interface UiState {
  theme: ThemeSetting;
  settingsOpen: boolean;
  /** Remembered backend choice (the URL's `?backend=` overrides it for one visit). */
  backendPreference: BackendPreference;
  /** Fastest backend from the last device check on this device, used by `auto`. */
  measuredFastest: BackendName | null;
}

export interface UiSlice {
  ui: UiState;
  uiActions: {
    setTheme: (theme: ThemeSetting) => void;
    setSettingsOpen: (open: boolean) => void;
    setBackendPreference: (preference: BackendPreference) => void;
    setMeasuredFastest: (backend: BackendName | null) => void;
  };
}

export const initialUiState: UiState = {
  theme: 'system',
  settingsOpen: false,
  backendPreference: 'auto',
  measuredFastest: null,
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
    },
  };
};
