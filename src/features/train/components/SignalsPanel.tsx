import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { runColor } from '../../../components/skillColors';
import { ChartExport } from './ChartExport';
import type { LegendEntry } from './chartExport';
import { formatDuration, formatValue } from './format';
import type { XAxisKind } from './series';
import { SeriesChart } from './SeriesChart';
import { createHoverStore } from './chartHover';
import type { LayerSeries } from './SeriesLayer';
import { nearestPoint, roundDomain } from './seriesPaths';
import { useStaggered } from '../useStaggered';
import { runDash } from './runStyles';
import { SIGNALS, signalLine, signalXDomain, timeSplit, type SignalRun } from './signals';

export interface SignalsPanelProps {
  /** The runs to compare (a ChartRun fits). Keep the array stable between updates. */
  runs: readonly SignalRun[];
  xAxis?: XAxisKind;
  /** Most points drawn per run and chart (default 300). */
  maxPoints?: number;
  /** Height of each small chart in px. */
  height?: number;
}

const tick = (v: number) => formatValue(v, 2);

/** One small chart with its caption and SVG/PNG export. */
function SignalFigure(props: {
  testId: string;
  title: string;
  help: string;
  legend: readonly LegendEntry[];
  children: ReactNode;
}) {
  const box = useRef<HTMLElement>(null);
  return (
    <figure ref={box} className="signal" data-testid={props.testId} title={props.help}>
      <figcaption>
        {props.title}{' '}
        <ChartExport
          target={box}
          title={props.title}
          legend={props.legend}
          testId={`${props.testId}-export`}
        />
      </figcaption>
      {props.children}
    </figure>
  );
}
const SANDBOX_GREY = '#999999';
const TIME_LEGEND: LegendEntry[] = [
  { label: 'model ms', color: 'var(--accent)' },
  { label: 'sandbox wait ms (grading not hidden behind sampling)', color: SANDBOX_GREY },
];

/** What each line or band of a chart is, on the page (the exported file carries its own). */
function LegendList(props: { entries: readonly LegendEntry[]; testId: string; label: string }) {
  return (
    <ul className="run-legend" data-testid={props.testId} aria-label={props.label}>
      {props.entries.map((e) => (
        <li key={e.label}>
          <svg width="28" height="8" aria-hidden>
            <line
              x1="0"
              y1="4"
              x2="28"
              y2="4"
              stroke={e.color}
              strokeWidth="3"
              strokeDasharray={e.dash}
            />
          </svg>{' '}
          {e.label}
        </li>
      ))}
    </ul>
  );
}

