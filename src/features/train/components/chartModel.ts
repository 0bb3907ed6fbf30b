/** What the reward chart draws, derived from runs and the chart's settings (pure, memoisable). */
import { KIND_LABELS, type TaskKind } from '../../../core/tasks/types';
import type { ConfigEvent, EvalRecord, StepPoint } from '../../../protocol/training';
import {
  bandOverRuns,
  downsample,
  emaSmooth,
  logSafe,
  projectedEnd,
  xAtStep,
  xValues,
  type StepXY,
  type XAxisKind,
  type XY,
} from './series';
import { nearestPoint } from './seriesPaths';

/** One run as the chart takes it. */
export interface ChartRun {
  id: string;
  name: string;
  points: readonly StepPoint[];
  evals: readonly EvalRecord[];
  events: readonly ConfigEvent[];
  /** Wall-clock ms since the run started, one per point (else the summed step times). */
  elapsed?: readonly number[];
  /** Runs sharing a group key (e.g. the same config, other seeds) are averaged when grouping. */
  group?: string;
  /** Steps the run will have when done (a live run's x axis is sized to it). */
  plannedSteps?: number;
  /** The kinds it trains on: a mix change lists each with its weight (1 where it names none). */
  trainKinds?: readonly TaskKind[];
}

export interface ChartOptions {
  xAxis: XAxisKind;
  smoothing: number;
  logX: boolean;
  logY: boolean;
  groupRuns: boolean;
  kinds: readonly TaskKind[];
  maxPoints: number;
}

/** raw: faint unsmoothed curve; smooth: the training curve; eval: validation; band: min–max. */
export type SeriesRole = 'raw' | 'smooth' | 'eval' | 'band';

export interface BandXY extends XY {
  lo: number;
  hi: number;
}

export interface ChartSeries {
  /** Series key (generated: run ids may hold any characters). */
  key: string;
  label: string;
  /** The run's (or group's) name. */
  entry: string;
  kind: TaskKind;
  role: SeriesRole;
  /** Index of the run (or group) in the overlay, for its dash pattern. */
  runIndex: number;
  points: BandXY[];
}

export interface ChartMarker {
  x: number;
  label: string;
  /** The run (its name) that made the change. */
  run: string;
}

/** A skill-mix change as drawn: a short numbered label, the whole mix, and its label's row. */
export interface DrawnMarker {
  x: number;
  /** `mix 2`, or '' where the same change (another run's) is already labelled. */
  label: string;
  /** The whole mix (`loc 0, edit 0.5, …`), for the list under the chart. */
  text: string;
  /** Which line its label sits on: changes close together are staggered so none overlap. */
  row: number;
  /** Its number (`mix 2`), labelled on the chart or not. */
  name: string;
  /** The runs that made it, when several runs are drawn (none: the one run's). */
  runs: string[];
}

/** Changes nearer than this share of the x axis get their labels on different lines. */
const NEAR_MARKERS = 0.08;
const MARKER_ROWS = 3;

export interface ChartModel {
  series: ChartSeries[];
  markers: DrawnMarker[];
  /** Points a log axis could not draw (non-positive), left out. */
  dropped: number;
  /** The furthest projected end of a run still going (the x axis reaches it), or null. */
  xEnd: number | null;
}

/** A run's per-kind training and validation points on the chosen x axis. */
export interface RunLines {
  run: ChartRun;
  train: Map<TaskKind, StepXY[]>;
  evals: Map<TaskKind, StepXY[]>;
  markers: ChartMarker[];
  /** Where the run will end on this axis if it is still going (see projectedEnd). */
  end: number | null;
}

const SHORT: Partial<Record<TaskKind, string>> = {
  localization: 'loc',
  editing: 'edit',
  testgen: 'test',
  reproduction: 'repro',
  review: 'review',
};

/**
 * A mix in words, whole: every kind the run trains on with its weight (a kind the mix does not
 * name weighs 1), then any other the mix names. Without the run's kinds, what the mix names.
 */
export const mixLabel = (mix: ConfigEvent['mix'], trainKinds?: readonly TaskKind[]): string =>
  [
    ...(trainKinds ?? []).map((k): [string, number] => [k, mix[k] ?? 1]),
    ...Object.entries(mix).filter(([k]) => !trainKinds?.includes(k as TaskKind)),
  ]
    .map(([k, w]) => `${SHORT[k as TaskKind] ?? k} ${w}`)
    .join(', ');

