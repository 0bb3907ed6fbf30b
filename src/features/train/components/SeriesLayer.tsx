import { createContext, memo, useContext, useMemo } from 'react';
import { usePlotArea, useXAxisInverseScale, useXAxisScale, useYAxisScale } from 'recharts';
import { createStore, useStore, type StoreApi } from 'zustand';
import {
  bandPath,
  linePath,
  pixels,
  nearestPoint,
  type BandPoint,
  type PathPoint,
  type Scale,
} from './seriesPaths';
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

function useScales(): { sx: Scale; sy: Scale } | null {
  const x = useXAxisScale();
  const y = useYAxisScale();
  return useMemo(
    () => (x && y ? { sx: (v: number) => x(v), sy: (v: number) => y(v) } : null),
    [x, y],
  );
}

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
}: {
  /** Where the hovered point goes (none: no hover). */
  store?: HoverStore;
  /** This chart's name in a shared store. */
  id?: string;
  /** A click on the plot picks the logged x nearest to it. */
  onPick?: (x: number) => void;
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
      {store && <HoverLayer series={series} store={store} id={id} onPick={onPick} />}
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

/** The hovered point of a chart: its x in data units and the pointer's pixel position. */
export interface Hover {
  x: number;
  left: number;
  top: number;
  /** The chart's width in px (the tooltip flips to the pointer's left on the right half). */
  width: number;
  /** The chart under the pointer, when several share a store. */
  source?: string;
}

/** Hover state kept outside React's tree, so moving the pointer re-renders only what shows it. */
export type HoverStore = StoreApi<{ hover: Hover | null }>;
export const createHoverStore = (): HoverStore =>
  createStore<{ hover: Hover | null }>(() => ({ hover: null }));

/** The logged x nearest to `x` over every series (the hover snaps to real points). */
export function snapX(series: readonly LayerSeries[], x: number): number | null {
  let best: number | null = null;
  for (const s of series) {
    if (s.band) continue;
    const p =
      nearestPoint(s.points, x) ?? (x < (s.points[0]?.x ?? 0) ? s.points[0] : s.points.at(-1));
    if (p && (best === null || Math.abs(p.x - x) < Math.abs(best - x))) best = p.x;
  }
  return best;
}

/**
 * A transparent pad over the plot area that tracks the pointer, a cursor line at the hovered x,
 * and a dot where it meets each series that asks for one.
 */
function HoverLayer({
  series,
  store,
  id,
  onPick,
}: {
  series: readonly LayerSeries[];
  store: HoverStore;
  id?: string;
  onPick?: ((x: number) => void) | undefined;
}) {
  const area = usePlotArea();
  const scales = useScales();
  const invert = useXAxisInverseScale();
  const hover = useStore(store, (st) => st.hover);
  if (!area || !scales || !invert) return null;
  const at = (e: React.MouseEvent<SVGRectElement>) => {
    const svg = e.currentTarget.ownerSVGElement?.getBoundingClientRect();
    if (!svg) return null;
    const left = e.clientX - svg.left;
    return { svg, left, x: snapX(series, Number(invert(left))) };
  };
  const move = (e: React.MouseEvent<SVGRectElement>) => {
    const where = at(e);
    if (!where) return;
    const { svg, left, x } = where;
    store.setState({
      hover:
        x === null ? null : { x, left, top: e.clientY - svg.top, width: svg.width, source: id },
    });
  };
  const cx = hover ? scales.sx(hover.x) : undefined;
  return (
    <g className="series-hover">
      {cx !== undefined && Number.isFinite(cx) && hover && (
        <>
          <line
            className="series-cursor"
            x1={cx}
            x2={cx}
            y1={area.y}
            y2={area.y + area.height}
            stroke="var(--muted)"
            strokeDasharray="3 3"
          />
          <g className="series-active-dots">
            {series.map((s) => {
              if (!s.activeDot) return null;
              const p = nearestPoint(s.points, hover.x);
              const px = p && scales.sx(p.x);
              const py = p && scales.sy(p.y);
              if (px == null || py == null || !Number.isFinite(px + py)) return null;
              return (
                <circle
                  key={s.key}
                  cx={px}
                  cy={py}
                  r={s.activeDot}
                  fill={s.color}
                  stroke="var(--panel, #fff)"
                  strokeWidth={1.5}
                />
              );
            })}
          </g>
        </>
      )}
      <rect
        className="series-hover-pad"
        data-testid="chart-hover-pad"
        x={area.x}
        y={area.y}
        width={Math.max(0, area.width)}
        height={Math.max(0, area.height)}
        fill="transparent"
        onMouseMove={move}
        onMouseLeave={() => store.setState({ hover: null })}
        onClick={(e) => {
          const x = at(e)?.x;
          if (onPick && x != null) onPick(x);
        }}
      />
    </g>
  );
}
