import { projectOfTaskId } from '../core/tasks/generate/common';
import type { KindScore } from './evaluate';
import { pairedMean, type TaskValue } from './stats';

export { meanOfEstimates, taskDifferences, type TaskValue } from './stats';

/** A difference of two mean rewards and its standard error. */
export interface Difference {
  diff: number;
  /** NaN when unknown (a single task, or summaries without errors). */
  stdErr: number;
  /**
   * The standard error with the tasks of one project taken together ({@link clusteredStdErr}):
   * tasks made from one project share its code, so they need not be independent. With a test
   * split of a few projects this estimate is itself rough. NaN when unknown.
   */
  byProject: number;
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
  const paired = pairedMean(a, b);
  if (!paired) return null;
  return {
    diff: paired.diff,
    stdErr: paired.stdErr,
    byProject: clusteredStdErr([paired.scored], projectCluster),
    tasks: paired.scored.length,
    paired: true,
  };
}

/** A built-in task's project; any other task is a cluster of its own. */
export const projectCluster = (id: string): string => projectOfTaskId(id) ?? `task:${id}`;

/**
 * Standard error of the mean over `groups` of each group's mean (one group: its plain mean),
 * with the tasks in clusters: the cluster-robust estimate G/(G-1) * sum over clusters of
 * (sum of the cluster's w_i * (x_i - mean of x_i's group))^2, where w_i = 1 / (groups * size of
 * x_i's group). With every task a cluster of its own and one group it is the usual standard
 * error. NaN with fewer than two clusters.
 */
export function clusteredStdErr(
  groups: readonly (readonly TaskValue[])[],
  clusterOf: (id: string) => string,
): number {
  const sums = new Map<string, number>();
  const live = groups.filter((g) => g.length > 0);
  for (const group of live) {
    const mean = group.reduce((s, x) => s + x.value, 0) / group.length;
    const w = 1 / (live.length * group.length);
    for (const x of group) {
      const c = clusterOf(x.id);
      sums.set(c, (sums.get(c) ?? 0) + w * (x.value - mean));
    }
  }
  const G = sums.size;
  if (G < 2) return Number.NaN;
  let total = 0;
  for (const r of sums.values()) total += r * r;
  return Math.sqrt((G / (G - 1)) * total);
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
    byProject: Number.NaN,
    tasks: Math.min(a.tasks, b.tasks),
    paired: false,
  };
}
