import { useMemo } from 'react';
import { usePlotArea, useXAxisInverseScale, useXAxisScale, useYAxisScale } from 'recharts';
import { useStore } from 'zustand';
import { chartKey, snapX, type HoverStore } from './chartHover';
import { nearestPoint, type Scale } from './seriesPaths';
import type { LayerSeries } from './SeriesLayer';

/** The chart's scales from data to px, once Recharts has laid it out. */
export function useScales(): { sx: Scale; sy: Scale } | null {
  const x = useXAxisScale();
  const y = useYAxisScale();
  return useMemo(
    () => (x && y ? { sx: (v: number) => x(v), sy: (v: number) => y(v) } : null),
    [x, y],
  );
}

export interface HoverLayerProps {
  series: readonly LayerSeries[];
  store: HoverStore;
  id?: string | undefined;
  onPick?: ((x: number) => void) | undefined;
  /** The chart's accessible name; the pad is its one tab stop. */
  label: string;
  /** The id of the text saying which keys the chart takes. */
  describedBy?: string | undefined;
}

/**
 * A transparent pad over the plot area that tracks the pointer, a cursor line at the hovered x,
 * and a dot where it meets each series that asks for one. The pad takes focus: the keys of
 * `chartKey` move the hover from logged point to logged point, pick one as a click does, or
 * hide the hover.
 */
export function HoverLayer({ series, store, id, onPick, label, describedBy }: HoverLayerProps) {
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
  const key = (e: React.KeyboardEvent<SVGRectElement>) => {
    const current = hover && hover.source === id ? hover.x : null;
    const action = chartKey(series, current, e.key);
    if (!action) return;
    e.preventDefault();
    if (action.kind === 'clear') store.setState({ hover: null });
    else if (action.kind === 'pick') onPick?.(action.x);
    else {
      const width = e.currentTarget.ownerSVGElement?.getBoundingClientRect().width ?? 0;
      const left = scales.sx(action.x) ?? area.x;
      store.setState({
        hover: { x: action.x, left, top: area.y, width, source: id, keyboard: true },
      });
    }
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
        tabIndex={0}
        role="application"
        aria-roledescription="chart"
        aria-label={label}
        aria-describedby={describedBy}
        x={area.x}
        y={area.y}
        width={Math.max(0, area.width)}
        height={Math.max(0, area.height)}
        fill="transparent"
        onMouseMove={move}
        onMouseLeave={() => store.setState({ hover: null })}
        onKeyDown={key}
        onBlur={() => {
          // A tooltip the keys showed goes with the focus; the pointer's stays with the pointer.
          if (store.getState().hover?.keyboard) store.setState({ hover: null });
        }}
        onClick={(e) => {
          const x = at(e)?.x;
          if (onPick && x != null) onPick(x);
        }}
      />
    </g>
  );
}
