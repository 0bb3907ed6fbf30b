/**
 * Plain data about training runs, shared by the trainer worker, storage and the Train page.
 * Everything here is structured-cloneable (it crosses the worker boundary and goes to IndexedDB).
 */
import type { Split, TaskKind } from '../core/tasks/types';
import type { BackendName } from './backend';
import type { TrainConfig } from '../rl/config';
import type { SuiteSpec } from '../rl/suiteSource';

export type { TrainConfig, SuiteSpec };

/** The task kinds each split of a built suite holds (what a run on it can measure). */
export type SuiteKinds = Partial<Record<Split, TaskKind[]>>;

/** Start a new run (config given) or continue a stored one from its latest checkpoint. */
export interface StartRunRequest {
  runId: string;
  name?: string;
  tags?: string[];
  config?: TrainConfig;
  suite?: SuiteSpec;
  resume?: boolean;
}

/** One GRPO step's logged figures (src/rl/grpo.ts logs them as StepMetrics). */
export interface StepPoint {
  step: number;
  reward: Partial<Record<TaskKind, number>>;
  rewardMean: number;
  advantageMean: number;
  advantageStd: number;
  flatGroups: number;
  /**
   * Share of the step's sampled answers the decoder cut short at its step limit
   * (`model.maxActLen`) while the answer grammar allowed more: such an answer loses its last,
   * unfinished step (absent in runs recorded before this was logged).
   */
  truncated?: number;
  kl: number;
  entropy: number;
  clipFraction: number;
  gradNorm: number;
  /**
   * Teacher-forced passes the update took: 1 unless the batch outgrew one pass's rows or memory
   * and was split (absent in runs recorded before batches could be split).
   */
  passes?: number;
  loss: number;
  learningRate: number;
  episodes: number;
  /**
   * Self-imitation replay (`replayPerStep`): answers replayed in this step's update, and how
   * many tasks' best answers the run holds (absent when replay is off).
   */
  replayed?: number;
  replayHeld?: number;
  episodesPerSecond: number;
  /** Time in the model: sampling and the update. */
  modelMs: number;
  /**
   * Time the step waited on the sandbox alone. When groups are graded while the next group is
   * sampled (`overlapGrading`), this is the grading that sampling did not hide; modelMs +
   * sandboxMs is about wallMs.
   */
  sandboxMs: number;
  /**
   * Wall time during which grading was in flight, hidden behind sampling or not (absent in runs
   * recorded before grading overlapped sampling, where it equalled sandboxMs).
   */
  gradingMs?: number;
  wallMs: number;
}

/** A validation (or final test) evaluation: mean reward per task kind (Avg@k). */
export interface EvalRecord {
  step: number;
  split: 'val' | 'test';
  bySkill: Partial<Record<TaskKind, { tasks: number; meanReward: number; stdErr?: number }>>;
}

/** A run's final scores as RunSummary keeps them, from its last evaluation's `bySkill`. */
export function finalScores(
  bySkill: EvalRecord['bySkill'],
): Pick<RunSummary, 'finalRewards' | 'finalStdErr'> {
  const finalRewards: RunSummary['finalRewards'] = {};
  const finalStdErr: NonNullable<RunSummary['finalStdErr']> = {};
  for (const [k, s] of Object.entries(bySkill) as [TaskKind, EvalRecord['bySkill'][TaskKind]][]) {
    if (!s) continue;
    finalRewards[k] = s.meanReward;
    if (s.stdErr !== undefined) finalStdErr[k] = { stdErr: s.stdErr, tasks: s.tasks };
  }
  return { finalRewards, finalStdErr };
}

/** A change made while a run is going (skill-mix sliders), marked on the charts. */
export interface ConfigEvent {
  /** The step after which it took effect. */
  step: number;
  /** Wall-clock ms since the run started (for the time axis). */
  elapsedMs: number;
  mix: Partial<Record<TaskKind, number>>;
}

export const RUN_STATUSES = [
  'preparing',
  'running',
  'paused',
  'done',
  'stopped',
  'interrupted',
  'error',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** The statuses of a run that is going (one at a time; not to be deleted or started over). */
export const ACTIVE_STATUSES: readonly RunStatus[] = ['preparing', 'running', 'paused'];

/** Whether a run with this status (or none: `idle`) is going. */
export const isGoing = (status: string): boolean =>
  (ACTIVE_STATUSES as readonly string[]).includes(status);

/** What the worker reports while a run goes; delivered in batches through one callback. */
export type TrainEvent =
  | { type: 'status'; runId: string; status: RunStatus; message?: string }
  | { type: 'phase'; runId: string; phase: string; detail?: string }
  | { type: 'step'; runId: string; point: StepPoint; elapsedMs: number }
  | { type: 'eval'; runId: string; record: EvalRecord }
  | { type: 'config'; runId: string; event: ConfigEvent }
  | { type: 'checkpoint'; runId: string; step: number }
  /** A run resumes from its checkpoint at `step`: later points and evaluations after
   * `evalsThrough` were dropped (they come again). */
  | { type: 'resumed'; runId: string; step: number; evalsThrough: number }
  | { type: 'progress'; runId: string; stage: string; done: number; total: number };

export interface RunSummary {
  id: string;
  name: string;
  status: RunStatus;
  tags: string[];
  backend: BackendName | null;
  createdAt: number;
  /** Steps done so far, and planned. */
  step: number;
  steps: number;
  /** Wall time spent training (ms), summed over sessions. */
  elapsedMs: number;
  /** The last validation/test evaluation per kind. */
  finalRewards: Partial<Record<TaskKind, number>>;
  /** Standard error of each final reward over its tasks (absent for runs saved before it). */
  finalStdErr?: Partial<Record<TaskKind, { stdErr: number; tasks: number }>>;
  message?: string;
  /** Runs with the same config except the seed share a group (mean and band over seeds). */
  group?: string;
  /** The skill mix the run started with (later changes are config events). */
  mix?: Partial<Record<TaskKind, number>>;
  /** The kinds the run trains on (absent for runs saved before it was recorded). */
  trainKinds?: TaskKind[];
  /**
   * The skills its warm start cloned answers of (`warmStartKinds` in src/rl/config.ts): a run
   * forked from a grid's warm start has that one's (absent: not recorded).
   */
  warmStartKinds?: TaskKind[];
}
