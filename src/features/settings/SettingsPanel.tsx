import { useLocation, useSearchParams } from 'react-router-dom';
import { changeBackendPreference, startCompute } from '../../bridge/compute';
import { BACKEND_NAMES, type BackendPreference } from '../../protocol/backend';
import { appStore } from '../../state/appStore';
import {
  useDevice,
  useEvaluatingExternal,
  useGoingRun,
  useUi,
  useUiActions,
} from '../../state/hooks';
import type { ThemeSetting } from '../../state/uiSlice';
import { DeviceCheckPanel } from '../device-check/DeviceCheckPanel';
import { useModalDialog } from './useModalDialog';

const THEMES: ThemeSetting[] = ['system', 'light', 'dark'];
const PREFERENCES: BackendPreference[] = ['auto', ...BACKEND_NAMES];

/**
 * Appearance, compute backend choice (remembered) and the device check, in a modal dialog: its
 * content is drawn only while it is open.
 */
export function SettingsPanel() {
  const open = useUi().settingsOpen;
  const { setSettingsOpen } = useUiActions();
  const dialog = useModalDialog(open, () => setSettingsOpen(false));
  return (
    <dialog
      {...dialog}
      className="settings"
      aria-labelledby="settings-title"
      data-testid="settings-panel"
    >
      {open && <SettingsContent />}
    </dialog>
  );
}

function SettingsContent() {
  const ui = useUi();
  const { setTheme, setSettingsOpen } = useUiActions();
  const device = useDevice();
  const { search } = useLocation();
  const [, setParams] = useSearchParams();
  const availability = device.info?.availability ?? [];
  // While a run goes (paused too) the backend stays: switching would move its tensors mid-run.
  const going = useGoingRun();
  // So too while runs answer external tasks in the worker (Evaluate page).
  const evaluating = useEvaluatingExternal();
  const note = (p: BackendPreference): string => {
    if (p === 'auto')
      return ui.measuredFastest
        ? `fastest measured: ${ui.measuredFastest}`
        : 'best guess until the device check runs';
    const a = availability.find((x) => x.backend === p);
    return a ? (a.available ? (a.reason ?? 'available') : (a.reason ?? 'unavailable')) : '';
  };
  return (
    <>
      <div className="settings-head">
        <h2 id="settings-title">Settings</h2>
        <button
          type="button"
          className="icon-button"
          onClick={() => setSettingsOpen(false)}
          aria-label="Close settings"
        >
          ✕
        </button>
      </div>
      <fieldset>
        <legend>Theme</legend>
        {THEMES.map((t) => (
          <label key={t} className="radio">
            <input
              type="radio"
              name="theme"
              checked={ui.theme === t}
              onChange={() => setTheme(t)}
            />{' '}
            {t}
          </label>
        ))}
      </fieldset>
      <fieldset data-testid="backend-choice">
        <legend>Compute backend</legend>
        {device.preferenceSource === 'url' && (
          <p className="hint" data-testid="backend-from-url">
            This visit opened with <code>?backend=</code> in its address, which overrides the choice
            below while the address holds it
            {device.info ? ` (${device.info.backend} is in use)` : ''}.{' '}
            {going === null && !evaluating && (
              <button
                type="button"
                data-testid="backend-use-setting"
                onClick={() => {
                  // Out of the address too, so the choice below holds from now on.
                  const next = new URLSearchParams(window.location.search);
                  next.delete('backend');
                  setParams(next, { replace: true });
                  void startCompute(appStore, '');
                }}
              >
                Use {ui.backendPreference} now
              </button>
            )}
          </p>
        )}
        {device.invalidUrlBackend && (
          <p className="error" role="alert">
            Unknown <code>?backend={device.invalidUrlBackend}</code>: use webgpu, wasm, cpu or auto.
          </p>
        )}
        {going && (
          <p className="hint" data-testid="backend-going-run">
            The run {going.name} is going on {going.backend ?? 'its backend'}: the backend can
            change once it ends or is stopped (the switch would move its tensors mid-run).
          </p>
        )}
        {!going && evaluating && (
          <p className="hint" data-testid="backend-external-eval">
            An evaluation of external tasks is going (Evaluate page): the backend can change once it
            ends or is cancelled (the switch would move its runs&apos; tensors mid-answer).
          </p>
        )}
        {PREFERENCES.map((p) => (
          <label key={p} className="radio">
            <input
              type="radio"
              name="backend"
              value={p}
              checked={ui.backendPreference === p}
              // A backend this browser lacks cannot be picked (its note says why).
              disabled={
                going !== null ||
                evaluating ||
                availability.some((a) => a.backend === p && !a.available)
              }
              onChange={() => void changeBackendPreference(appStore, p, search)}
            />{' '}
            {p} <span className="hint">{note(p)}</span>
          </label>
        ))}
      </fieldset>
      <DeviceCheckPanel />
    </>
  );
}