/** The validation at x (a drawn eval point's exact x), as its run and step; the first run's. */
export function validationAt(
  lines: readonly RunLines[],
  x: number,
): { runId: string; step: number } | null {
  for (const l of lines)
    for (const points of l.evals.values()) {
      const hit = points.find((p) => p.x === x);
      if (hit) return { runId: l.run.id, step: hit.step };
    }
  return null;
}

/** Step 1 (depends on the runs and the x axis only). */
export function runLines(run: ChartRun, axis: XAxisKind): RunLines {
  const xs = xValues(run.points, axis, run.elapsed);
  const train = new Map<TaskKind, StepXY[]>();
  run.points.forEach((p, i) => {
    for (const [kind, y] of Object.entries(p.reward) as [TaskKind, number][]) {
      const line = train.get(kind) ?? [];
      line.push({ step: p.step, x: xs[i] as number, y });
      train.set(kind, line);
    }
  });
  const evals = new Map<TaskKind, StepXY[]>();
  for (const e of run.evals) {
    if (e.split !== 'val') continue;
    const x = xAtStep(run.points, xs, e.step, axis);
    for (const [kind, r] of Object.entries(e.bySkill) as [TaskKind, { meanReward: number }][]) {
      const line = evals.get(kind) ?? [];
      line.push({ step: e.step, x, y: r.meanReward });
      evals.set(kind, line);
    }
  }
  const markers = run.events.map((ev) => ({
    x: axis === 'time' ? ev.elapsedMs : xAtStep(run.points, xs, ev.step, axis),
    label: mixLabel(ev.mix, run.trainKinds),
    run: run.name,
  }));
  return { run, train, evals, markers, end: projectedEnd(run.points, xs, run.plannedSteps, axis) };
}

const linesCache = new WeakMap<ChartRun, Partial<Record<XAxisKind, RunLines>>>();

/** `runLines`, remembered per run object: runs that did not change cost nothing on redraw. */
export function cachedRunLines(run: ChartRun, axis: XAxisKind): RunLines {
  const byAxis = linesCache.get(run) ?? {};
  const lines = byAxis[axis] ?? runLines(run, axis);
  byAxis[axis] = lines;
  linesCache.set(run, byAxis);
  return lines;
}

const smoothLine = (line: readonly StepXY[], w: number): StepXY[] => {
  const ys = emaSmooth(
    line.map((p) => p.y),
    w,
  );
  return line.map((p, i) => ({ step: p.step, x: p.x, y: ys[i] as number }));
};

// Plain literals, not spreads: spreading 10^5 points is many times slower in V8.
const asBand = (line: readonly XY[]): BandXY[] =>
  line.map((p) => ({ x: p.x, y: p.y, lo: p.y, hi: p.y }));

type Draft = Omit<ChartSeries, 'key'>;

function entrySeries(members: RunLines[], label: string, runIndex: number, o: ChartOptions) {
  const out: Draft[] = [];
  const add = (kind: TaskKind, role: SeriesRole, points: BandXY[], suffix = '') =>
    points.length > 0 &&
    out.push({
      label: `${label} · ${KIND_LABELS[kind]}${suffix}`,
      entry: label,
      kind,
      role,
      runIndex,
      points,
    });
  for (const kind of o.kinds) {
    const lines = members.map((m) => m.train.get(kind) ?? []);
    const evals = members.map((m) => m.evals.get(kind) ?? []);
    if (members.length === 1) {
      if (o.smoothing > 0) add(kind, 'raw', asBand(lines[0] ?? []), ' (raw)');
      add(kind, 'smooth', asBand(smoothLine(lines[0] ?? [], o.smoothing)));
      add(kind, 'eval', asBand(evals[0] ?? []), ' (val)');
      continue;
    }
    const band = bandOverRuns(lines.map((l) => smoothLine(l, o.smoothing)));
    add(
      kind,
      'band',
      band.map((b) => ({ x: b.x, y: b.mean, lo: b.min, hi: b.max })),
      ' (range)',
    );
    add(
      kind,
      'smooth',
      band.map((b) => ({ x: b.x, y: b.mean, lo: b.mean, hi: b.mean })),
    );
    add(kind, 'eval', asBand(bandOverRuns(evals).map((b) => ({ x: b.x, y: b.mean }))), ' (val)');
  }
  return out;
}

