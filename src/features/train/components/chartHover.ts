import { createStore, type StoreApi } from 'zustand';
import { nearestPoint, type BandPoint, type PathPoint } from './seriesPaths';

/** The hovered point of a chart: its x in data units and where the tooltip goes, in px. */
export interface Hover {
  x: number;
  left: number;
  top: number;
  /** The chart's width in px (the tooltip flips to the pointer's left on the right half). */
  width: number;
  /** The chart under the pointer, when several share a store. */
  source?: string;
  /** Moved there from the keyboard (its tooltip is read out; leaving the chart hides it). */
  keyboard?: boolean;
}

/** Hover state kept outside React's tree, so moving the pointer re-renders only what shows it. */
export type HoverStore = StoreApi<{ hover: Hover | null }>;
export const createHoverStore = (): HoverStore =>
  createStore<{ hover: Hover | null }>(() => ({ hover: null }));

/** What the hover needs of a drawn series: its points, and whether it is a band (not hovered). */
export interface HoveredSeries {
  points: readonly PathPoint[];
  band?: readonly BandPoint[];
}

/** The logged x nearest to `x` over every series (the hover snaps to real points). */
export function snapX(series: readonly HoveredSeries[], x: number): number | null {
  let best: number | null = null;
  for (const s of series) {
    if (s.band) continue;
    const p =
      nearestPoint(s.points, x) ?? (x < (s.points[0]?.x ?? 0) ? s.points[0] : s.points.at(-1));
    if (p && (best === null || Math.abs(p.x - x) < Math.abs(best - x))) best = p.x;
  }
  return best;
}

/** Every logged x over the series (bands aside), ascending, once each. */
export function loggedXs(series: readonly HoveredSeries[]): number[] {
  const xs = new Set<number>();
  for (const s of series) if (!s.band) for (const p of s.points) xs.add(p.x);
  return [...xs].sort((a, b) => a - b);
}

/** What a key does on a focused chart. */
export type ChartKeyAction =
  { kind: 'move'; x: number } | { kind: 'pick'; x: number } | { kind: 'clear' } | null;

/**
 * A key pressed on a focused chart, hovering `current` (null: nothing yet): the arrows step to
 * the previous or next logged x (from nothing, Right starts at the first, Left at the last),
 * Home and End go to the ends, Enter or Space picks the hovered x (as a click does), Escape
 * hides the hover. Null: the key is not the chart's.
 */
export function chartKey(
  series: readonly HoveredSeries[],
  current: number | null,
  key: string,
): ChartKeyAction {
  if (key === 'Escape') return current === null ? null : { kind: 'clear' };
  if (key === 'Enter' || key === ' ') return current === null ? null : { kind: 'pick', x: current };
  if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(key)) return null;
  const xs = loggedXs(series);
  const first = xs[0];
  const last = xs.at(-1);
  if (first === undefined || last === undefined) return null;
  if (key === 'Home') return { kind: 'move', x: first };
  if (key === 'End') return { kind: 'move', x: last };
  if (current === null) return { kind: 'move', x: key === 'ArrowRight' ? first : last };
  const next = key === 'ArrowRight' ? xs.find((x) => x > current) : xs.findLast((x) => x < current);
  return { kind: 'move', x: next ?? current };
}
