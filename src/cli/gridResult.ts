import type { TaskKind } from '../core/tasks/types';
import type { KindScore, PerTaskScores } from '../eval/evaluate';
import type { TrainConfig } from '../rl/config';

/** A run's test scores, per task kind. */
export type Scores = Partial<Record<TaskKind, KindScore>>;

/** What `lab experiment` writes to results.json: each baseline's test scores, and how they were trained. */
export interface GridResult {
  base: string;
  seed: number;
  backend: string;
  /** The whole base config every baseline was derived from (absent in older results). */
  config?: TrainConfig;
  /** Which tasks: the built-in suite's seed, or the suite file (absent in older results). */
  suite?: string;
  /** The warm-start directory every RL baseline forked from (absent in older results). */
  warmStart?: string;
  /** Test-split scores per baseline name. */
  runs: Record<
    string,
    {
      scores: Scores;
      /** Each test task's score (absent for runs that did not keep them). */
      perTask?: PerTaskScores | undefined;
      seconds: number;
      steps: number;
      reusedFrom?: string;
    }
  >;
}
