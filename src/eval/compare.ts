import { standardError, type KindScore } from './evaluate';

/** A difference of two mean rewards and its standard error. */
export interface Difference {
  diff: number;
  /** NaN when unknown (a single task, or summaries without errors). */
  stdErr: number;
  /** Tasks the difference is taken over (both scored them, when paired). */
  tasks: number;
  paired: boolean;
}

/**
 * Mean of `a` minus mean of `b` over the tasks both scored, with the standard error of that
 * paired difference (the std of the per-task differences over the square root of their
 * number). Two policies evaluated on the same tasks share each task's difficulty, so this error
 * is smaller than that of two separate means. Null when no task was scored by both.
 */
export function pairedDifference(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): Difference | null {
  const diffs = Object.keys(a)
    .filter((id) => id in b)
    .map((id) => a[id]! - b[id]!);
  if (diffs.length === 0) return null;
  return {
    diff: diffs.reduce((s, d) => s + d, 0) / diffs.length,
    stdErr: standardError(diffs),
    tasks: diffs.length,
    paired: true,
  };
}

/**
 * `a` minus `b` from their summaries alone (no task scores to pair), the errors combined as
 * independent. Null when either lacks its standard error.
 */
export function unpairedDifference(a: KindScore, b: KindScore): Difference | null {
  if (a.stdErr === undefined || b.stdErr === undefined) return null;
  return {
    diff: a.meanReward - b.meanReward,
    stdErr: Math.hypot(a.stdErr, b.stdErr),
    tasks: Math.min(a.tasks, b.tasks),
    paired: false,
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
