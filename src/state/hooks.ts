import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { appStore } from './appStore';
import type { AppState } from './store';
import { isGoing, type RunSummary } from '../protocol/training';

/** Any slice of the app state; combine with `useShallow` for arrays and objects built here. */
export const useApp = <T>(selector: (s: AppState) => T): T => appStore(selector);

/**
 * A selector that keeps its last result while `equal` says the new one is the same: for
 * results built in the selector that `useShallow` cannot compare (arrays of objects).
 */
export function useEqualBy<T>(
  selector: (s: AppState) => T,
  equal: (a: T, b: T) => boolean,
): (s: AppState) => T {
  const prev = useRef<{ value: T } | null>(null);
  return (s) => {
    const next = selector(s);
    if (prev.current && equal(prev.current.value, next)) return prev.current.value;
    prev.current = { value: next };
    return next;
  };
}

export const useUi = (): AppState['ui'] => useApp((s) => s.ui);
export const useUiActions = (): AppState['uiActions'] => useApp((s) => s.uiActions);
export const useDevice = (): AppState['device'] => useApp((s) => s.device);
export const useBackendSummary = (): Pick<AppState['device'], 'status' | 'info' | 'error'> =>
  useApp(
    useShallow((s) => ({ status: s.device.status, info: s.device.info, error: s.device.error })),
  );
export const useTrain = (): AppState['train'] => useApp((s) => s.train);
export const useTrainActions = (): AppState['trainActions'] => useApp((s) => s.trainActions);
export const useLearn = (): AppState['learn'] => useApp((s) => s.learn);
export const useLearnActions = (): AppState['learnActions'] => useApp((s) => s.learnActions);

/** The run going (running, paused or preparing), as strings: a new step of it re-renders nothing. */
export type GoingRun = Pick<RunSummary, 'id' | 'name' | 'status' | 'backend'>;

/**
 * The run going in this tab (at most one goes at a time), or null: not one another tab trains
 * (this tab's trainer is free to start a run, change backend or check the device meanwhile).
 */
export const useGoingRun = (): GoingRun | null =>
  useApp(
    useShallow((s) => {
      const r = s.train.runs.find(
        (x) => isGoing(x.status) && !s.train.trainingElsewhere.includes(x.id),
      );
      return r ? { id: r.id, name: r.name, status: r.status, backend: r.backend } : null;
    }),
  );

/**
 * An evaluation of external tasks is going (Evaluate page): its runs' policies answer in the
 * trainer worker, so, as for a run, the backend stays until it ends.
 */
export const useEvaluatingExternal = (): boolean =>
  useApp((s) => s.evaluate.external.status === 'running');
