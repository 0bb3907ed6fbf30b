import type { StateCreator } from 'zustand';
import type { ExternalEvalProgress, ExternalEvalResult } from '../protocol/external';
import type { ModelScoreProgress, ModelScoreResult } from '../protocol/models';
import type { AppState } from './store';

/** The Evaluate page's external-task evaluation: kept while the app is open, across pages. */
export interface EvaluateState {
  external: {
    status: 'idle' | 'running' | 'done' | 'error';
    progress: ExternalEvalProgress | null;
    result: ExternalEvalResult | null;
    error: string | null;
  };
  /** An external model's answers, scored: kept like the external tasks' result. */
  model: {
    status: 'idle' | 'running' | 'done' | 'error';
    progress: ModelScoreProgress | null;
    result: ModelScoreResult | null;
    error: string | null;
  };
}

export interface EvaluateSlice {
  evaluate: EvaluateState;
  evaluateActions: {
    externalStarted: () => void;
    externalProgress: (progress: ExternalEvalProgress) => void;
    externalDone: (result: ExternalEvalResult) => void;
    /** A failure keeps the last result shown: nothing already there is lost. */
    externalFailed: (error: string) => void;
    modelStarted: () => void;
    modelProgress: (progress: ModelScoreProgress) => void;
    modelDone: (result: ModelScoreResult) => void;
    /** A failure keeps the last result shown. */
    modelFailed: (error: string) => void;
  };
}

export const initialEvaluateState: EvaluateState = {
  external: { status: 'idle', progress: null, result: null, error: null },
  model: { status: 'idle', progress: null, result: null, error: null },
};

export const createEvaluateSlice: StateCreator<AppState, [], [], EvaluateSlice> = (set) => {
  const patch = (p: Partial<EvaluateState['external']>): void =>
    set((s) => ({ evaluate: { ...s.evaluate, external: { ...s.evaluate.external, ...p } } }));
  const model = (p: Partial<EvaluateState['model']>): void =>
    set((s) => ({ evaluate: { ...s.evaluate, model: { ...s.evaluate.model, ...p } } }));
  return {
    evaluate: initialEvaluateState,
    evaluateActions: {
      externalStarted: () => patch({ status: 'running', progress: null, error: null }),
      externalProgress: (progress) => patch({ progress }),
      externalDone: (result) => patch({ status: 'done', result, progress: null }),
      externalFailed: (error) => patch({ status: 'error', error, progress: null }),
      modelStarted: () => model({ status: 'running', progress: null, error: null }),
      modelProgress: (progress) => model({ progress }),
      modelDone: (result) => model({ status: 'done', result, progress: null }),
      modelFailed: (error) => model({ status: 'error', error, progress: null }),
    },
  };
};
