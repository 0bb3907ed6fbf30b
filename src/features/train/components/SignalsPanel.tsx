import { useMemo, useRef, type ReactNode } from 'react';
import { Area, AreaChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { runColor } from '../../../components/skillColors';
import { ChartExport } from './ChartExport';
import type { LegendEntry } from './chartExport';
import { formatDuration, formatValue } from './format';
import type { XAxisKind } from './series';
import { SIGNALS, signalRows, timeSplitRows, type SignalRun } from './signals';

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
const tooltipValue = (v: unknown) => (typeof v === 'number' ? formatValue(v, 4) : String(v));

const SANDBOX_GREY = '#999999';
const TIME_LEGEND: LegendEntry[] = [
  { label: 'model ms', color: 'var(--accent)' },
  { label: 'sandbox ms', color: SANDBOX_GREY },
];

/** Small charts of the training signals (KL, entropy, clipping, gradients, LR, advantages, time). */
export function SignalsPanel({
  runs,
  xAxis = 'step',
  maxPoints = 300,
  height = 140,
}: SignalsPanelProps) {
  const charts = useMemo(
    () => SIGNALS.map((s) => ({ ...s, rows: signalRows(runs, s.metric, xAxis, maxPoints) })),
    [runs, xAxis, maxPoints],
  );
  const first = runs[0];
  const split = useMemo(
    () => (first ? timeSplitRows(first, xAxis, maxPoints) : []),
    [first, xAxis, maxPoints],
  );
  const formatX = (x: number) => (xAxis === 'time' ? formatDuration(x) : String(+x.toFixed(2)));
  const xAxisEl = (
    <XAxis
      dataKey="x"
      type="number"
      domain={['dataMin', 'dataMax']}
      tickFormatter={formatX}
      stroke="var(--muted)"
    />
  );
  const style = { width: '100%', height };
  const legend = useMemo(() => runs.map((r, i) => ({ label: r.name, color: runColor(i) })), [runs]);
  if (!first) return null;
  return (
    <section className="signals-panel" data-testid="signals-panel" aria-label="Training signals">
      <div className="signals-grid">
        {charts.map((c) => (
          <SignalFigure
            key={c.metric}
            testId={`signal-${c.metric}`}
            title={c.title}
            help={c.help}
            legend={legend}
          >
            <LineChart responsive style={style} data={c.rows} syncId="signals" syncMethod="value">
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
              {xAxisEl}
              <YAxis tickFormatter={tick} width={56} stroke="var(--muted)" />
              <Tooltip
                isAnimationActive={false}
                formatter={tooltipValue}
                labelFormatter={(x) => formatX(Number(x))}
              />
              {runs.map((r, i) => (
                <Line
                  key={r.id}
                  dataKey={`r${i}`}
                  name={r.name}
                  stroke={runColor(i)}
                  dot={false}
                  connectNulls
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </SignalFigure>
        ))}
        <SignalFigure
          testId="signal-time-split"
          title={`ms per step: model vs sandbox${runs.length > 1 ? ` (${first.name})` : ''}`}
          help="Milliseconds per step spent in the model (sampling and the update) and in the sandbox (grading), stacked."
          legend={TIME_LEGEND}
        >
          <AreaChart responsive style={style} data={split} syncId="signals" syncMethod="value">
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            {xAxisEl}
            <YAxis tickFormatter={tick} width={56} stroke="var(--muted)" />
            <Tooltip
              isAnimationActive={false}
              formatter={tooltipValue}
              labelFormatter={(x) => formatX(Number(x))}
            />
            <Area
              dataKey="model"
              name="model ms"
              stackId="t"
              stroke="var(--accent)"
              fill="var(--accent)"
              fillOpacity={0.35}
              isAnimationActive={false}
            />
            <Area
              dataKey="sandbox"
              name="sandbox ms"
              stackId="t"
              stroke={SANDBOX_GREY}
              fill={SANDBOX_GREY}
              fillOpacity={0.35}
              isAnimationActive={false}
            />
          </AreaChart>
        </SignalFigure>
      </div>
    </section>
  );
}
