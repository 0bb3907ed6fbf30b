import { useId, useMemo, useState, type ReactNode } from 'react';
import { CartesianGrid, ComposedChart, XAxis, YAxis } from 'recharts';
import { HoverTooltip } from './HoverTooltip';
import { createHoverStore, type HoverStore } from './chartHover';
import { SeriesContext, SeriesLayer, type LayerSeries } from './SeriesLayer';
import { niceTicks, timeTicks } from './seriesPaths';
import { useStablePair } from './useStablePair';

export interface SeriesChartProps {
  /** The chart's accessible name. */
  label: string;
  /** What Enter does on the hovered point, said to screen readers (with `onPick`). */
  pickHint?: string;
  series: readonly LayerSeries[];
  /** Axis ranges: keep them round (stableDomain) so they change rarely while a run grows. */
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  logX?: boolean;
  logY?: boolean;
  height: number;
  formatX: (x: number) => string;
  /**
   * What the x axis holds: counts (steps, episodes), ticked at whole numbers, or time (ms), ticked
   * at whole seconds, minutes or hours; absent, any round value.
   */
  xTicks?: 'whole' | 'time';
  formatY?: (y: number) => string;
  yWidth?: number;
  /** The tooltip for a hovered x (the nearest logged point over all series). */
  tooltip: (x: number) => ReactNode;
  /** Charts sharing a store show the hovered x together; the tooltip shows in the hovered one. */
  hover?: HoverStore;
  id?: string;
  /** A click on the plot: the logged x nearest to it (keep the function stable). */
  onPick?: (x: number) => void;
  /** More Recharts elements (reference lines...); keep the node stable (useMemo) between points. */
  children?: ReactNode;
}

const MARGIN = { top: 16, right: 16, bottom: 4, left: 0 };
const Y_PADDING = { top: 0, bottom: 6 };

/**
 * A Recharts chart (grid, axes, reference elements) whose curves, hover and tooltip are drawn by
 * SeriesLayer. Recharts gets only the two ends of each axis as data, so new points re-render our
 * paths alone: its own store and axes redraw only when a range, the size or a setting changes.
 */
export function SeriesChart(props: SeriesChartProps) {
  const x = useStablePair(props.xDomain);
  const y = useStablePair(props.yDomain);
  const [own] = useState(createHoverStore);
  const hover = props.hover ?? own;
  const { logX = false, logY = false, height, formatX, formatY, yWidth = 44, id, children } = props;
  const xTicks = props.xTicks;
  const { onPick, label, pickHint } = props;
  const keysId = useId();
  // The Recharts part is one memoised element: new points reach only SeriesLayer (through the
  // context), so the chart's store, axes and grid are not re-rendered for them.
  const frame = useMemo(
    () => (
      <ComposedChart
        responsive
        style={{ width: '100%', height }}
        // Recharts builds no x scale without data: the two ends of the range stand in for it.
        data={x.map((v) => ({ x: v }))}
        margin={MARGIN}
        // Its own focus stop did nothing here: the hover pad is the chart's one tab stop.
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis
          dataKey="x"
          type="number"
          scale={logX ? 'log' : 'linear'}
          domain={x}
          ticks={
            logX
              ? undefined
              : xTicks === 'time'
                ? timeTicks(x[0], x[1])
                : niceTicks(x[0], x[1], { whole: xTicks === 'whole' })
          }
          allowDataOverflow
          tickFormatter={formatX}
          stroke="var(--muted)"
        />
        <YAxis
          type="number"
          scale={logY ? 'log' : 'linear'}
          domain={y}
          // About one labelled tick per 45 px: a small chart's labels stay evenly spaced.
          ticks={
            logY
              ? undefined
              : niceTicks(y[0], y[1], { count: Math.max(2, Math.floor(height / 45)) })
          }
          // A small chart has no room for every tick's label: keep the two ends (a flat series at
          // 0 still reads 0), and lift the floor off the x axis so a line along it shows.
          interval="preserveStartEnd"
          padding={Y_PADDING}
          allowDataOverflow
          tickFormatter={formatY}
          stroke="var(--muted)"
          width={yWidth}
        />
        <SeriesLayer store={hover} id={id} onPick={onPick} label={label} describedBy={keysId} />
        {children}
      </ComposedChart>
    ),
    [
      x,
      y,
      logX,
      logY,
      height,
      formatX,
      xTicks,
      formatY,
      yWidth,
      hover,
      id,
      onPick,
      label,
      keysId,
      children,
    ],
  );
  return (
    <div className="chart-plot">
      <SeriesContext.Provider value={props.series}>{frame}</SeriesContext.Provider>
      <p id={keysId} className="sr-only">
        Left and Right arrows (Home, End) move between logged points and show their values
        {onPick && pickHint ? `; Enter: ${pickHint}` : ''}; Escape hides them.
      </p>
      <HoverTooltip store={hover} id={id}>
        {props.tooltip}
      </HoverTooltip>
    </div>
  );
}
