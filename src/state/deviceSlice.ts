import type { StateCreator } from 'zustand';
import type { BackendInfo, DeviceCheckProgress } from '../protocol/backend';
import type { AppState } from './store';

export interface DeviceState {
  status: 'idle' | 'starting' | 'ready' | 'error';
  info: BackendInfo | null;
  error: string | null;
  /** Where the preference in force came from. */
  preferenceSource: 'url' | 'settings';
  /** An unusable `?backend=` value, reported once. */
  invalidUrlBackend: string | null;
  check: {
    status: 'idle' | 'running' | 'done' | 'error';
    /** The backend and stage timed now, or `agreement`: the policy compared across backends. */
    progress: DeviceCheckProgress | 'agreement' | null;
    error: string | null;
  };
}

export interface DeviceSlice {
  device: DeviceState;
  deviceActions: {
    starting: (source: 'url' | 'settings', invalidUrlBackend: string | null) => void;
    ready: (info: BackendInfo) => void;
    failed: (error: string) => void;
    checkStarted: () => void;
    checkProgress: (progress: DeviceCheckProgress | 'agreement') => void;
    /** Its results are kept with the settings: `uiActions.setLastCheck`. */
    checkDone: () => void;
    checkFailed: (error: string) => void;
  };
}

export const initialDeviceState: DeviceState = {
  status: 'idle',
  info: null,
  error: null,
  preferenceSource: 'settings',
  invalidUrlBackend: null,
  check: { status: 'idle', progress: null, error: null },
};

export const createDeviceSlice: StateCreator<AppState, [], [], DeviceSlice> = (set) => {
  const patch = (p: Partial<DeviceState>): void => set((s) => ({ device: { ...s.device, ...p } }));
  const patchCheck = (p: Partial<DeviceState['check']>): void =>
    set((s) => ({ device: { ...s.device, check: { ...s.device.check, ...p } } }));
  return {
    device: initialDeviceState,
    deviceActions: {
      starting: (preferenceSource, invalidUrlBackend) =>
        patch({ status: 'starting', error: null, preferenceSource, invalidUrlBackend }),
      ready: (info) => patch({ status: 'ready', info, error: null }),
      failed: (error) => patch({ status: 'error', error }),
      checkStarted: () => patchCheck({ status: 'running', progress: null, error: null }),
      checkProgress: (progress) => patchCheck({ progress }),
      checkDone: () => patchCheck({ status: 'done', progress: null }),
      checkFailed: (error) => patchCheck({ status: 'error', error, progress: null }),
    },
  };
};
