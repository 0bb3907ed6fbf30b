import { describe, expect, it } from 'vitest';
import {
  bandPath,
  extent,
  linePath,
  nearestPoint,
  niceCeil,
  niceTicks,
  timeTicks,
  stableDomain,
  type Scale,
} from './seriesPaths';

const sx: Scale = (v) => v * 10;
const logY: Scale = (v) => (v > 0 ? 100 - 10 * Math.log10(v) : Number.NaN);

describe('series paths', () => {
  it('draws a polyline through the drawable points, joining over the rest', () => {
    expect(
      linePath(
        [
          { x: 0, y: 1 },
          { x: 1, y: 0 },
          { x: 2, y: 10 },
        ],
        sx,
        logY,
      ),
    ).toBe('M0 100L20 90');
    expect(linePath([{ x: 1, y: 0 }], sx, logY)).toBe('');
    expect(linePath([{ x: 0.123, y: 0.4567 }], sx, (v) => v)).toBe('M1.2 0.5');
  });

  it('closes a band along hi then back along lo', () => {
    const id: Scale = (v) => v;
    expect(
      bandPath(
        [
          { x: 0, lo: 1, hi: 3 },
          { x: 5, lo: 2, hi: 4 },
        ],
        id,
        id,
      ),
    ).toBe('M0 3L5 4L5 2L0 1Z');
    expect(bandPath([], id, id)).toBe('');
  });

  it('finds the extent of finite (optionally positive) values', () => {
    expect(extent([3, -1, Number.NaN, 7])).toEqual([-1, 7]);
    expect(extent([0, -1, 0.5, 2], true)).toEqual([0.5, 2]);
    expect(extent([0], true)).toBeNull();
  });

  it('finds the nearest point by x inside the range only', () => {
    const pts = [{ x: 0 }, { x: 10 }, { x: 20 }];
    expect(nearestPoint(pts, 4)).toBe(pts[0]);
    expect(nearestPoint(pts, 6)).toBe(pts[1]);
    expect(nearestPoint(pts, 20)).toBe(pts[2]);
    expect(nearestPoint(pts, 21)).toBeNull();
    expect(nearestPoint([], 0)).toBeNull();
  });
});

describe('stable axis ranges', () => {
  it('rounds up to few distinct values as a run grows', () => {
    expect([1, 7, 11, 13, 40, 41, 999, 0.031].map(niceCeil)).toEqual([
      1, 8, 12, 15, 40, 50, 1000, 0.04,
    ]);
    const ends = new Set(Array.from({ length: 1000 }, (_, i) => stableDomain(0, i + 1, false)[1]));
    expect(ends.size).toBeLessThanOrEqual(31);
  });

  it('starts linear ranges at 0 and spans whole decades on a log axis', () => {
    expect(stableDomain(3, 17, false)).toEqual([0, 20]);
    expect(stableDomain(-0.27, 0.9, false)).toEqual([-0.3, 1]);
    expect(stableDomain(5, 5, false)).toEqual([0, 5]);
    expect(stableDomain(0, 0, false)).toEqual([0, 1]);
    expect(stableDomain(0.02, 0.7, true)).toEqual([0.01, 1]);
    expect(stableDomain(1, 1, true)).toEqual([1, 10]);
  });
});

describe('time ticks', () => {
  it('step by whole seconds, minutes or hours, so m:ss labels are evenly spaced', () => {
    // 12.5 s: not 2.5 s steps (read 0:03, 0:05, 0:08), but 5 s.
    expect(timeTicks(0, 12_500)).toEqual([0, 5_000, 10_000]);
    expect(timeTicks(0, 4_000)).toEqual([0, 1_000, 2_000, 3_000, 4_000]);
    expect(timeTicks(0, 150_000)).toEqual([0, 30_000, 60_000, 90_000, 120_000, 150_000]);
    expect(timeTicks(0, 1_200_000)).toEqual([0, 300_000, 600_000, 900_000, 1_200_000]);
    expect(timeTicks(0, 10 * 3_600_000)).toEqual([0, 2, 4, 6, 8, 10].map((h) => h * 3_600_000));
    expect(timeTicks(5, 5)).toEqual([5]);
  });
});

describe('nice ticks', () => {
  it('steps by 1, 2, 2.5 or 5 times a power of ten inside the range', () => {
    expect(niceTicks(0, 1.5)).toEqual([0, 0.5, 1, 1.5]);
    expect(niceTicks(0, 25)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(niceTicks(0, 40)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(0, 0.002)).toEqual([0, 0.0005, 0.001, 0.0015, 0.002]);
    expect(niceTicks(-0.3, 1)).toEqual([0, 0.5, 1]);
    expect(niceTicks(-1, 1)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(niceTicks(3, 3)).toEqual([3]);
    // A counting axis (steps, episodes) has whole ticks only: no "step 0.5".
    expect(niceTicks(0, 2)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(niceTicks(0, 2, { whole: true })).toEqual([0, 1, 2]);
    expect(niceTicks(0, 12, { whole: true })).toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(niceTicks(0, 200, { whole: true })).toEqual([0, 50, 100, 150, 200]);
    // Fewer intervals for a small chart: its labels stay evenly spaced.
    expect(niceTicks(0, 1, { count: 2 })).toEqual([0, 0.5, 1]);
    expect(niceTicks(0, 1, { count: 3 })).toEqual([0, 0.5, 1]);
  });
});
