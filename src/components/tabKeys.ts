import type { KeyboardEvent } from 'react';

const BACK = ['ArrowLeft', 'ArrowUp'];
const KEYS = [...BACK, 'ArrowRight', 'ArrowDown', 'Home', 'End'];

/**
 * The keyboard of a tablist (the WAI-ARIA tabs pattern): arrow keys move to the previous or next
 * tab, wrapping, Home and End to the first and last; the tab moved to is focused and picked. Put
 * it on the element with `role="tablist"`; its tabs are its `[role="tab"]` descendants, in order.
 */
export function onTabListKey(e: KeyboardEvent<HTMLElement>): void {
  if (!KEYS.includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
  const tabs = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')];
  const at = tabs.findIndex((t) => t === e.target);
  if (at < 0) return;
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? tabs.length - 1
        : (at + (BACK.includes(e.key) ? -1 : 1) + tabs.length) % tabs.length;
  e.preventDefault();
  tabs[next]!.focus();
  tabs[next]!.click();
}
