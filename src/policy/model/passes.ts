import { contentKey, groupedOrder } from './observations';
import { cheapestRuns } from './lengthRuns';
import { PASS_BYTES, passBytes } from './passBytes';
import type { ModelConfig, Observation, ScoredBatch, TrainBatch } from './types';

/**
 * Most answers (batch rows) one teacher-forced pass holds: the default recipe's GRPO batch of
 * 80 answers (and the warm start's batches of 16) would fit in one pass, and only split where
 * their observations' lengths differ (see planPasses). Passes of one batch sum to the loss and
 * gradient of the whole batch, up to float rounding.
 */
export const ROWS_PER_PASS = 80;

/** How big one pass may be: answers, and estimated peak bytes (see passBytes). */
export interface PassLimits {
  rows: number;
  bytes: number;
}

export const DEFAULT_PASS_LIMITS: PassLimits = { rows: ROWS_PER_PASS, bytes: PASS_BYTES };

/** What planPasses weighs a pass's bytes by: the model, and each row's answer steps. */
export interface ByteBudget {
  config: ModelConfig;
  bytes: number;
  steps: readonly number[];
}

/** One observation's rows: they always share a pass. */
interface Block {
  rows: number[];
  length: number;
}

/**
 * The caller's rows in passes of at most `maxRows` rows and, with a byte budget, at most its
 * estimated bytes (passBytes). Rows with identical observations stay in one pass (encoded once
 * for all of them; a GRPO group is never split), so a pass exceeds a limit only when one
 * observation's rows alone do. Every observation of a pass is padded to the pass's longest, so
 * the passes are runs of observations by length, cut where that costs least (cheapestRuns): a
 * batch mixing short observations (a file list, a diff) with full-length ones (a whole file)
 * trains in two or three passes instead of padding them all to the longest. Within a pass, rows
 * keep their grouped order (see groupedOrder).
 */
export function planPasses(
  observations: readonly Observation[],
  maxRows: number,
  budget?: ByteBudget,
): number[][] {
  if (!(maxRows >= 1)) throw new RangeError('maxRows must be at least 1');
  const blocks = observationBlocks(observations);
  const fits = (run: readonly number[]): boolean => {
    const rows = run.flatMap((k) => blocks[k]!.rows);
    if (rows.length > maxRows) return false;
    if (!budget) return true;
    const steps = rows.map((r) => budget.steps[r]!);
    const length = Math.max(...run.map((k) => blocks[k]!.length));
    // The decoder runs every row to the pass's longest answer.
    const padded = rows.length * Math.max(...steps);
    const used = steps.reduce((n, l) => n + l, 0);
    return passBytes(budget.config, run.length, length, used, padded) <= budget.bytes;
  };
  return cheapestRuns(
    blocks.map((b) => b.length),
    fits,
  ).map((run) => run.flatMap((k) => blocks[k]!.rows));
}

/** The rows of each distinct observation, in grouped order (see groupedOrder). */
function observationBlocks(observations: readonly Observation[]): Block[] {
  const keys = observations.map(contentKey);
  const blocks: Block[] = [];
  for (const r of groupedOrder(observations)) {
    const last = blocks[blocks.length - 1];
    if (last && keys[last.rows[0]!] === keys[r]) last.rows.push(r);
    else blocks.push({ rows: [r], length: observations[r]!.tokens.length });
  }
  return blocks;
}

/** The given rows of a batch (every per-row field picked, in `rows` order). */
export function pickRows<B extends ScoredBatch | TrainBatch>(batch: B, rows: readonly number[]): B {
  const pick = <T>(items: readonly T[]): T[] => rows.map((r) => items[r]!);
  const out: ScoredBatch = {
    observations: pick(batch.observations),
    actions: pick(batch.actions),
    allowed: pick(batch.allowed),
  };
  if (!('advantages' in batch)) return out as B;
  const train: TrainBatch = {
    ...out,
    advantages: Float32Array.from(rows, (r) => batch.advantages[r]!),
    oldLogProbs: pick(batch.oldLogProbs),
    ...(batch.refLogProbs ? { refLogProbs: pick(batch.refLogProbs) } : {}),
    ...(batch.groups ? { groups: pick(batch.groups) } : {}),
    ...(batch.tasks ? { tasks: pick(batch.tasks) } : {}),
  };
  return train as B;
}

/**
 * A batch as its passes within `limits` for a model of `config`: the batch itself when it fits in
 * one, else each pass's rows picked (`rows`: their indices in the batch). A pass whose answers
 * are all empty has nothing to score (and packing it would fail), so it is left out.
 */
export function batchPasses<B extends ScoredBatch | TrainBatch>(
  batch: B,
  config: ModelConfig,
  limits: PassLimits,
): { rows: number[]; part: B }[] {
  const steps = batch.actions.map((a) => a.length);
  const plan = planPasses(batch.observations, limits.rows, { config, bytes: limits.bytes, steps });
  if (plan.length === 1) return [{ rows: plan[0]!, part: batch }];
  return plan
    .filter((rows) => rows.some((r) => batch.actions[r]!.length > 0))
    .map((rows) => ({ rows, part: pickRows(batch, rows) }));
}
