/** Pure helpers that turn logged training figures into drawable series and CSV. */
import { TASK_KINDS } from '../../../core/tasks/types';
import type { EvalRecord, StepPoint } from '../../../protocol/training';

/** What the horizontal axis measures. */
export type XAxisKind = 'step' | 'episodes' | 'time';

export interface XY {
  x: number;
  y: number;
}

/** A point of a run's series: its step (for aligning runs) and where it is drawn. */
export interface StepXY extends XY {
  step: number;
}

export const MAX_SMOOTHING = 0.999;

/** A smoothing weight clamped to [0, 0.999] (NaN counts as 0). */
export const clampSmoothing = (weight: number): number =>
  weight > 0 ? Math.min(weight, MAX_SMOOTHING) : 0;

/**
 * Exponential moving average debiased like TensorBoard's: the running average starts at 0 and is
 * divided by 1 - w^n (n finite values so far), so early points are not pulled towards 0.
 * Non-finite values pass through unchanged and do not move the average.
 */
export function emaSmooth(values: readonly number[], weight: number): number[] {
  const w = clampSmoothing(weight);
  let last = 0;
  let n = 0;
  return values.map((v) => {
    if (!Number.isFinite(v)) return v;
    last = last * w + (1 - w) * v;
    n += 1;
    return last / (1 - w ** n);
  });
}

/**
 * At most `maxPoints` items, in order, for drawing: the first and last are kept, the rest is cut
 * into buckets and each bucket keeps its minimum and maximum, so spikes survive.
 */
export function downsample<T>(
  items: readonly T[],
  maxPoints: number,
  value: (item: T) => number,
): T[] {
  const n = items.length;
  if (n <= Math.max(2, maxPoints)) return items.slice();
  const first = items[0] as T;
  const last = items[n - 1] as T;
  const buckets = Math.floor((maxPoints - 2) / 2);
  if (buckets < 1) return [first, last];
  const interior = n - 2;
  const out: T[] = [first];
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * interior) / buckets);
    const end = 1 + Math.floor(((b + 1) * interior) / buckets);
    if (end <= start) continue;
    let lo = start;
    let hi = start;
    let loV = value(items[start] as T);
    let hiV = loV;
    for (let i = start + 1; i < end; i++) {
      const v = value(items[i] as T);
      if (v < loV || Number.isNaN(loV)) [lo, loV] = [i, v];
      if (v > hiV || Number.isNaN(hiV)) [hi, hiV] = [i, v];
    }
    out.push(items[Math.min(lo, hi)] as T);
    if (lo !== hi) out.push(items[Math.max(lo, hi)] as T);
  }
  out.push(last);
  return out;
}

/**
 * The x value of every point: its step, the episodes run up to and including it, or the
 * wall-clock ms since the run started (`elapsed`, one per point; else the summed step times).
 */
export function xValues(
  points: readonly StepPoint[],
  axis: XAxisKind,
  elapsed?: readonly number[],
): number[] {
  if (axis === 'step') return points.map((p) => p.step);
  let sum = 0;
  return points.map((p, i) => {
    sum += axis === 'episodes' ? p.episodes : p.wallMs;
    return axis === 'time' ? (elapsed?.[i] ?? sum) : sum;
  });
}

/**
 * Where a run that is still going will end on the x axis: its planned last step, or for
 * episodes and time the pace so far carried to the planned steps. Charts size their x axis to it
 * so the axis stays put while points arrive. Null when the run has no plan (it is not going:
 * a stopped run fits its data) or is done.
 */
export function projectedEnd(
  points: readonly StepPoint[],
  xs: readonly number[],
  plannedSteps: number | undefined,
  axis: XAxisKind,
): number | null {
  const done = points.length;
  const last = xs.at(-1);
  if (!plannedSteps || done === 0 || done >= plannedSteps || last === undefined) return null;
  return axis === 'step' ? plannedSteps : (last * plannedSteps) / done;
}

/** The x of a step that may have no point of its own (an eval, a config change): the last point at or before it. */
export function xAtStep(
  points: readonly StepPoint[],
  xs: readonly number[],
  step: number,
  axis: XAxisKind,
): number {
  if (axis === 'step') return step;
  let lo = 0;
  let hi = points.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((points[mid] as StepPoint).step <= step) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? 0 : (xs[found] as number);
}

