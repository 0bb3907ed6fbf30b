import { useSyncExternalStore } from 'react';

// Counts the browser's own moves through the history (Back, Forward, a history entry picked):
// one listener for every subscriber, so each move counts once.
let moves = 0;
const listeners = new Set<() => void>();
function moved() {
  moves += 1;
  for (const tell of listeners) tell();
}
function subscribe(tell: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('popstate', moved);
  listeners.add(tell);
  return () => {
    listeners.delete(tell);
    if (listeners.size === 0) window.removeEventListener('popstate', moved);
  };
}
const read = () => moves;

/**
 * How many times the browser moved through the history while this page was open, rendered at
 * once (not in a transition). React Router renders a location in a transition, so two quick
 * changes (an entry pushed, then Back to the one before) can render as one, as if the address
 * never changed; a view that follows the address also follows this count.
 */
export function useHistoryMoves(): number {
  return useSyncExternalStore(subscribe, read, () => 0);
}
