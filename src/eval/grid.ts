// The paper's grid of test scores (`lab experiment` writes it as results.json; the Evaluate page
// lays the browser's runs out the same way), and the comparisons its tables make.
import { ATOMIC_SKILLS, KIND_LABELS, TASK_KINDS, type TaskKind } from '../core/tasks/types';
import type { TrainConfig } from '../rl/config';
import {
  clusteredStdErr,
  meanOfEstimates,
  pairedDifference,
  projectCluster,
  taskDifferences,
  unpairedDifference,
  type Difference,
} from './compare';
import type { KindScore, PerTaskScores } from './evaluate';
import { isFiniteNumber, isRecord } from '../core/guards';

/** A run's test scores, per task kind. */
export type Scores = Partial<Record<TaskKind, KindScore>>;

/**
 * Which tasks a run had: how many of each split, and a digest of their ids in order. Two builds
 * of one suite under one cache key should give the same tasks; if they did not (a task validated
 * once and timed out the next), a resumed run or an experiment's later runs would train on other
 * tasks than its first, and this tells.
 */
export interface SuiteTasks {
  train: number;
  val: number;
  test: number;
  /** The first 16 hex digits of the SHA-256 of every task's split and id, in order. */
  digest: string;
}

/** What `lab experiment` writes to results.json: each baseline's test scores, and how they were trained. */
export interface GridResult {
  base: string;
  seed: number;
  backend: string;
  /** The whole base config every baseline was derived from (absent in older results). */
  config?: TrainConfig;
  /** Which tasks: the built-in suite's seed, or the suite file (absent in older results). */
  suite?: string;
  /** The warm-start directory every RL baseline forked from (absent in older results). */
  warmStart?: string;
  /**
   * What that warm start is, wherever it lies now: the first 16 hex digits of its
   * checkpoint.json's SHA-256 (absent in older results).
   */
  warmStartDigest?: string;
  /** Which tasks the suite gave its runs (absent in older results). */
  tasks?: SuiteTasks;
  /** Test-split scores per baseline name. */
  runs: Record<
    string,
    {
      scores: Scores;
      /** Each test task's score (absent for runs that did not keep them). */
      perTask?: PerTaskScores | undefined;
      seconds: number;
      steps: number;
      reusedFrom?: string;
      /** The skills its warm start covered (absent: not recorded; see `sharedWarmStart`). */
      warmStartKinds?: TaskKind[];
      /** The kinds its RL trained on (absent: not recorded; see `trainedOn`). */
      trainKinds?: TaskKind[];
      /** The build of the code that made and graded it (absent in older results). */
      buildId?: string;
    }
  >;
}

/**
 * A note when a grid's runs were made by more than one build of the code (an experiment added
 * to with --force after the code changed): a change to the tasks or their grading between them
 * would show as a difference in the table. Null when they share one (or did not record it).
 */
export function buildsNote(result: GridResult): string | null {
  const byBuild = new Map<string, string[]>();
  for (const [name, run] of Object.entries(result.runs))
    if (run.buildId) byBuild.set(run.buildId, [...(byBuild.get(run.buildId) ?? []), name]);
  if (byBuild.size < 2) return null;
  const builds = [...byBuild].map(([id, names]) => `build ${id}: ${names.join(', ')}`);
  return `these runs were made by ${byBuild.size} builds of the code (${builds.join('; ')}): a change to the tasks or their grading between them shows as a difference here`;
}

/** The paper grid's baselines by the names its runs take (the default recipe's). */
export const PAPER_COLUMNS = {
  untrained: 'untrained',
  warm: 'warm-start',
  joint: 'joint-rl',
  compositeOnly: 'composite-only',
} as const;
/** The single-skill run of a skill in the paper's grid. */
export const singleRunName = (skill: TaskKind): string => `single-${skill}`;

/** A mean and its standard error (NaN when unknown). */
export interface Estimate {
  value: number;
  stdErr: number;
}

/** A mean difference over the five skills, with its error by project too (NaN when unknown). */
export interface MeanDifference extends Estimate {
  byProject: number;
  /** How many of the five skills' differences are paired over tasks (the others unpaired). */
  pairedSkills: number;
}

