import { describe, expect, it } from 'vitest';
import { chartKey, loggedXs, snapX, type HoveredSeries } from './chartHover';

const series: HoveredSeries[] = [
  { points: [1, 3, 5].map((x) => ({ x, y: 0 })) },
  { points: [2, 3].map((x) => ({ x, y: 1 })) },
  // A band is not hovered: its x values are not steps to land on.
  { points: [], band: [{ x: 9, lo: 0, hi: 1 }] },
];

describe('chart keys', () => {
  it('lists every logged x once, in order, bands aside', () => {
    expect(loggedXs(series)).toEqual([1, 2, 3, 5]);
    expect(snapX(series, 4.2)).toBe(5);
  });

  it('steps the arrows through the logged points and stops at the ends', () => {
    expect(chartKey(series, null, 'ArrowRight')).toEqual({ kind: 'move', x: 1 });
    expect(chartKey(series, null, 'ArrowLeft')).toEqual({ kind: 'move', x: 5 });
    expect(chartKey(series, 2, 'ArrowRight')).toEqual({ kind: 'move', x: 3 });
    expect(chartKey(series, 3, 'ArrowLeft')).toEqual({ kind: 'move', x: 2 });
    expect(chartKey(series, 5, 'ArrowRight')).toEqual({ kind: 'move', x: 5 });
    expect(chartKey(series, 1, 'ArrowLeft')).toEqual({ kind: 'move', x: 1 });
    expect(chartKey(series, 3, 'Home')).toEqual({ kind: 'move', x: 1 });
    expect(chartKey(series, 3, 'End')).toEqual({ kind: 'move', x: 5 });
  });

  it('picks or hides only what is hovered, and leaves other keys alone', () => {
    expect(chartKey(series, 3, 'Enter')).toEqual({ kind: 'pick', x: 3 });
    expect(chartKey(series, 3, ' ')).toEqual({ kind: 'pick', x: 3 });
    expect(chartKey(series, null, 'Enter')).toBeNull();
    expect(chartKey(series, 3, 'Escape')).toEqual({ kind: 'clear' });
    expect(chartKey(series, null, 'Escape')).toBeNull();
    expect(chartKey(series, 3, 'Tab')).toBeNull();
    expect(chartKey(series, 3, 'ArrowUp')).toBeNull();
    expect(chartKey([], null, 'ArrowRight')).toBeNull();
  });
});
