import type { StateCreator } from 'zustand';
import type { ExternalEvalProgress } from '../protocol/external';
import type { Kept, KeptJob, KeptResults } from '../protocol/kept';
import type { ModelScoreProgress } from '../protocol/models';
import type { GridResult } from '../eval/grid';
import type { Split, TaskKind } from '../core/tasks/types';
import type { AppState } from './store';

/** A job in the trainer worker the page follows: its progress, then its result or error. */
export interface Job<Progress, Result> {
  status: 'idle' | 'running' | 'done' | 'error';
  progress: Progress | null;
  /** The result shown: the job's last, or a kept one picked. */
  result: Result | null;
  /** Which kept result `result` is (null: none, e.g. it could not be kept). */
  shownId: number | null;
  error: string | null;
  /** The file of the job going, or of the last one started: the result shown may be another's. */
  fileName: string | null;
  /** The person asked the job going to stop; it stops at its next report. */
  cancelling: boolean;
  /**
   * The last job was cancelled before it gave anything (nothing kept): `result` is still an
   * earlier one. Until another starts or a kept one is shown.
   */
  cancelled: boolean;
}

export interface Progresses {
  external: ExternalEvalProgress;
  model: ModelScoreProgress;
}

/**
 * The Evaluate page's jobs, kept while the app is open, across pages: the external tasks'
 * evaluation, and an external model's answers scored; and the results kept in IndexedDB.
 */
export type EvaluateState = { [J in EvaluateJob]: Job<Progresses[J], KeptResults[J]> } & {
  /** Every kept result per job, newest first (read once per visit). */
  kept: { [J in EvaluateJob]: Kept<J>[] } & { loaded: boolean };
  /**
   * The paper grid's run per baseline as the person picked it (run id, or null for none); a
   * baseline not here takes its default (the newest finished run named for it). Persisted.
   */
  gridPicks: Record<string, string | null>;
  /**
   * Where the grid's runs come from, and the results.json opened: kept while the app is open, so
   * a look at another page (and Back) finds the same table.
   */
  gridSource: 'runs' | 'file';
  gridFile: GridFile | null;
  /** The External tasks form as the person left it: kept while the app is open, like the grid's file. */
  externalForm: ExternalForm;
};

/** The External tasks form: the file opened and the choices made for its evaluation. */
export interface ExternalForm {
  /** The file evaluated: the last one opened that could be read (a handle: the worker reads it). */
  file: { name: string; blob: Blob; about: string; splits: Record<Split, number> | null } | null;
  split: Split | 'all';
  kinds: TaskKind[];
  /** The runs ticked (null: the default picks). */
  picked: string[] | null;
  /** Answers per task and the seed, as typed. */
  samplesText: string;
  seedText: string;
}

export const initialExternalForm: ExternalForm = {
  file: null,
  split: 'all',
  kinds: ['bugfix'],
  picked: null,
  samplesText: '1',
  seedText: '1',
};

/** A `lab experiment` results.json, read: its name, runs, and Avg@k's k when it says. */
export interface GridFile {
  name: string;
  result: GridResult;
  samples: number | undefined;
}

export type EvaluateJob = KeptJob;

export interface EvaluateSlice {
  evaluate: EvaluateState;
  evaluateActions: {
    started: (job: EvaluateJob, fileName: string) => void;
    progressed: <J extends EvaluateJob>(job: J, progress: Progresses[J]) => void;
    done: <J extends EvaluateJob>(job: J, result: KeptResults[J]) => void;
    /** A failure keeps the last result shown: nothing already there is lost. */
    failed: (job: EvaluateJob, error: string) => void;
    /** The person asked the job going to stop (nothing if none is going). */
    cancelAsked: (job: EvaluateJob) => void;
    /** The job stopped, as asked, before giving anything: the last result stays shown. */
    cancelled: (job: EvaluateJob) => void;
    /**
     * The last error, or the word that the last job was cancelled, no longer applies (another
     * file was opened): it goes, the result stays.
     */
    dismissed: (job: EvaluateJob) => void;
    /** The kept results, read: a job with nothing to show shows its newest. */
    keptLoaded: (kept: { [J in EvaluateJob]: Kept<J>[] }) => void;
    /** The result just shown was kept as `entry` (or a removed one came back: shown if nothing is). */
    kept: <J extends EvaluateJob>(job: J, entry: Kept<J>) => void;
    /** Shows a kept result (not while the job runs). */
    show: (job: EvaluateJob, id: number) => void;
    /** A kept result was removed: if it was shown, its table goes (nothing is shown). */
    forgot: (job: EvaluateJob, id: number) => void;
    /** The person picked a run (or none) for one of the grid's baselines. */
    pickForGrid: (baseline: string, runId: string | null) => void;
    setGridSource: (source: EvaluateState['gridSource']) => void;
    openGridFile: (file: GridFile) => void;
    /** Changes some of the External tasks form's fields. */
    setExternalForm: (change: Partial<ExternalForm>) => void;
  };
}

