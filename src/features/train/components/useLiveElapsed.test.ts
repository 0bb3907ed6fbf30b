// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveElapsed } from './useLiveElapsed';

describe('useLiveElapsed', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts on by the second while training, from each figure the worker gives', () => {
    const { result, rerender } = renderHook(
      ({ ms, counting }) => useLiveElapsed('r', ms, counting),
      {
        initialProps: { ms: 0, counting: true },
      },
    );
    expect(result.current).toBe(0);
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    expect(result.current).toBe(3000);
    // A step's event: its figure, counted on from there.
    rerender({ ms: 2500, counting: true });
    expect(result.current).toBe(2500);
    act(() => {
      vi.advanceTimersByTime(2000);
    });
    expect(result.current).toBe(4500);
  });

  it('stands still while paused, then goes on from where it stood', () => {
    const { result, rerender } = renderHook(
      ({ ms, counting }) => useLiveElapsed('r', ms, counting),
      {
        initialProps: { ms: 1000, counting: true },
      },
    );
    act(() => {
      vi.advanceTimersByTime(4000);
    });
    expect(result.current).toBe(5000);
    rerender({ ms: 1000, counting: false });
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(result.current).toBe(5000);
    rerender({ ms: 1000, counting: true });
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(result.current).toBe(6000);
  });

  it('starts afresh for another run at the same figure', () => {
    const { result, rerender } = renderHook(({ id }) => useLiveElapsed(id, 1000, true), {
      initialProps: { id: 'a' },
    });
    act(() => {
      vi.advanceTimersByTime(2000);
    });
    expect(result.current).toBe(3000);
    rerender({ id: 'b' });
    expect(result.current).toBe(1000);
  });

  it('shows the worker’s figure alone when not counting (an ended run, another tab’s)', () => {
    const { result } = renderHook(() => useLiveElapsed('r', 7000, false));
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(result.current).toBe(7000);
  });
});
