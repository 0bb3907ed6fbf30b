import { createRng } from '../rng';
import type { Split } from './types';

/** Shares of projects per split. */
export const SPLIT_SHARES: Record<Split, number> = { train: 0.7, val: 0.15, test: 0.15 };

/**
 * Assigns whole projects to splits (no project in two splits), in a seeded order, so the same
 * seed always gives the same split.
 */
export function assignSplits(projects: readonly string[], seed: number): Map<string, Split> {
  const order = createRng(seed)
    .fork('splits')
    .shuffle([...projects].sort());
  const n = order.length;
  const nTest = Math.max(1, Math.round(n * SPLIT_SHARES.test));
  const nVal = Math.max(1, Math.round(n * SPLIT_SHARES.val));
  const out = new Map<string, Split>();
  order.forEach((p, i) => out.set(p, i < nTest ? 'test' : i < nTest + nVal ? 'val' : 'train'));
  return out;
}
