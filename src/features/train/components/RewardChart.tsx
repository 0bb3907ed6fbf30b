import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { ReferenceLine } from 'recharts';
import { TASK_KINDS, type TaskKind } from '../../../core/tasks/types';
import { kindColor } from '../../../components/skillColors';
import { ChartControls, type ChartSettings } from './ChartControls';
import { ChartExport } from './ChartExport';
import type { LegendEntry } from './chartExport';
import { ChartTooltip } from './ChartTooltip';
import {
  buildChartModel,
  cachedRunLines,
  type ChartModel,
  type ChartRun,
  type ChartSeries,
  validationAt,
} from './chartModel';
import { formatDuration } from './format';
import { SeriesChart } from './SeriesChart';
import { Dot, type LayerSeries } from './SeriesLayer';
import { runDash, runDot, type DotShape } from './runStyles';
import { extent, roundDomain } from './seriesPaths';
import type { XAxisKind } from './series';
import { plural } from '../../../protocol/plural';

export interface RewardChartProps {
  /** Runs to overlay. Keep each run object stable while it does not change: derived series are cached per run. */
  runs: readonly ChartRun[];
  /** Kinds that may be drawn (those without data are left out); default: all ten. */
  kinds?: readonly TaskKind[];
  /** Most points drawn per series (default 500). */
  maxPoints?: number;
  height?: number;
  /**
   * The smoothing weight the chart opens with (default 0.9, about a 10-step window). A joint
   * step holds a few tasks of each kind, so a kind's raw reward jumps between 0 and 1 from one
   * step to the next; at TensorBoard's 0.6 the curves still cross each other at every step.
   */
  defaultSmoothing?: number;
  /** A click on a validation's x: its run and step (the first overlaid run's). */
  onPickValidation?: (pick: { runId: string; step: number }) => void;
}

const xFormatter = (axis: XAxisKind) => (x: number) =>
  axis === 'time'
    ? formatDuration(x)
    : axis === 'episodes' && x >= 1000
      ? `${+(x / 1000).toFixed(1)}k`
      : String(+x.toFixed(2));

/** A run's training curves take its dash; validation is a thin solid line with its markers. */
const dashOf = (s: ChartSeries): string | undefined =>
  s.role === 'eval' ? undefined : runDash(s.runIndex);

/** The exported chart's legend: one entry per drawn line (raw curves and bands go unnamed). */
export function legendOf(series: readonly ChartSeries[]): LegendEntry[] {
  return series
    .filter((s) => s.role === 'smooth' || s.role === 'eval')
    .map((s) => {
      const dash = dashOf(s);
      return { label: s.label, color: kindColor(s.kind), ...(dash ? { dash } : {}) };
    });
}

/** The runs (or groups) overlaid, each with its training curves' dash and validation marker. */
export function runLegendOf(
  series: readonly ChartSeries[],
): { label: string; dash?: string; dot: DotShape }[] {
  const byIndex = new Map<number, { label: string; dash?: string; dot: DotShape }>();
  for (const s of series) {
    if (byIndex.has(s.runIndex)) continue;
    const dash = runDash(s.runIndex);
    byIndex.set(s.runIndex, { label: s.entry, ...(dash ? { dash } : {}), dot: runDot(s.runIndex) });
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => e);
}

/** Which line is which run when several are overlaid (colours say the skill). */
function RunLegend({ series }: { series: readonly ChartSeries[] }) {
  const entries = useMemo(() => runLegendOf(series), [series]);
  if (entries.length < 2) return null;
  return (
    <ul className="run-legend" data-testid="run-legend" aria-label="Runs on the chart">
      {entries.map((e) => (
        <li key={e.label}>
          <svg width="44" height="10" aria-hidden>
            <line
              x1="0"
              y1="5"
              x2="28"
              y2="5"
              stroke="currentColor"
              strokeWidth="2"
              strokeDasharray={e.dash}
            />
            <Dot x={37} y={5} r={3.5} color="currentColor" shape={e.dot} />
          </svg>{' '}
          {e.label}
        </li>
      ))}
      <li className="hint">line: training · marked points: validation</li>
    </ul>
  );
}

