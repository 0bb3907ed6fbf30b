import { useEffect, useRef } from 'react';
import { viewKey, type EpisodesView } from '../../protocol/episodeView';

/** A view taken from the address (Back, Forward): a new object each time one is taken. */
export interface Heard {
  key: string;
}

/**
 * Tells `onView` of the list's view when it changes, not again when `onView` changes (the
 * Episodes page's does with each address). A view just taken from the address (`heard`) is not
 * told back: the address it came from may be one the browser has already left (React Router
 * renders each address in a transition, so one pushed before a quick Back can render after it),
 * and telling it would push that entry again over the one Back went to.
 */
export function useTellView(
  view: EpisodesView,
  onView: ((view: EpisodesView) => void) | undefined,
  heard: Heard | null,
): void {
  const told = useRef<string | null>(null);
  const used = useRef<Heard | null>(null);
  useEffect(() => {
    const key = viewKey(view);
    if (told.current === key) return;
    told.current = key;
    // Each view heard counts once: the same view picked again later is the person's, told.
    const fresh = heard !== null && used.current !== heard;
    used.current = heard;
    if (fresh && heard.key === key) return;
    onView?.(view);
  }, [view, onView, heard]);
}
