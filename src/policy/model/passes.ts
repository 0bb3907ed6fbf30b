import { contentKey, groupedOrder } from './observations';
import type { Observation, ScoredBatch, TrainBatch } from './types';

/**
 * Most answers (batch rows) one teacher-forced pass holds. A pass keeps every activation of its
 * rows until its gradients are taken, and tfjs-backend-wasm's heap never shrinks and cannot pass
 * 4 GB (past 2 GB some kernels read out of bounds). Measured on the default model (wasm, GRPO
 * groups of 8 answers of 12 steps over 512-token observations): one GRPO pass of 80 answers
 * grows the heap to 2.1 GB (40: 1.0 GB; the encoder's attention over each distinct observation
 * dominates), and a step of 50 tasks x 8 answers in one pass aborted. Bigger batches are split
 * into passes whose gradients are summed. The default recipe's 80 answers (and the warm start's
 * batches of 16) fit in one pass, so their results are exactly what they were before batches
 * were split.
 */
export const ROWS_PER_PASS = 80;

/**
 * The caller's rows in passes of at most `maxRows` rows: rows with identical observations stay
 * in one pass (encoded once for all of them; a GRPO group is never split), so a pass exceeds
 * `maxRows` only when one observation alone has more rows. Rows come grouped by observation in
 * order of first appearance (see groupedOrder); one pass when the batch fits.
 */
export function planPasses(observations: readonly Observation[], maxRows: number): number[][] {
  if (!(maxRows >= 1)) throw new RangeError('maxRows must be at least 1');
  const order = groupedOrder(observations);
  const keys = observations.map(contentKey);
  const passes: number[][] = [];
  let current: number[] = [];
  let i = 0;
  while (i < order.length) {
    const key = keys[order[i]!];
    let end = i + 1;
    while (end < order.length && keys[order[end]!] === key) end++;
    const block = order.slice(i, end);
    if (current.length > 0 && current.length + block.length > maxRows) {
      passes.push(current);
      current = [];
    }
    current.push(...block);
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
 * A batch as its passes: the batch itself when it fits in one, else each pass's rows picked
 * (`rows`: their indices in the batch). A pass whose answers are all empty has nothing to score
 * (and packing it would fail), so it is left out.
 */
export function batchPasses<B extends ScoredBatch | TrainBatch>(
  batch: B,
  maxRows: number,
): { rows: number[]; part: B }[] {
  const plan = planPasses(batch.observations, maxRows);
  if (plan.length === 1) return [{ rows: plan[0]!, part: batch }];
  return plan
    .filter((rows) => rows.some((r) => batch.actions[r]!.length > 0))
    .map((rows) => ({ rows, part: pickRows(batch, rows) }));
}
