// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useHistoryMoves } from './useHistoryMoves';

afterEach(cleanup);

const move = () => act(() => void window.dispatchEvent(new PopStateEvent('popstate')));

describe('useHistoryMoves', () => {
  it('counts each move through the history once, however many views follow it', () => {
    const one = renderHook(() => useHistoryMoves());
    const two = renderHook(() => useHistoryMoves());
    const start = one.result.current;
    expect(two.result.current).toBe(start);
    move();
    move();
    expect(one.result.current).toBe(start + 2);
    expect(two.result.current).toBe(start + 2);
  });

  it('counts no address written by the page itself (pushState fires no popstate)', () => {
    const { result } = renderHook(() => useHistoryMoves());
    const start = result.current;
    act(() => window.history.pushState(null, '', '/episodes?episode=2'));
    expect(result.current).toBe(start);
    move();
    expect(result.current).toBe(start + 1);
  });

  it('stops listening when the last view goes, and counts on from where it was', () => {
    const first = renderHook(() => useHistoryMoves());
    move();
    const seen = first.result.current;
    first.unmount();
    window.dispatchEvent(new PopStateEvent('popstate'));
    const later = renderHook(() => useHistoryMoves());
    expect(later.result.current).toBe(seen);
  });
});
