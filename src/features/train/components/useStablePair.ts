import { useMemo } from 'react';

/** The same pair object for as long as its two values stay equal (for props compared by identity). */
export function useStablePair(value: readonly [number, number]): [number, number] {
  const [a, b] = value;
  return useMemo(() => [a, b], [a, b]);
}