const idle = {
  status: 'idle',
  progress: null,
  result: null,
  shownId: null,
  error: null,
  fileName: null,
  cancelling: false,
  cancelled: false,
} as const;

export const initialEvaluateState: EvaluateState = {
  external: idle,
  model: idle,
  kept: { external: [], model: [], loaded: false },
  gridPicks: {},
  gridSource: 'runs',
  gridFile: null,
  externalForm: initialExternalForm,
};

/** The grid's picks as read back from storage: run ids or null, by baseline; anything else dropped. */
export function restoreGridPicks(saved: unknown): Record<string, string | null> {
  if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return {};
  return Object.fromEntries(
    Object.entries(saved).filter(([, v]) => v === null || typeof v === 'string'),
  );
}

const newestFirst = <J extends EvaluateJob>(list: Kept<J>[]) =>
  [...list].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);

export const createEvaluateSlice: StateCreator<AppState, [], [], EvaluateSlice> = (set) => {
  type AnyJob = Job<unknown, unknown>;
  const patch = (job: EvaluateJob, p: (j: AnyJob, s: EvaluateState) => Partial<AnyJob>): void =>
    set((s) => ({
      evaluate: { ...s.evaluate, [job]: { ...s.evaluate[job], ...p(s.evaluate[job], s.evaluate) } },
    }));
  const list = (s: EvaluateState, job: EvaluateJob): Kept[] => s.kept[job];
  const setList = (job: EvaluateJob, f: (l: Kept[]) => Kept[]): void =>
    set((s) => ({
      evaluate: { ...s.evaluate, kept: { ...s.evaluate.kept, [job]: f(list(s.evaluate, job)) } },
    }));
  /** What a job shows of a kept result (or nothing). */
  const showing = (entry: Kept | undefined): Partial<AnyJob> =>
    entry
      ? { status: 'done', result: entry.result, shownId: entry.id, error: null, cancelled: false }
      : { status: 'idle', result: null, shownId: null, error: null, cancelled: false };
  return {
    evaluate: initialEvaluateState,
    evaluateActions: {
      started: (job, fileName) =>
        patch(job, () => ({
          status: 'running',
          progress: null,
          error: null,
          fileName,
          cancelling: false,
          cancelled: false,
        })),
      progressed: (job, progress) => patch(job, () => ({ progress })),
      done: (job, result) =>
        patch(job, () => ({
          status: 'done',
          result,
          shownId: null,
          progress: null,
          cancelling: false,
        })),
      failed: (job, error) =>
        patch(job, () => ({ status: 'error', error, progress: null, cancelling: false })),
      cancelAsked: (job) => patch(job, (j) => (j.status === 'running' ? { cancelling: true } : {})),
      cancelled: (job) =>
        patch(job, (j) => ({
          status: j.result ? 'done' : 'idle',
          progress: null,
          cancelling: false,
          cancelled: true,
        })),
      // Another file was opened: the last error, or the word that the last job was cancelled,
      // was about another file. The result stays.
      dismissed: (job) =>
        patch(job, (j) =>
          j.status === 'error'
            ? { status: j.result ? 'done' : 'idle', error: null, cancelled: false }
            : { cancelled: false },
        ),
      keptLoaded: (kept) => {
        set((s) => ({
          evaluate: {
            ...s.evaluate,
            kept: {
              external: newestFirst(kept.external),
              model: newestFirst(kept.model),
              loaded: true,
            },
          },
        }));
        for (const job of ['external', 'model'] as const)
          patch(job, (j, s) =>
            j.status === 'idle' && j.result === null ? showing(list(s, job)[0]) : {},
          );
      },
      kept: (job, entry) => {
        setList(job, (l) => newestFirst([entry, ...l.filter((k) => k.id !== entry.id)]));
        // The result shown is it; or, nothing shown (the shown one was removed), it shows again.
        patch(job, (j) =>
          j.result === entry.result
            ? { shownId: entry.id }
            : j.status === 'idle' && j.result === null
              ? showing(entry)
              : {},
        );
      },
      show: (job, id) =>
        patch(job, (j, s) =>
          j.status === 'running' ? {} : showing(list(s, job).find((k) => k.id === id)),
        ),
      setGridSource: (gridSource) => set((s) => ({ evaluate: { ...s.evaluate, gridSource } })),
      openGridFile: (gridFile) => set((s) => ({ evaluate: { ...s.evaluate, gridFile } })),
      setExternalForm: (change) =>
        set((s) => ({
          evaluate: { ...s.evaluate, externalForm: { ...s.evaluate.externalForm, ...change } },
        })),
      pickForGrid: (baseline, runId) =>
        set((s) => ({
          evaluate: { ...s.evaluate, gridPicks: { ...s.evaluate.gridPicks, [baseline]: runId } },
        })),
      forgot: (job, id) => {
        setList(job, (l) => l.filter((k) => k.id !== id));
        // The table shown goes with it (another kept one is shown only when picked).
        patch(job, (j) => (j.shownId === id && j.status !== 'running' ? showing(undefined) : {}));
      },
    },
  };
};
