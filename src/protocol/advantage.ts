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

/** Whether a group's rewards disagree, i.e. carry a reward signal. */
export const groupDisagrees = (rewards: readonly number[]): boolean =>
  rewards.some((r) => r !== rewards[0]);

/** What of a run's config decides which answers of a GRPO step enter its update. */
export interface UpdateRule {
  /** Groups whose rewards all agree are kept at advantage 0 (else left out). */
  keepFlatGroups: boolean;
  /** How many of a kept flat group's answers enter: its first ones (`flatGroupAnswers`). */
  flatAnswers: number;
  /** The groups a step plans (`tasksPerStep`); any past them are dynamic sampling's extra draws. */
  planned: number;
}

/**
 * Whether one answer of a step's group entered the update, and if not why: a group whose rewards
 * disagree enters whole; a flat one only when kept, with its first `flatAnswers` answers, and
 * never for an extra draw. The trainer (src/rl/grpo.ts) and the trace viewer both ask this.
 */
export type UpdateShare =
  { entered: true; flat: boolean } | { entered: false; why: 'flat' | 'extra-draw' | 'past-kept' };

export function updateShare(
  rewards: readonly number[],
  groupIndex: number,
  sampleIndex: number,
  rule: UpdateRule,
): UpdateShare {
  if (groupDisagrees(rewards)) return { entered: true, flat: false };
  if (!rule.keepFlatGroups) return { entered: false, why: 'flat' };
  if (groupIndex >= rule.planned) return { entered: false, why: 'extra-draw' };
  if (sampleIndex >= rule.flatAnswers) return { entered: false, why: 'past-kept' };
  return { entered: true, flat: true };
}
