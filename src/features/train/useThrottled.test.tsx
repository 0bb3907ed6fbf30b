// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useThrottled } from './useThrottled';

describe('useThrottled', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes the first change at once, then at most one per interval, always ending on the latest', () => {
    const { result, rerender } = renderHook(({ v }) => useThrottled(v, 1000), {
      initialProps: { v: 0 },
    });
    expect(result.current).toBe(0);
    rerender({ v: 1 });
    act(() => void vi.advanceTimersByTime(0));
    expect(result.current).toBe(1);
    rerender({ v: 2 });
    rerender({ v: 3 });
    act(() => void vi.advanceTimersByTime(500));
    expect(result.current).toBe(1);
    act(() => void vi.advanceTimersByTime(600));
    expect(result.current).toBe(3);
  });
});
