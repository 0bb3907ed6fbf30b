import { useEffect, useState } from 'react';

/**
 * Where a run's shown time is counted from: the worker's figure `base`, the wall time counting
 * from it began (`from`), and, while it stands still (paused), the time counted on top (`held`).
 * Kept per run outside any component, so leaving the page or opening another run and coming
 * back finds it counted on meanwhile.
 */
interface Anchor {
  base: number;
  from: number;
  held: number | null;
}
const anchors = new Map<string, Anchor>();

/**
 * A run's training time as shown: the worker's figure (carried by each step's event) counted on
 * by the second while the run trains, so it moves through a warm start or a long step rather
 * than standing still until the next step. Not counting (paused, ended, or trained in another
 * tab), it stays where it got to until the worker's next figure. `stillTraining` tells, when the
 * view stops counting, a pause or an end (it stands still) from a page left or another run
 * opened (it goes on).
 */
export function useLiveElapsed(
  runId: string | null,
  elapsedMs: number,
  counting: boolean,
  stillTraining: (runId: string) => boolean,
): number {
  const [shown, setShown] = useState<{ runId: string; base: number; ms: number } | null>(null);
  useEffect(() => {
    if (!counting || runId === null) return;
    const was = anchors.get(runId);
    const now = Date.now();
    const anchor: Anchor =
      was?.base !== elapsedMs
        ? { base: elapsedMs, from: now, held: null }
        : was.held === null
          ? was
          : { base: elapsedMs, from: now - was.held, held: null };
    anchors.set(runId, anchor);
    const tick = () => setShown({ runId, base: elapsedMs, ms: Date.now() - anchor.from });
    const first = setTimeout(tick, 0);
    const every = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(every);
      if (!stillTraining(runId)) anchor.held = Date.now() - anchor.from;
    };
  }, [counting, runId, elapsedMs, stillTraining]);
  if (runId === null) return elapsedMs;
  // Not counting, it stands still where a pause held it (or, in the render that stops counting,
  // at its last second).
  const held = counting ? undefined : anchors.get(runId);
  if (held?.base === elapsedMs && held.held !== null) return elapsedMs + held.held;
  return elapsedMs + (shown?.runId === runId && shown.base === elapsedMs ? shown.ms : 0);
}
