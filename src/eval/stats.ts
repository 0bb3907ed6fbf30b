/**
 * The statistics of scores over tasks that both the Node CLI and the app's pages use, kept free
 * of the evaluation machinery so that a page can import them alone.
 */

import { TASK_KINDS, type TaskKind } from '../core/tasks/types';

/** Task scores by kind, then by task id (a task's score: its mean reward over its answers). */
/**
 * A record by task kind in the order of TASK_KINDS (the five skills, then the composites),
 * whatever order the values were gathered in: each kind's `value`, kinds without one left out.
 */
export function inKindOrder<R>(
  value: (kind: TaskKind) => R | undefined,
): Partial<Record<TaskKind, R>> {
  const out: Partial<Record<TaskKind, R>> = {};
  for (const kind of TASK_KINDS) {
    const v = value(kind);
    if (v !== undefined) out[kind] = v;
  }
  return out;
}

export type PerTaskScores = Partial<Record<TaskKind, Record<string, number>>>;

/** Each task's score, by kind, from the graded answers of one evaluation (k answers a task). */
export function perTaskScores(
  answers: readonly { kind: TaskKind; taskId: string; reward: number }[],
): PerTaskScores {
  const rewards: Partial<Record<TaskKind, Map<string, number[]>>> = {};
  for (const { kind, taskId, reward } of answers) {
    const tasks = (rewards[kind] ??= new Map<string, number[]>());
    tasks.set(taskId, [...(tasks.get(taskId) ?? []), reward]);
  }
  const scores: PerTaskScores = {};
  for (const [kind, tasks] of Object.entries(rewards) as [TaskKind, Map<string, number[]>][])
    scores[kind] = Object.fromEntries(
      [...tasks].map(([id, rs]) => [id, rs.reduce((a, b) => a + b, 0) / rs.length]),
    );
  return scores;
}

/**
 * The sample standard deviation of `xs` over the square root of their number; NaN below two
 * values, where it is unknown (not zero).
 */
export function standardError(xs: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return Number.NaN;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  return Math.sqrt(variance / n);
}

/** A task's score difference between two runs. */
export interface TaskValue {
  id: string;
  value: number;
}

/** `a` minus `b` on every task both scored. */
export function taskDifferences(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): TaskValue[] {
  return Object.keys(a)
    .filter((id) => id in b)
    .map((id) => ({ id, value: a[id]! - b[id]! }));
}

/**
 * Mean of `a` minus mean of `b` over the tasks both scored, and the standard error of that
 * paired difference (the std of the per-task differences over the square root of their
 * number; NaN for one task). Null when no task was scored by both.
 */
export function pairedMean(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): { diff: number; stdErr: number; scored: TaskValue[] } | null {
  const scored = taskDifferences(a, b);
  if (scored.length === 0) return null;
  const diffs = scored.map((d) => d.value);
  return {
    diff: diffs.reduce((s, d) => s + d, 0) / diffs.length,
    stdErr: standardError(diffs),
    scored,
  };
}

/**
 * The mean of several independent estimates (the five skills' scores, or their differences),
 * with its standard error: sqrt(sum of squared errors) / count.
 */
export function meanOfEstimates(
  parts: readonly { value: number; stdErr: number }[],
): { value: number; stdErr: number } | null {
  if (parts.length === 0) return null;
  return {
    value: parts.reduce((s, p) => s + p.value, 0) / parts.length,
    stdErr: Math.hypot(...parts.map((p) => p.stdErr)) / parts.length,
  };
}
