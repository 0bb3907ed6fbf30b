import type { KeyboardEvent } from 'react';

/** Keys that move the focus back (to a previous item) in a list, a tablist or a row. */
const BACK = new Set(['ArrowLeft', 'ArrowUp']);

/**
 * Whether `e` is one of `keys` pressed alone (no Alt, Ctrl or Meta: those belong to the browser
 * and the system), so a roving-focus widget should handle it.
 */
export const isMoveKey = (e: KeyboardEvent, keys: readonly string[]): boolean =>
  keys.includes(e.key) && !e.altKey && !e.ctrlKey && !e.metaKey;

/**
 * The index an arrow key, Home or End moves to from `at` among `count` items in a line: Left and
 * Up go back one, Right and Down forward one, Home and End to the ends. Past an end it wraps
 * with `wrap` (a tablist) and is null without (a list or a table row stays put).
 */
export function stepIndex(key: string, at: number, count: number, wrap: boolean): number | null {
  if (count === 0) return null;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  const to = at + (BACK.has(key) ? -1 : 1);
  if (wrap) return (to + count) % count;
  return to >= 0 && to < count ? to : null;
}
