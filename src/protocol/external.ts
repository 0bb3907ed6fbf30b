/**
 * Evaluating stored runs on external tasks (a HumanEvalPack-style file, or a suite file the
 * command line exported) in the trainer worker: what the Evaluate page asks, hears and gets.
 * Structured-cloneable: it crosses the worker boundary.
 */
import type { Split, TaskKind } from '../core/tasks/types';
import type { KindScore, PerTaskScores } from '../eval/evaluate';

export interface ExternalEvalRequest {
  /** The file's name (for messages) and the file, read in the worker. */
  fileName: string;
  file: Blob;
  /** Runs whose latest checkpoints answer the tasks, in the order their columns show. */
  runIds: string[];
  /** The task kinds to evaluate (none: every kind the file gives). */
  kinds: TaskKind[];
  /** A suite file's split to evaluate (absent: every split; a HumanEvalPack file has none). */
  split?: Split;
  /** Answers a task per run (Avg@k), and the seed of tasks made from records and of sampling. */
  samples: number;
  seed: number;
}

/** The most answers a task a run may give in one evaluation (Avg@k with k at most this). */
export const MAX_EXTERNAL_SAMPLES = 16;

/** What is wrong with a request's answers per task and seed, or null: the page and the worker both check. */
export function samplingProblem({
  samples,
  seed,
}: Pick<ExternalEvalRequest, 'samples' | 'seed'>): string | null {
  if (!Number.isInteger(samples) || samples < 1 || samples > MAX_EXTERNAL_SAMPLES)
    return `Answers per task must be a whole number from 1 to ${MAX_EXTERNAL_SAMPLES}.`;
  if (!Number.isInteger(seed)) return 'The seed must be a whole number.';
  return null;
}

export type ExternalEvalProgress =
  | { stage: 'tasks'; message: string }
  | { stage: 'answers'; runId: string; done: number; total: number };

export interface ExternalRunScores {
  runId: string;
  name: string;
  /** The checkpoint's step that answered. */
  step: number;
  bySkill: Partial<Record<TaskKind, KindScore>>;
  perTask: PerTaskScores;
  /** Why this run has no scores (the others' are kept). */
  error?: string;
}

export interface ExternalEvalResult {
  fileName: string;
  format: 'HumanEvalPack' | 'suite';
  /** The suite file's split evaluated (absent: every split, or a HumanEvalPack file). */
  split?: Split;
  /** Tasks evaluated per kind (valid ones of the kinds asked for). */
  tasks: Partial<Record<TaskKind, number>>;
  /** Lines that could not be read, records no task could be made from, tasks that failed validation. */
  skipped: string[];
  /** Kinds ticked that the file gives no task of (absent in results kept before it was said). */
  notGiven?: TaskKind[];
  runs: ExternalRunScores[];
  samples: number;
  seed: number;
}
