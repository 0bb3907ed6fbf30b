/** Series for the training-signal charts (pure). */
import type { StepPoint } from '../../../protocol/training';
import { downsample, xValues, type XAxisKind } from './series';

/** A run as the signal charts take it. */
export interface SignalRun {
  id: string;
  name: string;
  points: readonly StepPoint[];
  /** Wall-clock ms since the run started, one per point. */
  elapsed?: readonly number[];
}

export type SignalMetric =
  'kl' | 'entropy' | 'clipFraction' | 'gradNorm' | 'learningRate' | 'advantageStd';

export const SIGNALS: { metric: SignalMetric; title: string; help: string }[] = [
  {
    metric: 'kl',
    title: 'KL to reference',
    help: 'How far the policy moved from the warm-start policy.',
  },
  {
    metric: 'entropy',
    title: 'entropy',
    help: 'Mean per-token entropy of the sampled answers: falling means more certain.',
  },
  {
    metric: 'clipFraction',
    title: 'clip fraction',
    help: 'Share of tokens whose probability ratio hit the PPO clip.',
  },
  {
    metric: 'gradNorm',
    title: 'gradient norm',
    help: 'Global gradient norm before clipping to maxGradNorm.',
  },
  { metric: 'learningRate', title: 'learning rate', help: 'Warm-up, then cosine decay.' },
  {
    metric: 'advantageStd',
    title: 'advantage spread',
    help: 'Standard deviation of group advantages: near 0 means little learning signal.',
  },
];

export type SignalRow = { x: number } & Record<string, number>;

/**
 * One row per x holding `r<i>` = the metric of run i there (each run downsampled to
 * `maxPoints`, keeping extremes).
 */
export function signalRows(
  runs: readonly SignalRun[],
  metric: SignalMetric,
  axis: XAxisKind,
  maxPoints: number,
): SignalRow[] {
  const rows = new Map<number, SignalRow>();
  runs.forEach((run, i) => {
    const xs = xValues(run.points, axis, run.elapsed);
    const pts = run.points.map((p, j) => ({ x: xs[j] as number, y: p[metric] }));
    for (const p of downsample(pts, maxPoints, (q) => q.y)) {
      if (!Number.isFinite(p.y)) continue;
      const row = rows.get(p.x) ?? { x: p.x };
      row[`r${i}`] = p.y;
      rows.set(p.x, row);
    }
  });
  return [...rows.values()].sort((a, b) => a.x - b.x);
}

/** Model and sandbox ms per step of one run, for a stacked chart. */
export function timeSplitRows(
  run: SignalRun,
  axis: XAxisKind,
  maxPoints: number,
): { x: number; model: number; sandbox: number }[] {
  const xs = xValues(run.points, axis, run.elapsed);
  const pts = run.points.map((p, j) => ({
    x: xs[j] as number,
    model: p.modelMs,
    sandbox: p.sandboxMs,
  }));
  return downsample(pts, maxPoints, (p) => p.model + p.sandbox);
}