/** The tooltip of a signal chart: the hovered x and one value per named line. */
function SignalTooltip({
  x,
  rows,
}: {
  x: string;
  rows: { name: string; color: string; value: number | undefined }[];
}) {
  return (
    <div className="chart-tooltip" data-testid="chart-tooltip">
      <table>
        <thead>
          <tr>
            <th className="chart-tooltip-x" colSpan={2}>
              {x}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <td>
                <span className="swatch" style={{ background: r.color }} aria-hidden />
                {r.name}
              </td>
              <td className="num">{formatValue(r.value ?? null, 4)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const yDomainOf = (values: Iterable<number>): [number, number] =>
  roundDomain(values, false, [0, 1]);

/**
 * Small charts of the training signals (KL, entropy, clipping, gradients, LR, advantages,
 * answers cut short, time).
 * They share the x range and the hover: the cursor shows on all, the tooltip on the hovered one.
 */
export function SignalsPanel({
  runs,
  xAxis = 'step',
  maxPoints = 300,
  height = 140,
}: SignalsPanelProps) {
  const charts = useMemo(
    () =>
      SIGNALS.map((s) => {
        const lines = runs.map((r) => signalLine(r, s.metric, xAxis, maxPoints));
        return {
          ...s,
          lines,
          series: lines.map((points, i): LayerSeries => ({
            key: `r${i}`,
            color: runColor(i),
            // The dash too, so runs are told apart without telling colours apart.
            ...(runDash(i) ? { dash: runDash(i) } : {}),
            points,
            className: 'series-smooth',
            activeDot: 3,
          })),
          y: yDomainOf(lines.flatMap((l) => l.map((p) => p.y))),
        };
      }),
    [runs, xAxis, maxPoints],
  );
  const first = runs[0];
  const split = useMemo(() => {
    if (!first) return null;
    const { model, sandbox } = timeSplit(first, xAxis, maxPoints);
    const series: LayerSeries[] = [
      { key: 'model', color: 'var(--accent)', points: [], band: model, className: 'series-band' },
      { key: 'sandbox', color: SANDBOX_GREY, points: [], band: sandbox, className: 'series-band' },
      // Invisible lines along the tops, so the hover snaps to logged steps.
      { key: 'model-top', color: 'none', points: model.map((p) => ({ x: p.x, y: p.hi })) },
      { key: 'total', color: 'none', points: sandbox.map((p) => ({ x: p.x, y: p.hi })) },
    ];
    return { model, sandbox, series, y: yDomainOf(sandbox.map((p) => p.hi)) };
  }, [first, xAxis, maxPoints]);
  const x = useMemo(() => signalXDomain(runs, xAxis), [runs, xAxis]);
  const [hover] = useState(createHoverStore);
  const formatX = useCallback(
    (v: number) => (xAxis === 'time' ? formatDuration(v) : String(+v.toFixed(2))),
    [xAxis],
  );
  const legend = useMemo(
    () =>
      runs.map((r, i): LegendEntry => {
        const dash = runDash(i);
        return { label: r.name, color: runColor(i), ...(dash ? { dash } : {}) };
      }),
    [runs],
  );
  // Seven charts mounted at once held the main thread for ~0.25-1 s: one per task instead.
  const shown = useStaggered(charts.length + 1);
  if (!first || !split) return null;
  // What every small chart shares: the hover, the x range and the axes' look.
  const shared = {
    hover,
    xDomain: x,
    height,
    formatX,
    xTicks: xAxis === 'time' ? ('time' as const) : ('whole' as const),
    formatY: tick,
    yWidth: 56,
  };
  const label = (v: number) => (xAxis === 'time' ? formatDuration(v) : `${xAxis} ${v}`);
  return (
    <section className="signals-panel" data-testid="signals-panel" aria-label="Training signals">
      <LegendList entries={legend} testId="signals-legend" label="Runs on these charts" />
      <div className="signals-grid">
        {charts.map((c, i) => (
          <SignalFigure
            key={c.metric}
            testId={`signal-${c.metric}`}
            title={c.title}
            help={c.help}
            legend={legend}
          >
            {i < shown ? (
              <SeriesChart
                id={c.metric}
                label={c.title}
                {...shared}
                series={c.series}
                yDomain={c.y}
                tooltip={(at) => (
                  <SignalTooltip
                    x={label(at)}
                    rows={runs.map((r, j) => ({
                      name: r.name,
                      color: runColor(j),
                      value: nearestPoint(c.lines[j] ?? [], at)?.y,
                    }))}
                  />
                )}
              />
            ) : (
              <div style={{ height }} />
            )}
          </SignalFigure>
        ))}
        <SignalFigure
          testId="signal-time-split"
          title={`ms per step: model vs sandbox${runs.length > 1 ? ` (${first.name})` : ''}`}
          help="Milliseconds per step spent in the model (sampling and the update) and in the sandbox (grading), stacked."
          legend={TIME_LEGEND}
        >
          <LegendList entries={TIME_LEGEND} testId="time-split-legend" label="Parts of a step" />
          {charts.length < shown ? (
            <SeriesChart
              id="time-split"
              label="Milliseconds per step: model vs sandbox"
              {...shared}
              series={split.series}
              yDomain={split.y}
              tooltip={(at) => {
                const m = nearestPoint(split.model, at);
                const sb = nearestPoint(split.sandbox, at);
                return (
                  <SignalTooltip
                    x={label(at)}
                    rows={[
                      { name: 'model ms', color: 'var(--accent)', value: m?.hi },
                      {
                        name: 'sandbox ms',
                        color: SANDBOX_GREY,
                        value: sb ? sb.hi - sb.lo : undefined,
                      },
                    ]}
                  />
                );
              }}
            />
          ) : (
            <div style={{ height }} />
          )}
        </SignalFigure>
      </div>
    </section>
  );
}
