import type { StateCreator } from 'zustand';
import { isFiniteNumber, isRecord } from '../core/guards';
import {
  isBackendName,
  type BackendName,
  type BackendPreference,
  type DeviceCheckResult,
  type DeviceCheckRow,
} from '../protocol/backend';
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
  /** The last device check on this device, shown until the next one (kept over reloads). */
  lastCheck: LastDeviceCheck | null;
  /** The Train page's form as last edited (kept over reloads); null: the quick preset. */
  draftConfig: TrainConfig | null;
  /** The form's choice of tasks (the built-in suite), kept with its draft. */
  draftSuite: 'quick' | 'all';
  codeView: CodeViewSetting;
}

/** A finished device check: its timings and the policy's agreement across backends. */
export interface LastDeviceCheck {
  /** When it finished (ms since the epoch). */
  at: number;
  result: DeviceCheckResult;
  /** The largest log-prob difference of each backend from `reference`; null if not measured. */
  agreement: { reference: BackendName; differences: Record<string, number> } | null;
}

/** A number kept in JSON: NaN and infinities come back as null, and go back to NaN. */
const savedNumber = (v: unknown): number => (isFiniteNumber(v) ? v : NaN);

function restoreCheckRow(saved: unknown): DeviceCheckRow | null {
  if (!isRecord(saved) || !isBackendName(saved.backend) || typeof saved.ok !== 'boolean')
    return null;
  return {
    backend: saved.backend,
    ok: saved.ok,
    ...(typeof saved.error === 'string' ? { error: saved.error } : {}),
    matmulSize: savedNumber(saved.matmulSize),
    matmulGflops: savedNumber(saved.matmulGflops),
    stepMs: savedNumber(saved.stepMs),
    steps: savedNumber(saved.steps),
    lossStart: savedNumber(saved.lossStart),
    lossEnd: savedNumber(saved.lossEnd),
  };
}

/** A saved device check as it was, or null when it is not one (another version, or a hand). */
export function restoreLastCheck(saved: unknown): LastDeviceCheck | null {
  if (!isRecord(saved) || !isFiniteNumber(saved.at) || !isRecord(saved.result)) return null;
  const { rows, fastest } = saved.result;
  if (!Array.isArray(rows)) return null;
  const restored = rows.map(restoreCheckRow);
  if (restored.some((r) => r === null)) return null;
  const agreement = saved.agreement;
  const keptAgreement =
    isRecord(agreement) && isBackendName(agreement.reference) && isRecord(agreement.differences)
      ? {
          reference: agreement.reference,
          differences: Object.fromEntries(
            Object.entries(agreement.differences).map(([b, d]) => [b, savedNumber(d)]),
          ),
        }
      : null;
  return {
    at: saved.at,
    result: {
      rows: restored as DeviceCheckRow[],
      fastest: isBackendName(fastest) ? fastest : null,
    },
    agreement: keptAgreement,
  };
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
    /** Keeps a finished device check; its fastest backend is the one `auto` uses. */
    setLastCheck: (check: LastDeviceCheck) => void;
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
  lastCheck: null,
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
      setLastCheck: (lastCheck) => patch({ lastCheck, measuredFastest: lastCheck.result.fastest }),
      setDraftConfig: (draftConfig) => patch({ draftConfig }),
      setDraftSuite: (draftSuite) => patch({ draftSuite }),
      setCodeView: (codeView) => patch({ codeView }),
    },
  };
};
