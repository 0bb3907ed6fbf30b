import type { StateCreator } from 'zustand';
import type {
  ConfigEvent,
  EvalRecord,
  RunSummary,
  StepPoint,
  TrainEvent,
} from '../protocol/training';
import { finalScores, isGoing } from '../protocol/training';
import type { EpisodeBatch } from '../protocol/episodes';
import { viewKey, type EpisodesView } from '../protocol/episodeView';
import type { AppState } from './store';

/** A run's curves as the charts read them. */
export interface RunSeries {
  points: { step: number; elapsedMs: number; point: StepPoint }[];
  evals: EvalRecord[];
  events: ConfigEvent[];
}

export interface LiveInfo {
  phase: string | null;
  /** The phase as the worker named it (`eval`, `rl`, ...) with its detail: what Stop waits for. */
  stage: { phase: string; detail?: string } | null;
  progress: { stage: string; done: number; total: number } | null;
  lastCheckpoint: number | null;
}

const PHASE_WORDS: Record<string, string> = {
  'warm-start': 'warm start (cloning oracle answers)',
  rl: 'GRPO steps',
  eval: 'evaluating',
  done: 'done',
};

/** What a run is doing, in words: `evaluating val at step 20`, `GRPO steps`. */
export function phaseLabel(phase: string, detail?: string): string {
  const words = PHASE_WORDS[phase] ?? phase;
  return detail ? `${words} ${detail}` : words;
}

/**
 * How the runs table is shown: its filter and sort column (the Train page reads the column's
 * key), kept while the app is open so leaving the page does not lose them.
 */
export interface RunsTableView {
  query: string;
  sort: { key: string; desc: boolean };
}

/** A message from the runs panel: an error (`role=alert`) or what was done (`role=status`). */
export interface RunsOutcome {
  kind: 'error' | 'done';
  text: string;
}

/** A run's control that takes the focus once shown. */
export interface FocusControl {
  runId: string;
  control: 'pause' | 'resume';
}

export interface TrainState {
  runs: RunSummary[];
  runsView: RunsTableView;
  /** Whether the stored runs have been read (until then an empty list means "not yet"). */
  runsLoaded: boolean;
  series: Record<string, RunSeries>;
  live: Record<string, LiveInfo>;
  /** The run shown in the progress panel. */
  focusId: string | null;
  /** Runs asked to stop that have not ended yet (Stop waits for the work under way). */
  stopping: string[];
  /**
   * A run control to take the keyboard's focus once shown, when its run is open: Pause of a
   * run started from the form (the form, disabled while the run goes, loses it), Resume of an
   * interrupted run opened from the banner (its button goes once the run is open).
   */
  focusControl: FocusControl | null;
  /** Counts focus changes that should bring the run into view (opened, imported, started). */
  revealFocus: number;
  /** Runs overlaid on the charts. */
  compare: string[];
  error: string | null;
  notice: string | null;
  /**
   * What the last action in the runs panel came to (an import, a refused delete): shown there,
   * beside the button that was pressed, and replaced by the next one.
   */
  runsOutcome: RunsOutcome | null;
  /** The runs found interrupted when the page loaded: said above the charts while any still is. */
  interruptedIds: string[];
  /** Runs another tab of this browser was training when this one opened (runLocks.ts). */
  trainingElsewhere: string[];
  /** The origin's storage use, as last estimated (null until known). */
  storage: { usage: number | null; quota: number | null } | null;
  /** Whether the storage panel is open. */
  storageOpen: boolean;
  /** Counts removals of stored episodes (pruning): readers of episodes read again when it moves. */
  episodesRevision: number;
  /** A batch of stored episodes asked for from elsewhere (a click on a validation point). */
  episodeRequest: { runId: string; batch: EpisodeBatch } | null;
  /**
   * The charts' sections open, and what the episodes section shows of which run: kept while the
   * app is open, so leaving the page and coming back (Back) finds them as they were.
   */
  sections: { signals: boolean; episodes: boolean };
  episodesView: { runId: string; view: EpisodesView } | null;
}

