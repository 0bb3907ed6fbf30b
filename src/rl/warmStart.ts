import type { Rng } from '../core/rng';
import type { Task, TaskKind } from '../core/tasks/types';
import type { PolicyTrainer, ScoredBatch } from '../policy/model';
import type { PolicyAgent } from './agent';

export interface WarmStartReport {
  /** Examples cloned per kind (gold answers the observation could express). */
  examples: Partial<Record<TaskKind, number>>;
  /** Mean negative log-likelihood per epoch. */
  losses: number[];
  /** Stopped between batches (`between`), before its last epoch was done. */
  stopped?: true;
}

const BATCH = 16;
/** Examples sorted by length together (observations are padded to the longest of a batch). */
const WINDOW = BATCH * 8;

/**
 * Batches of similar observation length, in seeded order: a shuffled list is cut into windows,
 * each window sorted by length and cut into batches, and the batches shuffled. Padding a batch
 * of short observations to one long one would otherwise cost most of the warm start's time.
 */
export function lengthBatches<T extends { observation: { tokens: ArrayLike<number> } }>(
  shuffled: readonly T[],
  rng: Rng,
): T[][] {
  const batches: T[][] = [];
  for (let w = 0; w < shuffled.length; w += WINDOW) {
    const window = shuffled
      .slice(w, w + WINDOW)
      .sort((a, b) => a.observation.tokens.length - b.observation.tokens.length);
    for (let i = 0; i < window.length; i += BATCH) batches.push(window.slice(i, i + BATCH));
  }
  return rng.shuffle(batches);
}

/**
 * The paper's light supervised warm start: behaviour cloning of verified gold answers, up to
 * `perKind` tasks of each training kind, for `epochs` passes in seeded order.
 */
export async function warmStart(
  agent: PolicyAgent,
  trainer: PolicyTrainer,
  tasks: readonly Task[],
  kinds: readonly TaskKind[],
  perKind: number,
  epochs: number,
  rng: Rng,
  onEpoch?: (epoch: number, loss: number) => void,
  /** Awaited before each batch (a pause waits there); true stops the cloning. */
  between?: () => Promise<boolean>,
): Promise<WarmStartReport> {
  const examples: {
    observation: ScoredBatch['observations'][number];
    actions: number[];
    allowed: number[][];
  }[] = [];
  const counts: WarmStartReport['examples'] = {};
  for (const kind of kinds) {
    let n = 0;
    for (const task of rng.shuffle(tasks.filter((t) => t.kind === kind))) {
      if (n >= perKind) break;
      const gold = agent.goldActions(task);
      if (!gold) continue;
      examples.push({
        observation: gold.prepared.observation,
        actions: gold.actions,
        allowed: agent.allowedTrace(gold.prepared, gold.actions),
      });
      n++;
    }
    counts[kind] = n;
  }
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs && examples.length > 0; epoch++) {
    let total = 0;
    let batches = 0;
    for (const chunk of lengthBatches(rng.shuffle(examples), rng)) {
      if (between && (await between())) return { examples: counts, losses, stopped: true };
      const stats = await trainer.supervisedStep({
        observations: chunk.map((e) => e.observation),
        actions: chunk.map((e) => e.actions),
        allowed: chunk.map((e) => e.allowed),
      });
      total += stats.loss;
      batches++;
    }
    losses.push(total / Math.max(1, batches));
    onEpoch?.(epoch, losses[losses.length - 1]!);
  }
  return { examples: counts, losses };
}
