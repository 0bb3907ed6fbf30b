import type { TaskKind } from '../../../core/tasks/types';
import type { RunSummary } from '../../../protocol/training';

/** Run A's final reward on a kind minus run B's, with the error of that difference. */
export interface FinalDifference {
  a: number;
  b: number;
  diff: number;
  /**
   * sqrt(seA² + seB²): the two runs' test tasks taken as independent draws (unpaired, so at
   * least as wide as a paired error over the same tasks). Null when either run lacks its error.
   */
  stdErr: number | null;
}

/** A's final reward on `kind` minus B's, or null unless both runs have one. */
export function finalDifference(
  a: RunSummary,
  b: RunSummary,
  kind: TaskKind,
): FinalDifference | null {
  const [ra, rb] = [a.finalRewards[kind], b.finalRewards[kind]];
  if (ra === undefined || rb === undefined) return null;
  const [ea, eb] = [a.finalStdErr?.[kind]?.stdErr, b.finalStdErr?.[kind]?.stdErr];
  const stdErr = ea === undefined || eb === undefined ? null : Math.hypot(ea, eb);
  return { a: ra, b: rb, diff: ra - rb, stdErr };
}

/** `+0.012` or `-0.034` (a difference always shows its sign). */
export const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;

/** The hover text of a difference: both scores, the difference, and how clear it is. */
export function differenceTitle(a: string, b: string, d: FinalDifference): string {
  const scores = `${a} ${d.a.toFixed(3)} − ${b} ${d.b.toFixed(3)} = ${signed(d.diff)}`;
  if (d.stdErr === null) return `${scores} (no standard error recorded for one of the runs)`;
  const clear = Math.abs(d.diff) > 2 * d.stdErr;
  return `${scores} ± ${d.stdErr.toFixed(3)}, unpaired standard error: ${
    clear ? 'more than two errors from 0' : 'within two errors of 0, so not told apart'
  }`;
}