/** A run's name for each skill: one run for all (`joint-rl`), or one per skill (`single-<skill>`). */
export type RunFor = (skill: TaskKind) => string;

/** One run's mean score over the five skills, or null unless it scored all five. */
export function meanScore(result: GridResult, name: string): Estimate | null {
  const parts = ATOMIC_SKILLS.map((k) => result.runs[name]?.scores[k]);
  if (!parts.every((p) => p !== undefined)) return null;
  return meanOfEstimates(
    parts.map((p) => ({ value: p.meanReward, stdErr: p.stdErr ?? Number.NaN })),
  )!;
}

/**
 * The by-project error of the mean over the five skills of run `a` minus run `b`, from every
 * task's paired difference (the skills share the test split's projects, so they are not
 * independent either). NaN unless both runs kept every skill's task scores.
 */
function meanDifferenceByProject(result: GridResult, a: RunFor, b: RunFor): number {
  const groups = ATOMIC_SKILLS.map((k) => {
    const [pa, pb] = [result.runs[a(k)]?.perTask?.[k], result.runs[b(k)]?.perTask?.[k]];
    return pa && pb ? taskDifferences(pa, pb) : [];
  });
  return groups.some((g) => g.length === 0) ? Number.NaN : clusteredStdErr(groups, projectCluster);
}

/** The mean over the five skills of run `a` minus run `b`, or null unless all five exist. */
export function meanDifference(result: GridResult, a: RunFor, b: RunFor): MeanDifference | null {
  const diffs = ATOMIC_SKILLS.map((k) => difference(result, a(k), b(k), k));
  if (!diffs.every((d) => d !== null)) return null;
  const m = meanOfEstimates(diffs.map((d) => ({ value: d.diff, stdErr: d.stdErr })))!;
  return {
    ...m,
    byProject: meanDifferenceByProject(result, a, b),
    pairedSkills: diffs.filter((d) => d.paired).length,
  };
}

/** Run `a`'s score on `kind` minus run `b`'s: paired over tasks when both kept them. */
export function difference(
  result: GridResult,
  a: string,
  b: string,
  kind: TaskKind,
): Difference | null {
  const [ra, rb] = [result.runs[a], result.runs[b]];
  const [sa, sb] = [ra?.scores[kind], rb?.scores[kind]];
  if (!sa || !sb) return null;
  const [pa, pb] = [ra?.perTask?.[kind], rb?.perTask?.[kind]];
  return (
    (pa && pb ? pairedDifference(pa, pb) : null) ??
    unpairedDifference(sa, sb) ?? {
      diff: sa.meanReward - sb.meanReward,
      stdErr: Number.NaN,
      byProject: Number.NaN,
      tasks: Math.min(sa.tasks, sb.tasks),
      paired: false,
    }
  );
}

/** Joint RL's gain over the warm start: relative, or absolute when the warm start scored 0. */
export type Gain = { relative: number } | { absolute: number };

/** One row of the paper's table: a task kind's score under each baseline. */
export interface PaperRow {
  kind: TaskKind;
  untrained?: KindScore;
  warm?: KindScore;
  joint?: KindScore;
  /** The single-skill run on this row's own skill (atomic skills only). */
  single?: KindScore;
  compositeOnly?: KindScore;
  /** Joint RL minus that single-skill run (atomic skills only; null without both). */
  jointMinusSingle?: Difference | null;
  /** Whether that single-skill run shares the grid's warm start (see `sharedWarmStart`). */
  singleSharedWarmStart?: boolean | null;
  gain: Gain | null;
}

/** The paper's table: a row per task kind, and the means over the five skills. */
export interface PaperGrid {
  rows: PaperRow[];
  mean: {
    untrained: Estimate | null;
    warm: Estimate | null;
    joint: Estimate | null;
    compositeOnly: Estimate | null;
    /** Joint RL minus the warm start, over the five skills (absolute). */
    gain: MeanDifference | null;
  };
}

