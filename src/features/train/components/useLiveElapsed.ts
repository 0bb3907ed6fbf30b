import { useEffect, useRef, useState } from 'react';

/**
 * A run's training time as shown: the worker's figure (carried by each step's event) counted on
 * by the second while the run trains, so it moves through a warm start or a long step rather
 * than standing still until the next step. Not counting (paused, ended, or trained in another
 * tab), it stays where it got to until the worker's next figure.
 */
export function useLiveElapsed(runId: string | null, elapsedMs: number, counting: boolean): number {
  // Time counted here on top of `base`, the run and the worker's figure it was counted from.
  const base = `${runId}:${elapsedMs}`;
  const [extra, setExtra] = useState<{ base: string; ms: number } | null>(null);
  // The same, for the effect to read when counting starts again.
  const held = useRef<{ base: string; ms: number } | null>(null);
  useEffect(() => {
    if (!counting) return;
    // Resumed from a pause: on from where it stood, not from the worker's last figure.
    const carried = held.current?.base === base ? held.current.ms : 0;
    const from = Date.now() - carried;
    const timer = setInterval(() => {
      held.current = { base, ms: Date.now() - from };
      setExtra(held.current);
    }, 1000);
    return () => clearInterval(timer);
  }, [counting, base]);
  return extra?.base === base ? elapsedMs + extra.ms : elapsedMs;
}
