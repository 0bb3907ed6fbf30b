import { useCallback, useEffect, useRef, useState } from 'react';
import { releaseDropped, type StorageOutcome } from '../../bridge/storage';
import { refocus } from '../../components/focus';
import { useApp } from '../../state/hooks';

/**
 * The Storage panel's last outcome. It goes when it no longer applies: the panel closed or left,
 * or the run it names deleted; a drop's episodes held for its Undo are released with it.
 */
export function useStorageOutcome(open: boolean) {
  // Closing the panel clears it (StoragePanel's toggle); meanwhile it is not shown.
  const [outcome, setOutcome] = useState<StorageOutcome | null>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  // The outcome whose Undo is still offered, for the release when it goes.
  const held = useRef<StorageOutcome | null>(null);
  /**
   * Replaces the outcome; the episodes held for the last one's Undo are released, unless
   * `release` is false (the new outcome is that Undo's, which took them back).
   */
  const say = useCallback((next: StorageOutcome | null, release = true) => {
    const last = held.current;
    if (release && last?.runId) releaseDropped(last.runId);
    held.current = next?.undo ? next : null;
    setOutcome(next);
  }, []);
  /**
   * After an action: the focus, lost with its disabled or removed button, goes to what came of
   * it. The button may go in a render after this call (the Undo replaced by its outcome), so each
   * render for the next second tries again, until the focus has moved.
   */
  const settleUntil = useRef(0);
  const settle = useCallback(() => {
    settleUntil.current = performance.now() + 1000;
    requestAnimationFrame(() => {
      if (refocus(outcomeRef.current)) settleUntil.current = 0;
    });
  }, []);
  useEffect(() => {
    if (performance.now() < settleUntil.current && refocus(outcomeRef.current))
      settleUntil.current = 0;
  });
  const runGone = useApp(
    (s) => outcome?.runId !== undefined && !s.train.runs.some((r) => r.id === outcome.runId),
  );
  // Its run deleted, or the page left: nothing is left to undo the drop from.
  useEffect(() => {
    if (runGone && held.current?.runId) releaseDropped(held.current.runId);
  }, [runGone]);
  useEffect(
    () => () => {
      if (held.current?.runId) releaseDropped(held.current.runId);
    },
    [],
  );
  return { outcome: open && !runGone ? outcome : null, say, settle, outcomeRef };
}
