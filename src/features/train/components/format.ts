/** Number and duration formats shared by the Train components. */
import { advantageOf, groupStats } from '../../../protocol/advantage';

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