/**
 * The paper-style table: rows are the five skills and five composite tasks; columns untrained,
 * warm start, joint RL, single-skill RL on the row's own skill, composite-only, joint RL minus
 * that single-skill run, and the gain of joint RL over warm start.
 */
export function paperGrid(result: GridResult): PaperGrid {
  const score = (name: string, kind: TaskKind) => result.runs[name]?.scores[kind];
  const rows = TASK_KINDS.map((kind): PaperRow => {
    const warm = score(PAPER_COLUMNS.warm, kind);
    const joint = score(PAPER_COLUMNS.joint, kind);
    const atomic = (ATOMIC_SKILLS as readonly string[]).includes(kind);
    const gain: Gain | null =
      warm && joint
        ? warm.meanReward > 0
          ? { relative: (joint.meanReward - warm.meanReward) / warm.meanReward }
          : { absolute: joint.meanReward - warm.meanReward }
        : null;
    const row: PaperRow = { kind, gain };
    const set = (key: 'untrained' | 'warm' | 'joint' | 'single' | 'compositeOnly', s?: KindScore) =>
      s && (row[key] = s);
    set('untrained', score(PAPER_COLUMNS.untrained, kind));
    set('warm', warm);
    set('joint', joint);
    set('compositeOnly', score(PAPER_COLUMNS.compositeOnly, kind));
    if (atomic) {
      set('single', score(singleRunName(kind), kind));
      row.jointMinusSingle = difference(result, PAPER_COLUMNS.joint, singleRunName(kind), kind);
      if (result.runs[singleRunName(kind)])
        row.singleSharedWarmStart = sharedWarmStart(result, singleRunName(kind));
    }
    return row;
  });
  return {
    rows,
    mean: {
      untrained: meanScore(result, PAPER_COLUMNS.untrained),
      warm: meanScore(result, PAPER_COLUMNS.warm),
      joint: meanScore(result, PAPER_COLUMNS.joint),
      compositeOnly: meanScore(result, PAPER_COLUMNS.compositeOnly),
      gain: meanDifference(
        result,
        () => PAPER_COLUMNS.joint,
        () => PAPER_COLUMNS.warm,
      ),
    },
  };
}

/** The paper grid's runs in the order of its columns, with a label each. */
export const PAPER_BASELINES: readonly { name: string; label: string }[] = [
  { name: PAPER_COLUMNS.untrained, label: 'Untrained' },
  { name: PAPER_COLUMNS.warm, label: 'Warm start' },
  { name: PAPER_COLUMNS.joint, label: 'Joint RL' },
  ...ATOMIC_SKILLS.map((skill) => ({
    name: singleRunName(skill),
    label: `Single-skill RL: ${KIND_LABELS[skill]}`,
  })),
  { name: PAPER_COLUMNS.compositeOnly, label: 'Composite-only RL' },
];

/** A results.json that is not one: says where, what is wrong, and what was expected. */
export class GridResultError extends Error {
  override name = 'GridResultError';
}

/** A kind-keyed record's entries, refusing keys that are not task kinds. */
function kindEntries(value: unknown, where: string): [TaskKind, unknown][] {
  if (!isRecord(value)) throw new GridResultError(`${where} must be an object keyed by task kind.`);
  return Object.entries(value).map(([key, v]) => {
    if (!(TASK_KINDS as readonly string[]).includes(key))
      throw new GridResultError(
        `${where} has "${key}", which is not a task kind (${TASK_KINDS.join(', ')}).`,
      );
    return [key as TaskKind, v];
  });
}

/** A reward: every episode's is 0 or 1, so a mean of them lies in [0, 1]. */
const isReward = (x: unknown): boolean => isFiniteNumber(x) && x >= 0 && x <= 1;

