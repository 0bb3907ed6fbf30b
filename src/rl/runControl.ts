import type { TrainConfig } from './config';

/** A going run's controls, as the session holds them: pause, stop, the mix, its progress. */
export interface Control {
  paused: boolean;
  stop: boolean;
  wake: (() => void) | null;
  mix: TrainConfig['mix'];
  trainKinds: TrainConfig['trainKinds'];
  step: number;
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
