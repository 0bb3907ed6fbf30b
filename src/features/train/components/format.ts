/** Number and duration formats shared by the Train components. */
import { advantageOf, groupStats, updateShare, type UpdateRule } from '../../../protocol/advantage';
import { plural } from '../../../protocol/plural';

/** `m:ss` under an hour, else `h:mm:ss`; '–' for a missing or negative duration. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return '–';
  const total = Math.round(ms / 1000);
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** A figure with about `digits` significant digits; small and large ones in exponent form. */
export function formatValue(v: number | null | undefined, digits = 3): string {
  if (v == null || Number.isNaN(v)) return '–';
  if (v === 0 || !Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e5) return v.toExponential(digits - 1);
  return String(+v.toPrecision(digits));
}

/**
 * A probability as a percentage: one decimal below 1% and above 99.5%, none between; a
 * probability that is neither 0 nor 1 never reads as either ("<0.1%", ">99.9%").
 */
export function formatPercent(p: number): string {
  if (Number.isNaN(p)) return '–';
  if (p > 0 && p < 0.0005) return '<0.1%';
  if (p < 1 && p >= 0.9995) return '>99.9%';
  return `${(p * 100).toFixed(p >= 0.995 || p < 0.01 ? 1 : 0)}%`;
}

/**
 * How a training answer's advantage follows from its GRPO group's rewards, in words, when it is
 * one of the trainer's two forms (reward minus the group mean, or that over the group's std);
 * null when it is neither (it was trained some other way).
 */
export function advantageNote(
  reward: number,
  groupRewards: readonly number[],
  advantage: number,
): string | null {
  if (groupRewards.length === 0) return null;
  const stats = groupStats(groupRewards);
  const { mean, std } = stats;
  const m = formatValue(mean, 3);
  if (Math.abs(advantage - advantageOf(reward, stats, false)) < 1e-6)
    return `reward − group mean ${m}`;
  if (std > 0 && Math.abs(advantage - advantageOf(reward, stats, true)) < 1e-4)
    return `(reward − group mean ${m}) / group std ${formatValue(std, 3)}`;
  return null;
}

/**
 * What a training answer did in its step's update, in words, when that is not plain from its
 * advantage: a flat group's answer (every reward of its group the same) kept at advantage 0, or
 * left out (and why). Null for an answer of a group whose rewards disagree: it trained at its
 * advantage.
 */
export function updateNote(
  e: { groupIndex: number; sampleIndex: number; groupRewards: readonly number[] },
  rule: UpdateRule,
): string | null {
  const share = updateShare(e.groupRewards, e.groupIndex, e.sampleIndex, rule);
  const flat =
    'Every answer of its group got the same reward, so the group carries no reward signal';
  if (share.entered)
    return share.flat
      ? `${flat}: this run keeps such groups in the update at advantage 0 (keep flat groups), where only the KL and entropy terms act on this answer.`
      : null;
  if (share.why === 'flat')
    return `${flat}: this run leaves such groups out of the update, so this answer was not trained on.`;
  if (share.why === 'extra-draw')
    return `${flat}. It is an extra draw of dynamic sampling (group ${e.groupIndex + 1}, past the step's ${rule.planned} planned), and an extra group enters the update only when its rewards disagree: this answer was not trained on.`;
  return `${flat}: this run keeps the first ${plural(rule.flatAnswers, 'answer')} of such a group in the update at advantage 0, so this one (answer ${e.sampleIndex + 1}) was not trained on.`;
}