/** How each series is drawn: faint raw curves, bold smoothed ones, dashed evals with dots. */
export function layerSeries(series: readonly ChartSeries[]): LayerSeries[] {
  return series.map((s) => {
    const color = kindColor(s.kind);
    const className = `series-${s.role}`;
    if (s.role === 'band')
      return { key: s.key, color, points: s.points, band: s.points, className };
    return {
      key: s.key,
      color,
      points: s.points,
      className,
      opacity: s.role === 'raw' ? 0.25 : 1,
      width: s.role === 'smooth' ? 2 : 1,
      ...(dashOf(s) ? { dash: dashOf(s) } : {}),
      // A kind drawn at one step only (a line of one point) shows as a dot.
      dot: s.role === 'eval' ? 3.5 : s.role === 'smooth' && s.points.length === 1 ? 2.5 : 0,
      ...(s.role === 'eval' ? { dotShape: runDot(s.runIndex) } : {}),
      activeDot: s.role === 'raw' ? 0 : 4,
    };
  });
}

/**
 * The axes' ranges. While a run is going (`xEnd`, its projected end), x runs from 0 (log: the
 * first point) to a round number past its end, so it changes rarely and Recharts redraws its
 * axes only then, not at every new point; with none going, a linear x ends at the last point
 * (a 16-step run's axis ends at 16, not 20). y is [0, 1] unless log (then whole decades around
 * the drawn extent).
 */
export function chartDomains(
  series: readonly ChartSeries[],
  logX: boolean,
  logY: boolean,
  xEnd: number | null = null,
): { x: [number, number]; y: [number, number] } {
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const reach = !logX && xEnd === null ? extent(xs) : null;
  const x: [number, number] =
    reach && reach[1] > Math.min(0, reach[0])
      ? [Math.min(0, reach[0]), reach[1]]
      : roundDomain([...xs, ...(xEnd === null ? [] : [xEnd])], logX, logX ? [1, 10] : [0, 1]);
  if (!logY) return { x, y: [0, 1] };
  const y = roundDomain(
    series.flatMap((s) => s.points.flatMap((p) => [p.lo, p.hi])),
    true,
    [0.01, 1],
  );
  return { x, y };
}

/** Per-kind reward curves of one or more runs, with validation evals and config-change markers. */
export function RewardChart({
  runs,
  kinds = TASK_KINDS,
  maxPoints = 500,
  height = 320,
  defaultSmoothing = 0.9,
  onPickValidation,
}: RewardChartProps) {
  const [settings, setSettings] = useState<ChartSettings>({
    xAxis: 'step',
    smoothing: defaultSmoothing,
    logX: false,
    logY: false,
    groupRuns: false,
    hidden: [],
  });
  // The controls answer at once; the chart catches up when React has time (smoothing drags).
  const s = useDeferredValue(settings);
  const lines = useMemo(() => runs.map((r) => cachedRunLines(r, s.xAxis)), [runs, s.xAxis]);
  // Read through refs, so the drawn chart (memoised) need not change when a point arrives.
  const picking = useRef({ lines, onPickValidation });
  useEffect(() => {
    picking.current = { lines, onPickValidation };
  }, [lines, onPickValidation]);
  const validation = useCallback(
    (x: number) =>
      picking.current.onPickValidation ? validationAt(picking.current.lines, x) : null,
    [],
  );
  const pick = useCallback(
    (x: number) => {
      const hit = validation(x);
      if (hit) picking.current.onPickValidation?.(hit);
    },
    [validation],
  );
  const present = useMemo(
    () => kinds.filter((k) => lines.some((l) => l.train.has(k) || l.evals.has(k))),
    [kinds, lines],
  );
  const model = useMemo(
    () =>
      buildChartModel(lines, {
        xAxis: s.xAxis,
        smoothing: s.smoothing,
        logX: s.logX,
        logY: s.logY,
        groupRuns: s.groupRuns,
        kinds: present.filter((k) => !s.hidden.includes(k)),
        maxPoints,
      }),
    [lines, present, s, maxPoints],
  );
  const box = useRef<HTMLElement>(null);
  const legend = useMemo(() => legendOf(model.series), [model.series]);
  const title = `Reward per task kind: ${runs.map((r) => r.name).join(' vs ')} (by ${s.xAxis})`;
  return (
    <section
      ref={box}
      className="reward-chart"
      data-testid="reward-chart"
      data-markers={model.markers.length}
      aria-label="Reward per task kind"
    >
      <ChartControls
        settings={settings}
        onChange={setSettings}
        kinds={present}
        canGroup={runs.length > 1}
      />
      {model.series.length > 0 && (
        <p className="reward-chart-title" data-testid="reward-chart-title">
          Mean reward per task kind, by {s.xAxis}: training groups (bold lines, each step&apos;s own
          mean faint), validations (dots joined by thin lines){' '}
          <ChartExport target={box} title={title} legend={legend} testId="reward-chart-export" />
        </p>
      )}
      {model.dropped > 0 && (
        <p className="hint" role="note" data-testid="log-dropped">
          {plural(model.dropped, 'point')} at or below 0 hidden by the log scale.
        </p>
      )}
      <RunLegend series={model.series} />
      {model.series.length === 0 ? (
        <p className="hint" data-testid="reward-chart-empty">
          No rewards logged yet.
        </p>
      ) : (
        <ChartPlot
          model={model}
          settings={s}
          height={height}
          {...(onPickValidation ? { validation, onPick: pick } : {})}
        />
      )}
      <MixChanges markers={model.markers} xAxis={s.xAxis} />
    </section>
  );
}

