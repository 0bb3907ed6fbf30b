import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { HoverStore } from './chartHover';

/**
 * The tooltip box of a chart drawn with SeriesLayer: beside the pointer, flipped to its left on
 * the right half of the chart, showing `children(x)` for the hovered x. Only this re-renders as
 * the pointer moves. It is read out when the keys moved it (a live region that stays mounted, so
 * each change is announced), not as the pointer sweeps over the chart.
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
  const shown = hover && hover.source === id ? hover : null;
  return (
    <div aria-live={shown?.keyboard ? 'polite' : 'off'} data-testid="chart-hover-live">
      {shown && (
        <div
          className="chart-hover-tooltip"
          style={{
            top: 4,
            left: shown.left + 16,
            transform: `translateX(${shown.left > shown.width / 2 ? 'calc(-100% - 32px)' : '0'})`,
          }}
        >
          {children(shown.x)}
        </div>
      )}
    </div>
  );
}
