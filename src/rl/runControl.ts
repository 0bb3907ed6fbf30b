import { mixProblem, type TrainConfig } from './config';
import type { TaskKind } from '../core/tasks/types';
import type { ConfigEvent } from '../protocol/training';
import type { LabDatabase } from '../storage/db';

/** A going run's controls, as the session holds them: pause, stop, the mix, its progress. */
export interface Control {
  paused: boolean;
  stop: boolean;
  wake: (() => void) | null;
  mix: TrainConfig['mix'];
  trainKinds: TrainConfig['trainKinds'];
  /** The run's planned steps: once they have all begun, a mix change would apply to none. */
  steps: number;
  /** The next step to start, or the step going while `stepGoing`. */
  step: number;
  /** A step is going: its mix was read when it began, so a change now applies from the next. */
  stepGoing: boolean;
  /** The run's last mix change in effect (its row id and the step it applies from), if any. */
  lastEvent: { id: number; step: number } | null;
  /**
   * Stored mix changes that apply from a step after the one the run resumed at (made during steps
   * it trains again), in step order: each applies as the run reaches its step (applyDue), so the
   * steps trained again draw tasks as they first did.
   */
  pending: PendingChange[];
  elapsedBase: number;
  /**
   * When this session's training began (after the suite was built or read), or null while it
   * is preparing: a run's elapsed time counts training, not building its tasks.
   */
  startedAt: number | null;
  /**
   * The trained kinds the run's training tasks hold, once its tasks are read (null before): a
   * mix may only lean on those.
   */
  present?: readonly TaskKind[] | null;
  /** The mix change being stored, if any: the next waits for it (one at a time). */
  mixing?: Promise<unknown>;
}

/** A pause, resume or stop as asked: held by the run's control, or before it is made. */
export type Intent = Pick<Control, 'paused' | 'stop' | 'wake'>;

/**
 * A run from `start()` to its end: its control once the run is read (null before: it is
 * starting), and a pause or stop asked while it starts, which the control begins with.
 */
export interface GoingRun {
  runId: string;
  control: Control | null;
  asked: Intent;
}

export const startingRun = (runId: string): GoingRun => ({
  runId,
  control: null,
  asked: { paused: false, stop: false, wake: null },
});

/** Stop asked: a paused run wakes to stop, at the next step boundary. */
export function askStop(c: Intent): void {
  c.stop = true;
  c.paused = false;
  c.wake?.();
}

/**
 * One turn of the worker's event loop: its messages (Stop, Pause, a mix change) are heard and
 * its timers (the events' flush) run. A warm start on WASM awaits only reads that settle at
 * once, and would otherwise hold the loop until it ends.
 */
export const nextTurn = (): Promise<void> => new Promise((turn) => setTimeout(turn, 0));

/** A stored mix change waiting for its step (see Control.pending). */
export interface PendingChange {
  id: number;
  step: number;
  mix: TrainConfig['mix'];
}

/**
 * Waits for a paused run's Resume or Stop (each clears `paused`, then calls `wake`). One that
 * came before the wait began (while the pause was being stored) has woken nobody: it goes on at
 * once rather than waiting for good.
 */
export async function untilWoken(c: Pick<Control, 'paused' | 'wake'>): Promise<void> {
  await new Promise<void>((resolve) => {
    c.wake = resolve;
    if (!c.paused) resolve();
  });
  c.wake = null;
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
 * A run's mix as it starts at step `from` (0, or its checkpoint's step on resume), from its stored
 * mix changes (`rows`, in the order they were stored): the last one applying from `from` or
 * before (the run's own mix where none does), and those applying later, pending. A change made
 * during a pause after the last checkpoint applies from a later step than the one the run resumes
 * at: the steps between are trained again with the mix they first had, and the change, still the
 * person's last, applies from its own step.
 */
export function mixOnStart(
  rows: readonly { id?: number; step: number; mix: TrainConfig['mix'] }[],
  from: number,
  runMix: TrainConfig['mix'],
): Pick<Control, 'mix' | 'lastEvent' | 'pending'> {
  const applied = rows.filter((e) => e.step <= from);
  const pending = rows
    .filter((e) => e.step > from && e.id !== undefined)
    .map((e) => ({ id: e.id!, step: e.step, mix: e.mix }))
    .sort((a, b) => a.step - b.step || a.id - b.id);
  return { mix: applied.at(-1)?.mix ?? runMix, lastEvent: lastEventOf(applied), pending };
}

/** Applies the pending changes due by the step about to begin (`c.step`); returns the mix. */
export function applyDue(c: Control): TrainConfig['mix'] {
  while (c.pending.length && c.pending[0]!.step <= c.step) {
    const due = c.pending.shift()!;
    c.mix = due.mix;
    c.lastEvent = { id: due.id, step: due.step };
  }
  return c.mix;
}

/**
 * Applies a (checked) mix change to a run's control and stores it as a config event at the step
 * it applies from. Changes made before that step begins (moves of several sliders, or during a
 * pause) are one change: no step drew tasks with the earlier ones, so the last replaces them,
 * and the charts mark one change a step. A change replaces the pending ones too (they would
 * apply after it): the person's last change is the mix from its step on.
 */
export async function changeMix(
  db: LabDatabase,
  runId: string,
  c: Control,
  mix: TrainConfig['mix'],
  now: number,
): Promise<ConfigEvent> {
  // The control changes at once, before any await: a step beginning meanwhile draws with this
  // mix, and no pending change falls due over it.
  const before = { mix: c.mix, pending: c.pending };
  const next = { ...mix };
  c.mix = next;
  const dropped = c.pending;
  c.pending = [];
  const event: ConfigEvent = { step: mixFromStep(c), elapsedMs: elapsedOf(c, now), mix: next };
  const last = c.lastEvent;
  try {
    if (dropped.length) await db.events.bulkDelete(dropped.map((p) => p.id));
    if (last?.step === event.step && (await db.events.update(last.id, event)) === 1) return event;
    c.lastEvent = { id: await db.events.add({ runId, ...event }), step: event.step };
    return event;
  } catch (error) {
    // Not stored: the run goes back to the mix its record has (a step begun meanwhile drew
    // with this one; the failed write stops the run at the next step boundary in any case).
    if (c.mix === next) Object.assign(c, before);
    throw error;
  }
}

/**
 * Why a mix change cannot be taken now, or null: every step of the run has begun (its last
 * evaluation may still be going), so it would apply to none.
 */
/**
 * Why a skill mix cannot replace a going run's, or null: every trained kind its training tasks
 * hold would be at weight 0 (the buffer could draw nothing, at this step and at every resume),
 * or no step is left for it.
 */
export function mixChangeProblem(
  c: Pick<Control, 'trainKinds' | 'present' | 'step' | 'stepGoing' | 'steps'>,
  mix: TrainConfig['mix'],
): string | null {
  const present = c.present ? c.trainKinds.filter((k) => c.present!.includes(k)) : c.trainKinds;
  const problem = mixProblem(present, mix);
  if (problem && present.length < c.trainKinds.length)
    return `skill mix: every skill trained on that this run has training tasks of (${present.join(', ')}) has weight 0, so no task could be drawn; give one of them a weight above 0`;
  return problem ?? mixTooLate(c);
}

export function mixTooLate(c: Pick<Control, 'step' | 'stepGoing' | 'steps'>): string | null {
  return mixFromStep(c) >= c.steps
    ? `The run has begun all its ${c.steps} steps (it is finishing or evaluating), so a mix change would apply to none`
    : null;
}