export interface TrainSlice {
  train: TrainState;
  trainActions: {
    setRuns: (runs: RunSummary[]) => void;
    setRunsView: (view: RunsTableView) => void;
    setSeries: (runId: string, series: RunSeries) => void;
    applyEvents: (events: TrainEvent[]) => void;
    /** Shows a run in the progress panel; `reveal` also scrolls it into view. */
    focus: (runId: string | null, reveal?: boolean) => void;
    /**
     * Marks a run asked to stop (cleared once it has ended), or, with `false`, not stopping after
     * all (asking it failed: it goes on).
     */
    markStopping: (runId: string, stopping?: boolean) => void;
    setFocusControl: (target: FocusControl | null) => void;
    toggleCompare: (runId: string) => void;
    setCompare: (ids: string[]) => void;
    setError: (error: string | null) => void;
    setNotice: (notice: string | null) => void;
    setRunsOutcome: (outcome: RunsOutcome | null) => void;
    setInterrupted: (ids: string[]) => void;
    setTrainingElsewhere: (ids: string[]) => void;
    forget: (runId: string) => void;
    setStorage: (storage: TrainState['storage']) => void;
    showStorage: (open: boolean) => void;
    episodesChanged: () => void;
    requestEpisodes: (request: TrainState['episodeRequest']) => void;
    openSection: (section: keyof TrainState['sections'], open: boolean) => void;
    /** Keeps what a run's episodes section shows (no change when it is the same). */
    keepEpisodesView: (runId: string, view: EpisodesView) => void;
  };
}

export const initialTrainState: TrainState = {
  runs: [],
  runsView: { query: '', sort: { key: 'stored', desc: false } },
  runsLoaded: false,
  series: {},
  live: {},
  focusId: null,
  stopping: [],
  focusControl: null,
  revealFocus: 0,
  compare: [],
  error: null,
  notice: null,
  runsOutcome: null,
  interruptedIds: [],
  trainingElsewhere: [],
  storage: null,
  storageOpen: false,
  sections: { signals: false, episodes: false },
  episodesView: null,
  episodesRevision: 0,
  episodeRequest: null,
};

const emptySeries = (): RunSeries => ({ points: [], evals: [], events: [] });
const emptyLive = (): LiveInfo => ({
  phase: null,
  stage: null,
  progress: null,
  lastCheckpoint: null,
});

/** The runs still stopping among `stopping`: those listed and going. */
const stillStopping = (stopping: string[], runs: readonly RunSummary[]): string[] =>
  stopping.length === 0
    ? stopping
    : stopping.filter((id) => runs.some((r) => r.id === id && isGoing(r.status)));

/** Folds a batch of worker events into the state in one update (one redraw per batch). */
export function reduceEvents(state: TrainState, events: readonly TrainEvent[]): TrainState {
  const series = { ...state.series };
  const live = { ...state.live };
  let runs = state.runs;
  const touch = (id: string): { s: RunSeries; l: LiveInfo } => {
    const s = (series[id] = { ...(series[id] ?? emptySeries()) });
    const l = (live[id] = { ...(live[id] ?? emptyLive()) });
    return { s, l };
  };
  const patchRun = (id: string, patch: Partial<RunSummary>): void => {
    runs = runs.map((r) => (r.id === id ? { ...r, ...patch } : r));
  };
  for (const e of events) {
    const { s, l } = touch(e.runId);
    switch (e.type) {
      case 'step': {
        // Steps arrive in order; only a step at or before the last one (a replay that no
        // 'resumed' event announced) makes the list drop the points it repeats.
        const last = s.points.at(-1);
        const kept =
          last && last.step >= e.point.step
            ? s.points.filter((p) => p.step < e.point.step)
            : s.points;
        s.points = [...kept, { step: e.point.step, elapsedMs: e.elapsedMs, point: e.point }];
        patchRun(e.runId, { step: e.point.step + 1, elapsedMs: e.elapsedMs });
        break;
      }
      case 'eval':
        s.evals = [...s.evals, e.record];
        if (e.record.split === 'test') patchRun(e.runId, finalScores(e.record.bySkill));
        break;
      case 'config':
        // A change replaced one at its step and any pending after it (the worker stores the last).
        s.events = [...s.events.filter((x) => x.step < e.event.step), e.event];
        break;
      case 'status':
        patchRun(e.runId, {
          status: e.status,
          ...(e.message !== undefined ? { message: e.message } : {}),
        });
        if (e.status !== 'preparing') l.progress = null;
        // A new session (a resume): what an earlier one was doing is over.
        else l.stage = l.phase = null;
        break;
      case 'phase':
        l.phase = phaseLabel(e.phase, e.detail);
        l.stage = { phase: e.phase, ...(e.detail ? { detail: e.detail } : {}) };
        break;
      case 'progress':
        l.progress = { stage: e.stage, done: e.done, total: e.total };
        break;
      case 'resumed':
        s.points = s.points.filter((p) => p.step < e.step);
        s.evals = s.evals.filter((x) => x.step <= e.evalsThrough);
        break;
      case 'checkpoint':
        l.lastCheckpoint = e.step;
        break;
    }
  }
  return { ...state, runs, series, live, stopping: stillStopping(state.stopping, runs) };
}

