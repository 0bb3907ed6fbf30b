/**
 * Stored episodes as the pages read them: the whole record (DESIGN.md, "What an episode record
 * keeps") and the one-line summary a list shows. Structured-cloneable: it crosses the worker
 * boundary and goes to IndexedDB.
 */
import type { AnswerRendering, GradingRun } from '../core/skills/types';
import type { TaskKind } from '../core/tasks/types';
import { plural } from './plural';

/** One graded episode as the trace viewer reads it. */
export interface EpisodeRecord {
  id?: number;
  runId: string;
  step: number;
  /** 'train' (a GRPO group) or the eval split it was sampled for. */
  source: 'train' | 'val' | 'test';
  groupIndex: number;
  sampleIndex: number;
  taskId: string;
  kind: TaskKind;
  split: string;
  /** The task's instruction or issue text (absent in episodes stored before it was kept), and
   * for code review the candidate patch it asks about. */
  prompt?: { title: string; body: string; patch?: string };
  answerText: string;
  /** The answer as the sandbox ran it: its edits as a unified diff, its test file (absent in
   * episodes stored before it was kept, and for answers that ran nothing). */
  rendering?: AnswerRendering;
  actions: number[];
  /** Decoded action labels (vocabulary words or pointed observation tokens). */
  actionLabels: string[];
  logProbs: number[];
  entropies: number[];
  top: { label: string; prob: number }[][];
  /**
   * The decoder reached the model's step limit before the answer was complete: the answer keeps
   * what it completed, and the last decoded tokens may begin a step it left out (absent: it
   * finished, or the episode was stored before this was kept).
   */
  truncated?: true;
  reward: number;
  valid: boolean;
  facts: string[];
  runs: GradingRun[];
  secondary: Record<string, number>;
  groupRewards: number[];
  advantage: number;
  seed: number;
}

/**
 * One batch of a run's stored episodes: the groups of a training step, or the answers of the
 * final test evaluation after `step` steps (Avg@k: a group is one task's k answers).
 */
export interface EpisodeBatch {
  source: EpisodeRecord['source'];
  step: number;
}

/** A batch in words: "step 5", "validation after 50 steps", "test evaluation after 200 steps". */
export function batchName(b: EpisodeBatch): string {
  if (b.source === 'train') return `step ${b.step}`;
  const after = `after ${plural(b.step, 'step')}`;
  return b.source === 'val' ? `validation ${after}` : `test evaluation ${after}`;
}

/** A stored episode without its trace: what a list of a step's episodes shows. */
export interface EpisodeSummary {
  id: number;
  step: number;
  source: EpisodeRecord['source'];
  kind: TaskKind;
  taskId: string;
  groupIndex: number;
  sampleIndex: number;
  reward: number;
  advantage: number;
  answerText: string;
  /** Decoded tokens, and the sum of their log-probabilities (the answer's log-likelihood). */
  tokens: number;
  logProb: number;
  /** Cut short at the decoder's step limit (see EpisodeRecord's `truncated`). */
  truncated?: true;
}

/** Most stored answers read per task for the Learn page (a train-split task's pile up). */
export const TASK_EPISODES_LIMIT = 200;

/** A stored episode's summary with the run it belongs to (a task's answers across runs). */
export type RunEpisodeSummary = EpisodeSummary & { runId: string };

export function summarizeEpisode(e: EpisodeRecord & { id: number }): EpisodeSummary {
  return {
    id: e.id,
    step: e.step,
    source: e.source,
    kind: e.kind,
    taskId: e.taskId,
    groupIndex: e.groupIndex,
    sampleIndex: e.sampleIndex,
    reward: e.reward,
    advantage: e.advantage,
    answerText: e.answerText,
    tokens: e.actions.length,
    logProb: e.logProbs.reduce((a, b) => a + b, 0),
    ...(e.truncated ? { truncated: true as const } : {}),
  };
}

/** One token of a policy's observation: its text, the vocabulary word it became, its segment. */
export interface ObservationToken {
  text: string;
  /** The model's word for it (`<unk3>`: an identifier outside the vocabulary, slot 3). */
  word: string;
  segment: string;
}

/**
 * A test file that grades a task's answers, and how it stands to the files the task shows: the
 * same file (`shown`), a file of that name that grading replaces (`replaced`), or one only
 * grading adds (`hidden`).
 */
export interface GradingTest {
  path: string;
  as: 'shown' | 'replaced' | 'hidden';
}

/** The test files that grade a task (its hidden tests), each said against the files it shows. */
export function gradingTests(
  files: Readonly<Record<string, string>>,
  tests: Readonly<Record<string, string>>,
): GradingTest[] {
  return Object.keys(tests)
    .sort()
    .map((path) => ({
      path,
      as: !(path in files) ? 'hidden' : files[path] === tests[path] ? 'shown' : 'replaced',
    }));
}

/**
 * A task's files as its policy was given them (the place the task is about, for editing and
 * unit-test generation), and the test files that grade its answers, or why the app cannot read
 * them.
 */
export type TaskFilesView =
  | {
      ok: true;
      files: Record<string, string>;
      focus?: { file: string; fn?: string; startLine?: number; endLine?: number };
      graders?: GradingTest[];
    }
  | { ok: false; reason: string };

/** What a run's policy saw of a task, rebuilt from the task and the run's vocabulary, or why not. */
export type ObservationView =
  { ok: true; tokens: ObservationToken[] } | { ok: false; reason: string };