/**
 * The drawn chart. Memoised on the derived model and the deferred settings, so urgent renders
 * (a control moving, a run's progress) never re-render recharts: only the deferred pass does.
 */
const markerLines = (markers: ChartModel['markers']) =>
  markers.map((m, i) => (
    <ReferenceLine
      key={i}
      x={m.x}
      className="config-marker"
      stroke="var(--muted)"
      strokeDasharray="2 2"
      label={{ value: m.label, position: 'insideTopLeft', fontSize: 10, offset: 5 + 12 * m.row }}
    />
  ));

const ChartPlot = memo(function ChartPlot({
  model,
  settings: s,
  height,
  validation,
  onPick,
}: {
  model: ChartModel;
  settings: ChartSettings;
  height: number;
  /** The validation a click at x would open, if any. */
  validation?: (x: number) => { step: number } | null;
  onPick?: (x: number) => void;
}) {
  const drawn = useMemo(() => layerSeries(model.series), [model.series]);
  const domain = useMemo(
    () => chartDomains(model.series, s.logX, s.logY, model.xEnd),
    [model.series, s.logX, s.logY, model.xEnd],
  );
  const formatX = useMemo(() => xFormatter(s.xAxis), [s.xAxis]);
  const tooltip = useCallback(
    (x: number) => {
      const at = validation?.(x);
      return (
        <>
          <ChartTooltip
            active
            label={x}
            series={model.series}
            formatX={(v) => (s.xAxis === 'time' ? `time ${formatDuration(v)}` : `${s.xAxis} ${v}`)}
          />
          {at && (
            <p className="chart-tooltip-pick" data-testid="chart-pick-hint">
              Click or Enter: this validation&apos;s answers (after {plural(at.step, 'step')})
            </p>
          )}
        </>
      );
    },
    [model.series, s.xAxis, validation],
  );
  const markerKey = model.markers.map((m) => `${m.x}|${m.label}|${m.row}`).join('\n');
  // Rebuilt only when a marker changes, so the chart around the curves stays as it was.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const markers = useMemo(() => markerLines(model.markers), [markerKey]);
  return (
    <SeriesChart
      label={`Reward per task kind by ${s.xAxis}`}
      pickHint="on a validation's point, its answers in the episodes below"
      series={drawn}
      xDomain={domain.x}
      yDomain={domain.y}
      logX={s.logX}
      logY={s.logY}
      height={height}
      formatX={formatX}
      xTicks={s.xAxis === 'time' ? 'time' : 'whole'}
      tooltip={tooltip}
      {...(onPick ? { onPick } : {})}
    >
      {markers}
    </SeriesChart>
  );
});

/** The skill-mix changes the chart numbers, each with where it applies from and its whole mix. */
function MixChanges({ markers, xAxis }: { markers: ChartModel['markers']; xAxis: XAxisKind }) {
  if (markers.length === 0) return null;
  // Every change, a repeat (another run's, or a later step's) too, with the runs that made it
  // when several runs are drawn.
  return (
    <ol className="mix-changes hint" data-testid="mix-changes" aria-label="Skill-mix changes">
      {markers.map((m, i) => (
        <li key={i}>
          <strong>{m.name}</strong> from{' '}
          {xAxis === 'time'
            ? formatDuration(m.x)
            : `${xAxis === 'step' ? 'step' : 'episode'} ${m.x}`}
          {m.runs.length > 0 && ` (${m.runs.join(', ')})`}: {m.text}
        </li>
      ))}
    </ol>
  );
}
