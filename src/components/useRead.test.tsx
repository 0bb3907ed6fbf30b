// @vitest-environment jsdom
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useRead } from './useRead';

afterEach(cleanup);

const failed = (message: string) => `failed: ${message}`;

/** A read whose answer the test gives, counting how often it was started. */
function deferred() {
  const calls: { resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const read = () =>
    new Promise<string>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { read, calls };
}

describe('useRead', () => {
  it('reads once per function, and nothing while the function is null', async () => {
    const a = deferred();
    const { result, rerender } = renderHook(({ read }) => useRead(read, failed, 'a thing'), {
      initialProps: { read: null as (() => Promise<string>) | null },
    });
    expect(result.current).toBeUndefined();
    rerender({ read: a.read });
    rerender({ read: a.read });
    expect(a.calls).toHaveLength(1);
    a.calls[0]!.resolve('one');
    await waitFor(() => expect(result.current).toBe('one'));
    rerender({ read: null });
    expect(result.current).toBeUndefined();
  });

  it("turns a failure into the caller's value, with what could not be read", async () => {
    const a = deferred();
    const { result } = renderHook(() => useRead(a.read, failed, 'a thing'));
    a.calls[0]!.reject(new Error('the disk is gone'));
    await waitFor(() =>
      expect(result.current).toBe('failed: Could not read a thing: the disk is gone'),
    );
  });

  it("never shows an earlier function's answer for a later one", async () => {
    const a = deferred();
    const b = deferred();
    const { result, rerender } = renderHook(({ read }) => useRead(read, failed, 'a thing'), {
      initialProps: { read: a.read },
    });
    rerender({ read: b.read });
    a.calls[0]!.resolve('stale');
    await Promise.resolve();
    expect(result.current).toBeUndefined();
    b.calls[0]!.resolve('fresh');
    await waitFor(() => expect(result.current).toBe('fresh'));
  });
});
