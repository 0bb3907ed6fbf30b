import type { TaskKind } from '../../../core/tasks/types';
import { meanOfEstimates, pairedMean } from '../../../eval/stats';
import type { PerTaskScores } from '../../../eval/stats';
import type { RunSummary } from '../../../protocol/training';
import { plural } from '../../../protocol/plural';

/** Run A's final reward on a kind minus run B's, with the error of that difference. */
export interface FinalDifference {
  a: number;
  b: number;
  diff: number;
  /** Null when it cannot be told (a run lacks its error, or one task each). */
  stdErr: number | null;
  /**
   * Paired over `tasks`, the test tasks both runs answered (both runs were tested on the same
   * tasks, so each task's difficulty cancels out); otherwise sqrt(seA² + seB²), the runs' test
   * tasks taken as independent draws, with why they could not be paired.
   */
  pairing: { paired: true; tasks: number } | { paired: false; why: string };
}

/**
 * A run's per-task test scores of `kind` when they are the ones behind its final reward: as
 * many tasks as its error was taken over, with the same mean. (A run still going shows its
 * latest validation; a run whose test answers were dropped has none.)
 */
function scoresBehindFinal(
  run: RunSummary,
  kind: TaskKind,
  scores: PerTaskScores | undefined,
): Record<string, number> | null {
  const tasks = scores?.[kind];
  const final = run.finalRewards[kind];
  if (!tasks || final === undefined) return null;
  const values = Object.values(tasks);
  const count = run.finalStdErr?.[kind]?.tasks;
  if (values.length === 0 || (count !== undefined && count !== values.length)) return null;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.abs(mean - final) < 1e-9 ? tasks : null;
}

const sameTasks = (x: Record<string, number>, y: Record<string, number>): boolean => {
  const ids = Object.keys(x);
  return ids.length === Object.keys(y).length && ids.every((id) => id in y);
};

/**
 * A's final reward on `kind` minus B's, or null unless both runs have one. Paired over the
 * test tasks when both runs' per-task scores are given and were tested on the same tasks.
 */
export function finalDifference(
  a: RunSummary,
  b: RunSummary,
  kind: TaskKind,
  scores: { a?: PerTaskScores; b?: PerTaskScores } = {},
): FinalDifference | null {
  const [ra, rb] = [a.finalRewards[kind], b.finalRewards[kind]];
  if (ra === undefined || rb === undefined) return null;
  const base = { a: ra, b: rb, diff: ra - rb };
  const [ta, tb] = [scoresBehindFinal(a, kind, scores.a), scoresBehindFinal(b, kind, scores.b)];
  if (ta && tb && sameTasks(ta, tb)) {
    const paired = pairedMean(ta, tb);
    if (paired) {
      const stdErr = Number.isNaN(paired.stdErr) ? null : paired.stdErr;
      return { ...base, stdErr, pairing: { paired: true, tasks: paired.scored.length } };
    }
  }
  const why =
    ta && tb
      ? 'the runs were tested on different tasks'
      : scores.a && scores.b
        ? 'a final reward has no stored test answers behind it'
        : 'the runs’ test answers are not at hand';
  const [ea, eb] = [a.finalStdErr?.[kind]?.stdErr, b.finalStdErr?.[kind]?.stdErr];
  const stdErr = ea === undefined || eb === undefined ? null : Math.hypot(ea, eb);
  return { ...base, stdErr, pairing: { paired: false, why } };
}

/**
 * The difference of the two runs' means over several kinds (the five skills; the composite
 * tasks both were scored on), from each kind's difference (null unless all are there): its error
 * combines theirs, and it is paired when all are.
 */
export function meanDifference(diffs: readonly (FinalDifference | null)[]): FinalDifference | null {
  const ds = diffs.filter((d): d is FinalDifference => d !== null);
  if (ds.length === 0 || ds.length !== diffs.length) return null;
  const mean = (pick: (d: FinalDifference) => number) =>
    meanOfEstimates(ds.map((d) => ({ value: pick(d), stdErr: 0 })))!.value;
  // A skill without an error leaves the mean without one (NaN through the combination).
  const diff = meanOfEstimates(ds.map((d) => ({ value: d.diff, stdErr: d.stdErr ?? Number.NaN })))!;
  const unpaired = ds.find((d) => !d.pairing.paired)?.pairing;
  const tasks = ds.reduce((n, d) => n + (d.pairing.paired ? d.pairing.tasks : 0), 0);
  return {
    a: mean((d) => d.a),
    b: mean((d) => d.b),
    diff: diff.value,
    stdErr: Number.isNaN(diff.stdErr) ? null : diff.stdErr,
    pairing: unpaired ?? { paired: true, tasks },
  };
}

/** `+0.012` or `-0.034` (a difference always shows its sign). */
export const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;

/** Whether a difference is more than two of its standard errors from 0 (false without one). */
export const clearOfZero = (d: FinalDifference): boolean =>
  d.stdErr !== null && Math.abs(d.diff) > 2 * d.stdErr;

/** What a difference's cell tells: both scores, the difference, and how clear it is. */
export function differenceTitle(a: string, b: string, d: FinalDifference): string {
  const scores = `${a} ${d.a.toFixed(3)} − ${b} ${d.b.toFixed(3)} = ${signed(d.diff)}`;
  if (d.stdErr === null)
    return `${scores} (no standard error: ${d.pairing.paired ? 'a single task' : 'a run lacks one'})`;
  const clear = clearOfZero(d);
  const kind = d.pairing.paired
    ? `standard error paired over the ${plural(d.pairing.tasks, 'test task')} both runs answered`
    : `unpaired standard error (${d.pairing.why})`;
  return `${scores} ± ${d.stdErr.toFixed(3)}, ${kind}: ${
    clear ? 'more than two errors from 0' : 'within two errors of 0, so not told apart'
  }`;
}
