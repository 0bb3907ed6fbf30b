import type { KeyboardEvent } from 'react';
import { isMoveKey, stepIndex } from './rovingFocus';

const KEYS = ['ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown', 'Home', 'End'];

/**
 * The keyboard of a tablist (the WAI-ARIA tabs pattern): arrow keys move to the previous or next
 * tab, wrapping, Home and End to the first and last; the tab moved to is focused and picked. Put
 * it on the element with `role="tablist"`; its tabs are its `[role="tab"]` descendants, in order.
 */
export function onTabListKey(e: KeyboardEvent<HTMLElement>): void {
  if (!isMoveKey(e, KEYS)) return;
  const tabs = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')];
  const at = tabs.findIndex((t) => t === e.target);
  if (at < 0) return;
  const next = stepIndex(e.key, at, tabs.length, true)!;
  e.preventDefault();
  tabs[next]!.focus();
  tabs[next]!.click();
}