export const createTrainSlice: StateCreator<AppState, [], [], TrainSlice> = (set) => {
  const patch = (p: Partial<TrainState>): void => set((s) => ({ train: { ...s.train, ...p } }));
  return {
    train: initialTrainState,
    trainActions: {
      setRuns: (runs) =>
        set((s) => ({
          train: {
            ...s.train,
            runs,
            runsLoaded: true,
            stopping: stillStopping(s.train.stopping, runs),
          },
        })),
      setRunsView: (runsView) => patch({ runsView }),
      setSeries: (runId, value) =>
        set((s) => ({ train: { ...s.train, series: { ...s.train.series, [runId]: value } } })),
      applyEvents: (events) => set((s) => ({ train: reduceEvents(s.train, events) })),
      focus: (focusId, reveal = false) =>
        set((s) => ({
          train: {
            ...s.train,
            focusId,
            revealFocus: s.train.revealFocus + (reveal ? 1 : 0),
          },
        })),
      markStopping: (runId, stopping = true) =>
        set((s) => {
          const others = s.train.stopping.filter((id) => id !== runId);
          return {
            train: {
              ...s.train,
              stopping: stillStopping(stopping ? [...others, runId] : others, s.train.runs),
            },
          };
        }),
      setFocusControl: (focusControl) => patch({ focusControl }),
      toggleCompare: (runId) =>
        set((s) => {
          const has = s.train.compare.includes(runId);
          const compare = has
            ? s.train.compare.filter((id) => id !== runId)
            : [...s.train.compare, runId];
          return { train: { ...s.train, compare } };
        }),
      setCompare: (compare) => patch({ compare }),
      setError: (error) => patch({ error }),
      setNotice: (notice) => patch({ notice }),
      setRunsOutcome: (runsOutcome) => patch({ runsOutcome }),
      setInterrupted: (interruptedIds) => patch({ interruptedIds }),
      setTrainingElsewhere: (trainingElsewhere) => patch({ trainingElsewhere }),
      setStorage: (storage) => patch({ storage }),
      showStorage: (storageOpen) => patch({ storageOpen }),
      episodesChanged: () =>
        set((s) => ({ train: { ...s.train, episodesRevision: s.train.episodesRevision + 1 } })),
      requestEpisodes: (episodeRequest) => patch({ episodeRequest }),
      openSection: (section, open) =>
        set((s) =>
          s.train.sections[section] === open
            ? s
            : { train: { ...s.train, sections: { ...s.train.sections, [section]: open } } },
        ),
      keepEpisodesView: (runId, view) =>
        set((s) => {
          const kept = s.train.episodesView;
          if (kept?.runId === runId && viewKey(kept.view) === viewKey(view)) return s;
          return { train: { ...s.train, episodesView: { runId, view } } };
        }),
      forget: (runId) =>
        set((s) => {
          const series = { ...s.train.series };
          delete series[runId];
          return {
            train: {
              ...s.train,
              series,
              runs: s.train.runs.filter((r) => r.id !== runId),
              compare: s.train.compare.filter((id) => id !== runId),
              focusId: s.train.focusId === runId ? null : s.train.focusId,
            },
          };
        }),
    },
  };
};

/** The runs found interrupted at load that still are (not resumed, ended or deleted since). */
export const stillInterrupted = (
  runs: TrainState['runs'],
  interruptedIds: TrainState['interruptedIds'],
): TrainState['runs'] =>
  runs.filter((r) => r.status === 'interrupted' && interruptedIds.includes(r.id));

/** What the banner above the charts says of them, or null when none is left. */
export function interruptedNotice(count: number): string | null {
  if (count === 0) return null;
  return `${count} run${count > 1 ? 's were' : ' was'} interrupted by a reload or a closed tab; resume continues from the last checkpoint.`;
}
