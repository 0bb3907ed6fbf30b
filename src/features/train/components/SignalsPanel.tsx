import { useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { runColor } from '../../../components/skillColors';
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
const tooltipValue = (v: unknown) => (typeof v === 'number' ? formatValue(v, 4) : String(v));

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
  if (!first) return null;
  return (
    <section className="signals-panel" data-testid="signals-panel" aria-label="Training signals">
      <div className="signals-grid">
        {charts.map((c) => (
          <figure
            key={c.metric}
            className="signal"
            data-testid={`signal-${c.metric}`}
            title={c.help}
          >
            <figcaption>{c.title}</figcaption>
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
          </figure>
        ))}
        <figure
          className="signal"
          data-testid="signal-time-split"
          title="Milliseconds per step spent in the model (sampling and the update) and in the sandbox (grading), stacked."
        >
          <figcaption>
            ms per step: model vs sandbox{runs.length > 1 ? ` (${first.name})` : ''}
          </figcaption>
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
              stroke="#999999"
              fill="#999999"
              fillOpacity={0.35}
              isAnimationActive={false}
            />
          </AreaChart>
        </figure>
      </div>
    </section>
  );
}
