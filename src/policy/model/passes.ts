import { contentKey, groupedOrder } from './observations';
import { PASS_BYTES, passBytes } from './passBytes';
import type { ModelConfig, Observation, ScoredBatch, TrainBatch } from './types';

/**
 * Most answers (batch rows) one teacher-forced pass holds. The default recipe's GRPO batch of
 * 80 answers (and the warm start's batches of 16) fit in one pass, so their results are exactly
 * what they were before batches were split.
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

/**
 * The caller's rows in passes of at most `maxRows` rows and, with a byte budget, at most its
 * estimated bytes (passBytes): rows with identical observations stay in one pass (encoded once
 * for all of them; a GRPO group is never split), so a pass exceeds a limit only when one
 * observation's rows alone do. Rows come grouped by observation in order of first appearance
 * (see groupedOrder); one pass when the batch fits.
 */
export function planPasses(
  observations: readonly Observation[],
  maxRows: number,
  budget?: ByteBudget,
): number[][] {
  if (!(maxRows >= 1)) throw new RangeError('maxRows must be at least 1');
  const order = groupedOrder(observations);
  const keys = observations.map(contentKey);
  const passes: number[][] = [];
  let current: number[] = [];
  let pass = { units: 0, length: 0, steps: 0, longest: 0 };
  let i = 0;
  while (i < order.length) {
    const key = keys[order[i]!];
    let end = i + 1;
    while (end < order.length && keys[order[end]!] === key) end++;
    const block = order.slice(i, end);
    const lengths = budget ? block.map((r) => budget.steps[r]!) : [];
    const grown = {
      units: pass.units + 1,
      length: Math.max(pass.length, observations[block[0]!]!.tokens.length),
      steps: pass.steps + lengths.reduce((n, l) => n + l, 0),
      longest: Math.max(pass.longest, ...lengths),
    };
    // The decoder runs every row to the pass's longest answer.
    const padded = (current.length + block.length) * grown.longest;
    const over =
      current.length + block.length > maxRows ||
      (budget !== undefined &&
        passBytes(budget.config, grown.units, grown.length, grown.steps, padded) > budget.bytes);
    if (current.length > 0 && over) {
      passes.push(current);
      current = [];
      pass = { units: 0, length: 0, steps: 0, longest: 0 };
      continue;
    }
    current.push(...block);
    pass = grown;
    i = end;
  }
  if (current.length > 0) passes.push(current);
  return passes;
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
