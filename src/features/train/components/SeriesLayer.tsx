import { createContext, memo, useContext, useMemo } from 'react';
import type { HoverStore } from './chartHover';
import { HoverLayer, useScales } from './HoverLayer';
import { bandPath, linePath, pixels, type BandPoint, type PathPoint } from './seriesPaths';
import type { DotShape } from './runStyles';

/** One drawn series: a line (with optional dots) or, given `band`, a filled range. */
export interface LayerSeries {
  key: string;
  color: string;
  points: readonly PathPoint[];
  band?: readonly BandPoint[];
  width?: number;
  opacity?: number;
  dash?: string;
  /** Radius of a dot on every point (validation evals); 0 or absent: none. */
  dot?: number;
  /** The dot's shape (default a filled circle): tells compared runs' points apart. */
  dotShape?: DotShape;
  /** Radius of the dot marking the hovered x (0 or absent: none). */
  activeDot?: number;
  /** Class of the drawn element, for styling and tests. */
  className?: string;
}

/** The series SeriesLayer draws (a context, so the chart around it need not re-render). */
export const SeriesContext = createContext<readonly LayerSeries[]>([]);

/**
 * Every series of a chart drawn as one SVG path each, inside a Recharts chart (which keeps the
 * axes, grid and tooltip). A Recharts <Line> per series registers itself in the chart's store
 * and re-derives its points on every redraw; with twenty curves of 500 points that held the
 * main thread for 50-100 ms per update. Here all paths are built in one pass.
 */
export const SeriesLayer = memo(function SeriesLayer({
  store,
  id,
  onPick,
  label,
  describedBy,
}: {
  /** Where the hovered point goes (none: no hover). */
  store?: HoverStore;
  /** This chart's name in a shared store. */
  id?: string;
  /** A click on the plot picks the logged x nearest to it. */
  onPick?: (x: number) => void;
  /** The chart's accessible name (on the hover pad, its one tab stop). */
  label: string;
  /** The id of the text saying which keys the chart takes. */
  describedBy?: string;
}) {
  const series = useContext(SeriesContext);
  const scales = useScales();
  const drawn = useMemo(() => {
    if (!scales) return [];
    const { sx, sy } = scales;
    return series.map((s) => ({
      s,
      d: s.band ? bandPath(s.band, sx, sy) : linePath(s.points, sx, sy),
      dots: s.dot ? pixels(s.points, sx, sy) : [],
    }));
  }, [series, scales]);
  return (
    <g className="series-layer">
      {drawn.map(({ s, d, dots }) =>
        s.band ? (
          <path key={s.key} className={s.className} d={d} fill={s.color} fillOpacity={0.15} />
        ) : (
          <g key={s.key} className={s.className}>
            <path
              d={d}
              fill="none"
              stroke={s.color}
              strokeOpacity={s.opacity ?? 1}
              strokeWidth={s.width ?? 1.5}
              strokeDasharray={s.dash}
              strokeLinejoin="round"
            />
            {dots.map((p, i) => (
              <Dot key={i} x={p.x} y={p.y} r={s.dot ?? 0} color={s.color} shape={s.dotShape} />
            ))}
          </g>
        ),
      )}
      {store && (
        <HoverLayer
          series={series}
          store={store}
          id={id}
          onPick={onPick}
          label={label}
          describedBy={describedBy}
        />
      )}
    </g>
  );
});

/** One marked point in its shape (a ring is hollow: the background shows through). */
export function Dot(p: { x: number; y: number; r: number; color: string; shape?: DotShape }) {
  switch (p.shape) {
    case 'ring':
      return (
        <circle
          cx={p.x}
          cy={p.y}
          r={p.r}
          fill="var(--panel, #fff)"
          stroke={p.color}
          strokeWidth={1.5}
        />
      );
    case 'square':
      return <rect x={p.x - p.r} y={p.y - p.r} width={2 * p.r} height={2 * p.r} fill={p.color} />;
    case 'diamond': {
      const d = p.r * 1.3;
      return (
        <path
          d={`M${p.x} ${p.y - d}L${p.x + d} ${p.y}L${p.x} ${p.y + d}L${p.x - d} ${p.y}Z`}
          fill={p.color}
        />
      );
    }
    default:
      return <circle cx={p.x} cy={p.y} r={p.r} fill={p.color} />;
  }
}
