import type { StateCreator } from 'zustand';
import type { ExternalEvalProgress, ExternalEvalResult } from '../protocol/external';
import type { ModelScoreProgress, ModelScoreResult } from '../protocol/models';
import type { AppState } from './store';

/** A job in the trainer worker the page follows: its progress, then its result or error. */
export interface Job<Progress, Result> {
  status: 'idle' | 'running' | 'done' | 'error';
  progress: Progress | null;
  result: Result | null;
  error: string | null;
}

/**
 * The Evaluate page's jobs, kept while the app is open, across pages: the external tasks'
 * evaluation, and an external model's answers scored.
 */
export interface EvaluateState {
  external: Job<ExternalEvalProgress, ExternalEvalResult>;
  model: Job<ModelScoreProgress, ModelScoreResult>;
}

export type EvaluateJob = keyof EvaluateState;
type ProgressOf<K extends EvaluateJob> = NonNullable<EvaluateState[K]['progress']>;
type ResultOf<K extends EvaluateJob> = NonNullable<EvaluateState[K]['result']>;

export interface EvaluateSlice {
  evaluate: EvaluateState;
  evaluateActions: {
    started: (job: EvaluateJob) => void;
    progressed: <K extends EvaluateJob>(job: K, progress: ProgressOf<K>) => void;
    done: <K extends EvaluateJob>(job: K, result: ResultOf<K>) => void;
    /** A failure keeps the last result shown: nothing already there is lost. */
    failed: (job: EvaluateJob, error: string) => void;
  };
}

const idle = { status: 'idle', progress: null, result: null, error: null } as const;

export const initialEvaluateState: EvaluateState = { external: idle, model: idle };

export const createEvaluateSlice: StateCreator<AppState, [], [], EvaluateSlice> = (set) => {
  const patch = (job: EvaluateJob, p: Partial<Job<unknown, unknown>>): void =>
    set((s) => ({ evaluate: { ...s.evaluate, [job]: { ...s.evaluate[job], ...p } } }));
  return {
    evaluate: initialEvaluateState,
    evaluateActions: {
      started: (job) => patch(job, { status: 'running', progress: null, error: null }),
      progressed: (job, progress) => patch(job, { progress }),
      done: (job, result) => patch(job, { status: 'done', result, progress: null }),
      failed: (job, error) => patch(job, { status: 'error', error, progress: null }),
    },
  };
};
