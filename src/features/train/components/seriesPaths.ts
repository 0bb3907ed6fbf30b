/** SVG path data for chart series, from points and the chart's scales (pure). */

/** A data-to-pixel scale; undefined or a non-finite result means "not drawable" (e.g. log of 0). */
export type Scale = (value: number) => number | undefined;

export interface PathPoint {
  x: number;
  y: number;
}

export interface BandPoint {
  x: number;
  lo: number;
  hi: number;
}

const px = (v: number | undefined): number | null =>
  v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10) / 10;

/** Pixel positions of the drawable points, in order (points that cannot be drawn are skipped). */
export function pixels(
  points: readonly PathPoint[],
  sx: Scale,
  sy: Scale,
): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (const p of points) {
    const x = px(sx(p.x));
    const y = px(sy(p.y));
    if (x !== null && y !== null) out.push({ x, y });
  }
  return out;
}

/**
 * One polyline through every drawable point ("M x y L x y ..."); undrawable points are joined
 * over, as Recharts' connectNulls does. Empty when nothing can be drawn.
 */
export function linePath(points: readonly PathPoint[], sx: Scale, sy: Scale): string {
  const at = pixels(points, sx, sy);
  return at.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join('');
}

/** A closed area between `hi` (left to right) and `lo` (right to left); empty if undrawable. */
export function bandPath(points: readonly BandPoint[], sx: Scale, sy: Scale): string {
  const upper = pixels(
    points.map((p) => ({ x: p.x, y: p.hi })),
    sx,
    sy,
  );
  const lower = pixels(
    points.map((p) => ({ x: p.x, y: p.lo })),
    sx,
    sy,
  ).reverse();
  if (upper.length === 0 || lower.length === 0) return '';
  return `${[...upper, ...lower].map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join('')}Z`;
}

/** [min, max] over finite values (positive only when `positiveOnly`), or null when none. */
export function extent(values: Iterable<number>, positiveOnly = false): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (positiveOnly && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** The point nearest to x in points sorted by x, or null outside their range. */
export function nearestPoint<P extends { x: number }>(points: readonly P[], x: number): P | null {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || x < first.x || x > last.x) return null;
  let lo = 0;
  let hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((points[mid] as P).x <= x) lo = mid;
    else hi = mid;
  }
  const a = points[lo] as P;
  const b = points[hi] as P;
  return x - a.x <= b.x - x ? a : b;
}

const NICE = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest "round" number >= v (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten). */
export function niceCeil(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return v;
  const p = 10 ** Math.floor(Math.log10(v));
  const m = NICE.find((n) => n * p >= v * (1 - 1e-12)) ?? 10;
  return +(m * p).toPrecision(12);
}

/**
 * An axis range that covers [lo, hi] and changes rarely while a run grows: linear ranges start
 * at 0 (or below, for negative data) and end at a round number; log ranges span whole decades.
 * A chart whose axes keep their range redraws only its curves when points arrive.
 */
export function stableDomain(lo: number, hi: number, log: boolean): [number, number] {
  if (log) {
    const a = 10 ** Math.floor(Math.log10(lo));
    const b = 10 ** Math.ceil(Math.log10(hi));
    return [a, b > a ? b : a * 10];
  }
  const from = lo >= 0 ? 0 : -niceCeil(-lo);
  const to = hi > 0 ? niceCeil(hi) : 0;
  return [from, to > from ? to : from + 1];
}

/**
 * Round tick values inside [lo, hi] for a linear axis: about `count` (default 5) intervals, each
 * a multiple of 1, 2, 2.5 or 5 x 10^k; whole numbers only when the axis counts (`whole`: steps,
 * episodes), where "step 0.5" means nothing.
 */
export function niceTicks(
  lo: number,
  hi: number,
  { count = 5, whole = false }: { count?: number; whole?: boolean } = {},
): number[] {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return [lo];
  const raw = span / Math.max(1, count);
  const p = 10 ** Math.floor(Math.log10(raw));
  const nice = ([1, 2, 2.5, 5, 10].find((m) => m * p >= raw * (1 - 1e-9)) ?? 10) * p;
  // 2.5 x 10^0 is no whole step either.
  const step = whole ? Math.max(1, nice === 2.5 ? 2 : nice) : nice;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step)
    ticks.push(+t.toPrecision(12));
  return ticks;
}

/** Steps (s) of a time axis's ticks: whole seconds, then whole minutes and hours, as a clock reads. */
const TIME_STEPS_S = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600];

/**
 * About `count` ticks over [lo, hi] ms, at a step a clock's labels show evenly (`m:ss` rounds to
 * the second: 2.5 s steps read 0:03, 0:05, 0:08): whole seconds, minutes or hours.
 */
export function timeTicks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return [lo];
  const raw = span / Math.max(1, count) / 1000;
  const hours = Math.ceil(raw / 3600 - 1e-9);
  const step = (TIME_STEPS_S.find((s) => s >= raw * (1 - 1e-9)) ?? hours * 3600) * 1000;
  const ticks: number[] = [];
  // `|| 0`: not -0 (ceil of a hair below 0).
  for (let t = (Math.ceil(lo / step - 1e-9) || 0) * step; t <= hi + step * 1e-9; t += step)
    ticks.push(t);
  return ticks;
}

/** `stableDomain` over the finite values (positive only on a log axis), or `empty` if none. */
export function roundDomain(
  values: Iterable<number>,
  log: boolean,
  empty: [number, number],
): [number, number] {
  const e = extent(values, log);
  return e ? stableDomain(e[0], e[1], log) : empty;
}
