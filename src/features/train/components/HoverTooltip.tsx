import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { HoverStore } from './SeriesLayer';

/**
 * The tooltip box of a chart drawn with SeriesLayer: beside the pointer, flipped to its left on
 * the right half of the chart, showing `children(x)` for the hovered x. Only this re-renders as
 * the pointer moves.
 */
export function HoverTooltip({
  store,
  id,
  children,
}: {
  store: HoverStore;
  /** Shown only when this chart is the hovered one (charts sharing a store). */
  id?: string;
  children: (x: number) => ReactNode;
}) {
  const hover = useStore(store, (s) => s.hover);
  if (!hover || hover.source !== id) return null;
  return (
    <div
      className="chart-hover-tooltip"
      style={{
        top: 4,
        left: hover.left + 16,
        transform: `translateX(${hover.left > hover.width / 2 ? 'calc(-100% - 32px)' : '0'})`,
      }}
    >
      {children(hover.x)}
    </div>
  );
}
