import type { TrainConfig } from './config';
import type { ConfigEvent } from '../protocol/training';
import type { LabDatabase } from '../storage/db';

/** A going run's controls, as the session holds them: pause, stop, the mix, its progress. */
export interface Control {
  paused: boolean;
  stop: boolean;
  wake: (() => void) | null;
  mix: TrainConfig['mix'];
  trainKinds: TrainConfig['trainKinds'];
  /** The next step to start, or the step going while `stepGoing`. */
  step: number;
  /** A step is going: its mix was read when it began, so a change now applies from the next. */
  stepGoing: boolean;
  /** The run's last stored mix change (its row id and the step it applies from), if any. */
  lastEvent: { id: number; step: number } | null;
  elapsedBase: number;
  /**
   * When this session's training began (after the suite was built or read), or null while it
   * is preparing: a run's elapsed time counts training, not building its tasks.
   */
  startedAt: number | null;
}

/** A run's training time so far: earlier sessions' and this one's since training began. */
export const elapsedOf = (c: Control, now: number): number =>
  c.elapsedBase + (c.startedAt === null ? 0 : now - c.startedAt);

/** The step a mix change made now applies from: the next one to begin. */
export const mixFromStep = (c: Pick<Control, 'step' | 'stepGoing'>): number =>
  c.stepGoing ? c.step + 1 : c.step;

/** A run's last stored mix change, from its rows in the order they were stored. */
export function lastEventOf(rows: readonly { id?: number; step: number }[]): Control['lastEvent'] {
  const last = rows.at(-1);
  return last?.id !== undefined ? { id: last.id, step: last.step } : null;
}

/**
 * Applies a (checked) mix change to a run's control and stores it as a config event at the step
 * it applies from. Changes made before that step begins (moves of several sliders, or during a
 * pause) are one change: no step drew tasks with the earlier ones, so the last replaces them,
 * and the charts mark one change a step.
 */
export async function changeMix(
  db: LabDatabase,
  runId: string,
  c: Control,
  mix: TrainConfig['mix'],
  now: number,
): Promise<ConfigEvent> {
  c.mix = { ...mix };
  const event: ConfigEvent = { step: mixFromStep(c), elapsedMs: elapsedOf(c, now), mix: c.mix };
  const last = c.lastEvent;
  if (last?.step === event.step && (await db.events.update(last.id, event)) === 1) return event;
  c.lastEvent = { id: await db.events.add({ runId, ...event }), step: event.step };
  return event;
}
