import type { BackendPreference, DeviceCheckProgress } from '../protocol/backend';
import type { AppStore } from '../state/store';
import { effectivePreference, invalidBackendParam } from './backendPreference';
import { proxy, trainerClient, trainerFailed } from './trainerClient';

const messageOf = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** Counts the starts asked for: only the last one's outcome is shown. */
let asked = 0;

/** Starts (or restarts) the compute worker with the preference in force and records the result. */
export async function startCompute(store: AppStore, search: string): Promise<void> {
  const { ui, deviceActions } = store.getState();
  const { preference, source } = effectivePreference(search, ui.backendPreference);
  const mine = ++asked;
  deviceActions.starting(source, invalidBackendParam(search));
  try {
    const info = await Promise.race([
      trainerClient().init({ preference, measuredFastest: ui.measuredFastest }),
      trainerFailed(),
    ]);
    // The worker takes them in turn: an earlier one's answer is not what is in force.
    if (mine === asked) deviceActions.ready(info);
  } catch (error) {
    if (mine === asked) deviceActions.failed(messageOf(error));
  }
}

/** Remembers a new backend preference and switches to it. */
export async function changeBackendPreference(
  store: AppStore,
  preference: BackendPreference,
  search: string,
): Promise<void> {
  store.getState().uiActions.setBackendPreference(preference);
  await startCompute(store, search);
}

/**
 * Runs the device check in the worker. The fastest backend is remembered and, when the
 * preference is `auto`, switched to at once.
 */
export async function runDeviceCheck(store: AppStore, search: string): Promise<void> {
  const { deviceActions, uiActions } = store.getState();
  deviceActions.checkStarted();
  try {
    const result = await trainerClient().deviceCheck(
      {},
      proxy((progress: DeviceCheckProgress) => deviceActions.checkProgress(progress)),
    );
    // The policy itself on every backend: each one's largest difference from WASM (or the first).
    deviceActions.checkProgress('agreement');
    const rows = await trainerClient().backendAgreement();
    const base = rows.find((r) => r.backend === 'wasm') ?? rows[0];
    const diff = (a: number[], b: number[]) =>
      Math.max(0, ...a.map((x, i) => Math.abs(x - (b[i] ?? NaN))));
    const agreement = base
      ? {
          reference: base.backend,
          differences: Object.fromEntries(
            rows.map((r) => [
              r.backend,
              Math.max(
                diff(r.before, base.before),
                diff(r.after, base.after),
                Math.abs(r.loss - base.loss),
              ),
            ]),
          ),
        }
      : null;
    uiActions.setLastCheck({ at: Date.now(), result, agreement });
    deviceActions.checkDone();
    const info = store.getState().device.info;
    const { preference } = effectivePreference(search, store.getState().ui.backendPreference);
    if (preference === 'auto' && result.fastest && info?.backend !== result.fastest) {
      await startCompute(store, search);
    }
  } catch (error) {
    deviceActions.checkFailed(messageOf(error));
  }
}
