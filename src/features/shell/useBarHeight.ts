import { useEffect, type RefObject } from 'react';

/** The CSS variable holding the status bar's height; the page's scroll padding reads it. */
export const BAR_HEIGHT_VAR = '--status-bar-height';

/**
 * Keeps `--status-bar-height` on <html> equal to the element's height as it changes (the status
 * bar wraps to more lines in a narrow window), so the page's `scroll-padding-bottom` keeps a
 * focused control scrolled clear of the bar stuck over the page's bottom.
 */
export function useBarHeight(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    const root = document.documentElement;
    const set = () => root.style.setProperty(BAR_HEIGHT_VAR, `${bar.offsetHeight}px`);
    set();
    const watch = new ResizeObserver(set);
    watch.observe(bar);
    return () => {
      watch.disconnect();
      root.style.removeProperty(BAR_HEIGHT_VAR);
    };
  }, [ref]);
}
