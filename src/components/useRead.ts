import { errorText } from '../protocol/errorText';
import { useEffect, useState } from 'react';

/**
 * Starts `read` and hands its value to `onValue`, or a failure (`what` went wrong) to `onError`,
 * unless the effect was cleaned up first; returns that cleanup. For an effect's body.
 */
export function readInto<T>(
  read: Promise<T>,
  onValue: (value: T) => void,
  onError: (message: string) => void,
  what: string,
): () => void {
  let live = true;
  read.then(
    (value) => live && onValue(value),
    (e: unknown) => live && onError(`Could not read ${what}: ${errorText(e)}`),
  );
  return () => {
    live = false;
  };
}

/**
 * The value of `read()`, read once per `read` function (so pass a stable one): undefined while
 * it is read, and while `read` is null; a failure becomes `failed(message)`.
 */
export function useRead<T>(
  read: (() => Promise<T>) | null,
  failed: (message: string) => T,
  what: string,
): T | undefined {
  const [got, setGot] = useState<{ from: () => Promise<T>; value: T }>();
  useEffect(() => {
    if (!read) return;
    return readInto(
      read(),
      (value) => setGot({ from: read, value }),
      (message) => setGot({ from: read, value: failed(message) }),
      what,
    );
    // `failed` and `what` only shape a failure's message: a new one need not read again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [read]);
  return read && got?.from === read ? got.value : undefined;
}