function readScore(value: unknown, where: string): KindScore {
  if (!isRecord(value) || !isFiniteNumber(value.meanReward) || !isFiniteNumber(value.tasks))
    throw new GridResultError(`${where} must hold a number "meanReward" and a number "tasks".`);
  if (!isReward(value.meanReward))
    throw new GridResultError(
      `${where}.meanReward is ${value.meanReward}: a mean reward lies between 0 and 1.`,
    );
  if (!Number.isInteger(value.tasks) || value.tasks < 1)
    throw new GridResultError(
      `${where}.tasks is ${value.tasks}: a score is over a whole number of tasks, at least 1.`,
    );
  if (value.stdErr !== undefined && !(isFiniteNumber(value.stdErr) && value.stdErr >= 0))
    throw new GridResultError(`${where}.stdErr must be a number of at least 0 when given.`);
  return {
    tasks: value.tasks,
    meanReward: value.meanReward,
    ...(value.stdErr !== undefined ? { stdErr: value.stdErr } : {}),
  };
}

function readPerTask(value: unknown, where: string): PerTaskScores {
  const perTask: PerTaskScores = {};
  for (const [kind, tasks] of kindEntries(value, where)) {
    if (!isRecord(tasks) || !Object.values(tasks).every(isReward))
      throw new GridResultError(
        `${where}.${kind} must map each task id to its score (a number between 0 and 1).`,
      );
    perTask[kind] = tasks as Record<string, number>;
  }
  return perTask;
}

/**
 * A results.json (`lab experiment`'s) read from its parsed JSON, checked field by field: the
 * scores the tables use, and what says how the runs were made. Throws a GridResultError naming
 * the first field that is wrong.
 */
export function readGridResult(value: unknown): GridResult {
  const where = 'results.json';
  if (!isRecord(value) || !isRecord(value.runs))
    throw new GridResultError(`${where} must be an object with "runs".`);
  const runs: GridResult['runs'] = {};
  for (const [name, run] of Object.entries(value.runs)) {
    const at = `${where}: runs["${name}"]`;
    if (!isRecord(run)) throw new GridResultError(`${at} must be an object.`);
    const scores: Scores = {};
    for (const [kind, score] of kindEntries(run.scores, `${at}.scores`))
      scores[kind] = readScore(score, `${at}.scores.${kind}`);
    runs[name] = {
      scores,
      seconds: isFiniteNumber(run.seconds) ? run.seconds : 0,
      steps: isFiniteNumber(run.steps) ? run.steps : 0,
      ...(run.perTask !== undefined ? { perTask: readPerTask(run.perTask, `${at}.perTask`) } : {}),
      ...(typeof run.reusedFrom === 'string' ? { reusedFrom: run.reusedFrom } : {}),
      ...(Array.isArray(run.warmStartKinds) &&
      run.warmStartKinds.every((k) => (TASK_KINDS as readonly unknown[]).includes(k))
        ? { warmStartKinds: run.warmStartKinds as TaskKind[] }
        : {}),
      ...(Array.isArray(run.trainKinds) &&
      run.trainKinds.every((k) => (TASK_KINDS as readonly unknown[]).includes(k))
        ? { trainKinds: run.trainKinds as TaskKind[] }
        : {}),
    };
  }
  if (Object.keys(runs).length === 0) throw new GridResultError(`${where} has no runs.`);
  return {
    base: typeof value.base === 'string' ? value.base : '',
    seed: isFiniteNumber(value.seed) ? value.seed : 0,
    backend: typeof value.backend === 'string' ? value.backend : '',
    ...(typeof value.suite === 'string' ? { suite: value.suite } : {}),
    ...(typeof value.warmStart === 'string' ? { warmStart: value.warmStart } : {}),
    runs,
  };
}

/**
 * Whether run `name` started from the same warm start as the grid's warm-start run: always in a
 * `lab experiment` grid (every RL run forks from its warm start, recorded in `warmStart`);
 * otherwise when both runs' warm starts covered the same skills (null when either is not
 * recorded).
 */
export function sharedWarmStart(result: GridResult, name: string): boolean | null {
  if (result.warmStart !== undefined) return true;
  const [mine, warm] = [
    result.runs[name]?.warmStartKinds,
    result.runs[PAPER_COLUMNS.warm]?.warmStartKinds,
  ];
  if (!mine || !warm) return null;
  return mine.length === warm.length && mine.every((k) => warm.includes(k));
}