/**
 * Points that a log scale can draw (x and/or y > 0), and how many were dropped. `low` gives the
 * lowest y a point draws (a band's lower edge); by default its y.
 */
export function logSafe<T extends XY>(
  points: readonly T[],
  logX: boolean,
  logY: boolean,
  low: (p: T) => number = (p) => p.y,
): { points: T[]; dropped: number } {
  if (!logX && !logY) return { points: points.slice(), dropped: 0 };
  const kept = points.filter((p) => (!logX || p.x > 0) && (!logY || low(p) > 0));
  return { points: kept, dropped: points.length - kept.length };
}

/** One step of several runs aggregated: mean with the min/max band, over `n` runs. */
export interface BandPoint {
  step: number;
  /** Mean x of the runs at this step (their episodes or times differ). */
  x: number;
  mean: number;
  min: number;
  max: number;
  n: number;
}

/** Mean and min/max over runs aligned by step (runs missing a step do not count there). */
export function bandOverRuns(runs: readonly (readonly StepXY[])[]): BandPoint[] {
  const acc = new Map<number, { xs: number; ys: number[] }>();
  for (const run of runs)
    for (const p of run) {
      if (!Number.isFinite(p.y)) continue;
      const a = acc.get(p.step) ?? { xs: 0, ys: [] };
      a.xs += p.x;
      a.ys.push(p.y);
      acc.set(p.step, a);
    }
  return [...acc.entries()]
    .sort(([a], [b]) => a - b)
    .map(([step, { xs, ys }]) => ({
      step,
      x: xs / ys.length,
      mean: ys.reduce((s, y) => s + y, 0) / ys.length,
      min: Math.min(...ys),
      max: Math.max(...ys),
      n: ys.length,
    }));
}

export const CSV_HEADER = 'run,step,metric,value';

/** Scalar StepPoint fields in the CSV, in this order after the per-kind rewards. */
const SCALARS = [
  'rewardMean',
  'advantageMean',
  'advantageStd',
  'flatGroups',
  'truncated',
  'kl',
  'entropy',
  'clipFraction',
  'gradNorm',
  'loss',
  'learningRate',
  'episodes',
  'replayed',
  'replayHeld',
  'episodesPerSecond',
  'modelMs',
  'sandboxMs',
  'wallMs',
] as const satisfies readonly (keyof StepPoint)[];

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Long-format CSV (`run,step,metric,value`, one line a value, ending in a newline): each step's
 * `reward.<kind>` then its scalars, and each evaluation's `<split>.reward.<kind>`, ordered by
 * step (a step's training figures before its evaluation). Non-finite values are left out.
 */
export function runToCsv(
  run: string,
  points: readonly StepPoint[],
  evals: readonly EvalRecord[],
): string {
  const rows: { step: number; metric: string; value: number }[] = [];
  for (const p of points) {
    for (const kind of TASK_KINDS) {
      const r = p.reward[kind];
      if (r !== undefined) rows.push({ step: p.step, metric: `reward.${kind}`, value: r });
    }
    // Optional fields a run did not record (replay off) are undefined: left out with the rest.
    for (const k of SCALARS) rows.push({ step: p.step, metric: k, value: p[k] ?? NaN });
  }
  for (const e of evals)
    for (const kind of TASK_KINDS) {
      const r = e.bySkill[kind];
      if (r) rows.push({ step: e.step, metric: `${e.split}.reward.${kind}`, value: r.meanReward });
    }
  rows.sort((a, b) => a.step - b.step);
  const name = csvField(run);
  const lines = rows
    .filter((r) => Number.isFinite(r.value))
    .map((r) => `${name},${r.step},${r.metric},${r.value}`);
  return [CSV_HEADER, ...lines].join('\n') + '\n';
}

/**
 * A run's episodes a second over its training so far (every step's episodes over the training
 * time, validations included), or null before its first step: what a finished run shows.
 */
export function averageEpisodesPerSecond(
  points: readonly { elapsedMs: number; point: { episodes: number } }[],
): number | null {
  const last = points.at(-1);
  if (!last || last.elapsedMs <= 0) return null;
  return points.reduce((n, p) => n + p.point.episodes, 0) / (last.elapsedMs / 1000);
}
