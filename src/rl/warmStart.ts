import type { Rng } from '../core/rng';
import type { Task, TaskKind } from '../core/tasks/types';
import type { PolicyTrainer, ScoredBatch } from '../policy/model';
import type { PolicyAgent } from './agent';

export interface WarmStartReport {
  /** Examples cloned per kind (gold answers the observation could express). */
  examples: Partial<Record<TaskKind, number>>;
  /** Mean negative log-likelihood per epoch. */
  losses: number[];
}

const BATCH = 16;

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
    const order = rng.shuffle(examples);
    let total = 0;
    let batches = 0;
    for (let i = 0; i < order.length; i += BATCH) {
      const chunk = order.slice(i, i + BATCH);
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
