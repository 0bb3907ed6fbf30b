import type { ConfigEvent } from '../../protocol/training';
import { useApp } from '../../state/hooks';

/**
 * The step a run's last mix change waits for, when it is after the next one: a change made after
 * the checkpoint a resumed run went back to (the steps before it are trained again with the mix
 * they first had). Null when the last change is in effect or applies from the next step.
 */
export function pendingMixFrom(
  events: readonly Pick<ConfigEvent, 'step'>[],
  runStep: number,
): number | null {
  const last = events.at(-1);
  return last && last.step > runStep + 1 ? last.step : null;
}

/** The step the open run's last mix change waits for (see `pendingMixFrom`), or null. */
export const usePendingMixFrom = (): number | null =>
  useApp((s) => {
    const id = s.train.focusId;
    const step = s.train.runs.find((r) => r.id === id)?.step ?? 0;
    return id ? pendingMixFrom(s.train.series[id]?.events ?? [], step) : null;
  });
