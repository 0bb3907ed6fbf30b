/**
 * The Evaluate page's results kept in this browser (IndexedDB): evaluations of stored runs on
 * external task files, and external models' scored answers. Structured-cloneable.
 */
import type { ExternalEvalResult } from './external';
import type { ModelScoreResult } from './models';

/** What each kind of kept result holds, by the Evaluate page's job that made it. */
export interface KeptResults {
  external: ExternalEvalResult;
  model: ModelScoreResult;
}

export type KeptJob = keyof KeptResults;

/** One kept result: its id in the store, when it was made, and the result itself. */
export interface Kept<J extends KeptJob = KeptJob> {
  id: number;
  job: J;
  createdAt: number;
  result: KeptResults[J];
}
