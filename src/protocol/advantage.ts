/**
 * GRPO's advantage, in one place: the trainer computes it (src/rl/grpo.ts) and the trace viewer
 * says how an episode's advantage follows from its group (the Episodes page).
 */

export interface GroupStats {
  mean: number;
  /** The population standard deviation of the group's rewards. */
  std: number;
}

export function groupStats(rewards: readonly number[]): GroupStats {
  const n = rewards.length;
  const mean = rewards.reduce((s, r) => s + r, 0) / n;
  const std = Math.sqrt(rewards.reduce((s, r) => s + (r - mean) ** 2, 0) / n);
  return { mean, std };
}

/** One answer's advantage: its reward minus the group mean (over the group's std with `useStd`). */
export const advantageOf = (reward: number, group: GroupStats, useStd: boolean): number =>
  useStd ? (reward - group.mean) / (group.std + 1e-6) : reward - group.mean;

/** Each answer's advantage (see `advantageOf`). */
export function groupAdvantages(rewards: readonly number[], useStd: boolean): number[] {
  const stats = groupStats(rewards);
  return rewards.map((r) => advantageOf(r, stats, useStd));
}
