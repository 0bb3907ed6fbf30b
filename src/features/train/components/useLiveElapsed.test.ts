// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveElapsed } from './useLiveElapsed';

/** Runs the store calls training: a view that stops counting for another reason goes on. */
const training = new Set<string>();
const stillTraining = (id: string) => training.has(id);

describe('useLiveElapsed', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    training.clear();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const wait = (ms: number) =>
    act(() => {
      vi.advanceTimersByTime(ms);
    });

  it('counts on by the second while training, from each figure the worker gives', () => {
    const { result, rerender } = renderHook(
      ({ ms, counting }) => useLiveElapsed('r1', ms, counting, stillTraining),
      { initialProps: { ms: 0, counting: true } },
    );
    expect(result.current).toBe(0);
    wait(3000);
    expect(result.current).toBe(3000);
    // A step's event: its figure, counted on from there.
    rerender({ ms: 2500, counting: true });
    expect(result.current).toBe(2500);
    wait(2000);
    expect(result.current).toBe(4500);
  });

  it('stands still while paused, then goes on from where it stood', () => {
    const { result, rerender } = renderHook(
      ({ ms, counting }) => useLiveElapsed('r2', ms, counting, stillTraining),
      { initialProps: { ms: 1000, counting: true } },
    );
    wait(4000);
    expect(result.current).toBe(5000);
    rerender({ ms: 1000, counting: false });
    expect(result.current).toBe(5000);
    wait(10_000);
    expect(result.current).toBe(5000);
    rerender({ ms: 1000, counting: true });
    wait(1000);
    expect(result.current).toBe(6000);
  });

  it('goes on while its view is away (the page left, another run opened), not from 0', () => {
    training.add('r3');
    const first = renderHook(() => useLiveElapsed('r3', 0, true, stillTraining));
    wait(5000);
    expect(first.result.current).toBe(5000);
    first.unmount();
    wait(20_000);
    const again = renderHook(() => useLiveElapsed('r3', 0, true, stillTraining));
    wait(0);
    expect(again.result.current).toBe(25_000);
  });

  it('shows the worker’s figure alone when not counting (an ended run, another tab’s)', () => {
    const { result } = renderHook(() => useLiveElapsed('r4', 7000, false, stillTraining));
    wait(5000);
    expect(result.current).toBe(7000);
  });
});
