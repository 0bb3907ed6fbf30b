import { describe, expect, it } from 'vitest';
import { createTestStore, memoryStorage } from './store';

describe('app store', () => {
  it('updates ui settings and keeps device state separate', () => {
    const store = createTestStore();
    store.getState().uiActions.setBackendPreference('cpu');
    store.getState().deviceActions.checkStarted();
    expect(store.getState().ui.backendPreference).toBe('cpu');
    expect(store.getState().device.check.status).toBe('running');
  });

  it('remembers settings across a reload but not the open panel or device results', () => {
    const storage = memoryStorage();
    const first = createTestStore(storage);
    first.getState().uiActions.setTheme('dark');
    first.getState().uiActions.setBackendPreference('wasm');
    first.getState().uiActions.setSettingsOpen(true);
    first.getState().deviceActions.failed('boom');
    const second = createTestStore(storage);
    expect(second.getState().ui.theme).toBe('dark');
    expect(second.getState().ui.backendPreference).toBe('wasm');
    expect(second.getState().ui.settingsOpen).toBe(false);
    expect(second.getState().device.status).toBe('idle');
  });
});