/** A group of runs of one config, by its runs' names: `a, b (mean of 2)`, `a, b +2 (mean of 4)`. */
export function groupLabel(names: readonly string[]): string {
  const shown = names.slice(0, 2).join(', ');
  const more = names.length > 2 ? ` +${names.length - 2}` : '';
  return `${shown}${more} (mean of ${names.length})`;
}

/** Overlay entries: each run, or (grouping) each group of runs with its member count. */
function entries(lines: readonly RunLines[], groupRuns: boolean) {
  if (!groupRuns) return lines.map((l) => ({ label: l.run.name, members: [l] }));
  const groups = new Map<string, RunLines[]>();
  for (const l of lines) {
    const key = l.run.group ?? l.run.id;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return [...groups.entries()].map(([key, members]) => ({
    label:
      members.length > 1
        ? groupLabel(members.map((m) => m.run.name))
        : (members[0]?.run.name ?? key),
    members,
  }));
}

/** Step 2: smoothing, grouping, log safety and downsampling of every drawn series. */
export function buildChartModel(lines: readonly RunLines[], o: ChartOptions): ChartModel {
  let dropped = 0;
  const series: ChartSeries[] = entries(lines, o.groupRuns)
    .flatMap((e, i) => entrySeries(e.members, e.label, i, o))
    .map((d, i) => {
      const safe = logSafe(d.points, o.logX, o.logY, (p) => Math.min(p.y, p.lo));
      dropped += safe.dropped;
      const points = downsample(safe.points, o.maxPoints, (p) => p.y);
      return { ...d, key: `s${i}`, points };
    });
  // The same change at the same place in several runs is one marker, naming each run.
  const markers = new Map<string, { x: number; label: string; runs: string[] }>();
  for (const l of lines)
    for (const m of l.markers) {
      if (o.logX && m.x <= 0) continue;
      const at = `${m.x}|${m.label}`;
      const same = markers.get(at);
      if (same) same.runs.push(m.run);
      else markers.set(at, { x: m.x, label: m.label, runs: [m.run] });
    }
  const whose = (runs: string[]): string[] => (lines.length > 1 ? runs : []);
  // Each distinct change gets a number, printed on the chart (the same change in several runs,
  // seeds of one config, is labelled once); the whole mix goes in the list under the chart.
  // Labels of changes close together go on successive lines instead of over each other.
  const xs = series.flatMap((d) => d.points.map((p) => p.x));
  const pos = (x: number) => (o.logX ? Math.log10(x) : x);
  const span = xs.length ? pos(Math.max(...xs)) - pos(Math.min(...xs)) : 0;
  const numbers = new Map<string, number>();
  let last: { x: number; row: number } | null = null;
  const shown: DrawnMarker[] = [];
  for (const m of [...markers.values()].sort((a, b) => a.x - b.x)) {
    const known = numbers.has(m.label);
    if (!known) numbers.set(m.label, numbers.size + 1);
    const name = `mix ${numbers.get(m.label)}`;
    if (known) {
      shown.push({ x: m.x, label: '', text: m.label, row: 0, name, runs: whose(m.runs) });
      continue;
    }
    const before: { x: number; row: number } | null = last;
    const row: number =
      before && pos(m.x) - pos(before.x) < span * NEAR_MARKERS ? (before.row + 1) % MARKER_ROWS : 0;
    last = { x: m.x, row };
    shown.push({ x: m.x, label: name, text: m.label, row, name, runs: whose(m.runs) });
  }
  return {
    series,
    markers: shown,
    dropped,
    xEnd: lines.reduce<number | null>(
      (m, l) => (l.end === null ? m : Math.max(m ?? 0, l.end)),
      null,
    ),
  };
}

/** The value of a series nearest to x, or null outside its range (for the tooltip). */
export function valueNear(s: ChartSeries, x: number): number | null {
  return nearestPoint(s.points, x)?.y ?? null;
}
