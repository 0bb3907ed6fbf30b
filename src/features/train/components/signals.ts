/** Series for the training-signal charts (pure). */
import type { StepPoint } from '../../../protocol/training';
import { downsample, projectedEnd, xValues, type XAxisKind, type XY } from './series';
import { roundDomain, type BandPoint } from './seriesPaths';

/** A run as the signal charts take it. */
export interface SignalRun {
  id: string;
  name: string;
  points: readonly StepPoint[];
  /** Wall-clock ms since the run started, one per point. */
  elapsed?: readonly number[];
  /** Steps the run will have when done (a live run's x axis is sized to it). */
  plannedSteps?: number;
}

/** The x range of the signal charts: every run's points and where a live run will end. */
export function signalXDomain(runs: readonly SignalRun[], axis: XAxisKind): [number, number] {
  const ends: number[] = [];
  for (const run of runs) {
    const xs = xValues(run.points, axis, run.elapsed);
    ends.push(...xs.slice(0, 1), ...xs.slice(-1));
    const end = projectedEnd(run.points, xs, run.plannedSteps, axis);
    if (end !== null) ends.push(end);
  }
  return roundDomain(ends, false, [0, 1]);
}

export type SignalMetric =
  'kl' | 'entropy' | 'clipFraction' | 'gradNorm' | 'learningRate' | 'advantageStd' | 'truncated';

export const SIGNALS: { metric: SignalMetric; title: string; help: string }[] = [
  {
    metric: 'kl',
    title: 'KL to reference',
    help: 'How far the policy moved from the warm-start policy, on the answers trained on. Measured only with a KL coefficient above 0: without one it reads 0.',
  },
  {
    metric: 'entropy',
    title: 'entropy',
    help: 'Mean per-token entropy: of the answers trained on, weighted as the loss weighs them (of every sampled answer on a step with no update). Falling means more certain.',
  },
  {
    metric: 'clipFraction',
    title: 'clip fraction',
    help: "Share of tokens whose probability ratio hit the PPO clip, in the step's last inner epoch (with one epoch the ratio stays 1, so about 0).",
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
  {
    metric: 'truncated',
    title: 'answers cut short',
    help: 'Share of sampled answers the decoder stopped at its step limit (model.maxActLen) with a step unfinished: that step is lost. Not logged by runs from before it was.',
  },
];

/** One run's values of a metric, downsampled to `maxPoints` (keeping extremes), finite only. */
export function signalLine(
  run: SignalRun,
  metric: SignalMetric,
  axis: XAxisKind,
  maxPoints: number,
): XY[] {
  const xs = xValues(run.points, axis, run.elapsed);
  // A metric older runs did not log reads as missing, and is left out below.
  const pts = run.points.map((p, j) => ({ x: xs[j] as number, y: p[metric] ?? NaN }));
  return downsample(pts, maxPoints, (q) => q.y).filter((p) => Number.isFinite(p.y));
}

/** Model and sandbox ms per step of one run, stacked: model from 0, sandbox on top of it. */
export function timeSplit(
  run: SignalRun,
  axis: XAxisKind,
  maxPoints: number,
): { model: BandPoint[]; sandbox: BandPoint[] } {
  const xs = xValues(run.points, axis, run.elapsed);
  const pts = run.points.map((p, j) => ({
    x: xs[j] as number,
    model: p.modelMs,
    sandbox: p.sandboxMs,
  }));
  const kept = downsample(pts, maxPoints, (p) => p.model + p.sandbox);
  return {
    model: kept.map((p) => ({ x: p.x, lo: 0, hi: p.model })),
    sandbox: kept.map((p) => ({ x: p.x, lo: p.model, hi: p.model + p.sandbox })),
  };
}
