import { useEffect, useRef } from 'react';

/**
 * An episode's trace, once opened (from its row or a link), brought into view with its heading
 * focused, once per episode; its row, in the list's own scroll box, moved to the middle of that
 * box when out of its sight. Returns the ref for the trace's box.
 */
export function useTraceInView(episodeId: number | null) {
  const traceBox = useRef<HTMLDivElement>(null);
  const broughtIn = useRef<number | null>(null);
  useEffect(() => {
    if (episodeId === null || broughtIn.current === episodeId) {
      if (episodeId === null) broughtIn.current = null;
      return;
    }
    broughtIn.current = episodeId;
    const box = traceBox.current;
    box?.querySelector<HTMLElement>('h3')?.focus({ preventScroll: true });
    box?.scrollIntoView?.({ block: 'start' });
    const row = document.querySelector<HTMLElement>(
      `[data-testid="episode-row"][data-episode-id="${episodeId}"]`,
    );
    const list = row?.closest<HTMLElement>('.episode-list-box');
    if (row && list) {
      const r = row.getBoundingClientRect();
      const b = list.getBoundingClientRect();
      if (r.top < b.top || r.bottom > b.bottom)
        list.scrollTop += r.top - b.top - (b.height - r.height) / 2;
    }
  }, [episodeId]);
  return traceBox;
}
