import type { Rng } from '../core/rng';
import type { Task, TaskKind } from '../core/tasks/types';
import { pickWeighted } from './buffer';

/** A replayed answer as a checkpoint keeps it: the task by id, the decoded actions, the reward. */
export interface ReplayEntry {
  taskId: string;
  actions: number[];
  reward: number;
}

interface Held {
  task: Task;
  actions: number[];
  reward: number;
}

/**
 * Self-imitation replay: each training task's best answer the run has sampled, among those that
 * scored above their group's mean (answers the reward already preferred). A GRPO step with
 * `replayPerStep` trains on a few of them again at a positive advantage, so a skill whose tasks
 * come up only a fifth of the steps still learns from what it got right before. Only the run's
 * own rewarded answers enter: no oracle answer, nothing the verifiers did not reward.
 */
export class ReplayStore {
  /** Per kind, by task id (insertion order: deterministic draws). */
  private readonly byKind = new Map<TaskKind, Map<string, Held>>();

  /**
   * Offers a graded group: its best answer enters (replacing the task's earlier one, unless that
   * scored more) when it scored above the group's mean and above 0.
   */
  offer(task: Task, answers: readonly { actions: number[] }[], rewards: readonly number[]): void {
    if (answers.length === 0) return;
    const mean = rewards.reduce((s, r) => s + r, 0) / rewards.length;
    let best = 0;
    for (let i = 1; i < rewards.length; i++) if (rewards[i]! > rewards[best]!) best = i;
    const reward = rewards[best]!;
    if (!(reward > mean && reward > 0)) return;
    let tasks = this.byKind.get(task.kind);
    if (!tasks) this.byKind.set(task.kind, (tasks = new Map<string, Held>()));
    const held = tasks.get(task.id);
    if (held && held.reward > reward) return;
    tasks.set(task.id, { task, actions: [...answers[best]!.actions], reward });
  }

  size(): number {
    let n = 0;
    for (const tasks of this.byKind.values()) n += tasks.size;
    return n;
  }

  /**
   * Draws `n` held answers (with replacement): a kind by its mixing weight among the kinds that
   * hold any, then one of its answers uniformly. None while nothing is held.
   */
  draw(n: number, weights: readonly { kind: TaskKind; weight: number }[], rng: Rng): Held[] {
    const usable = weights.filter((w) => w.weight > 0 && (this.byKind.get(w.kind)?.size ?? 0) > 0);
    if (usable.length === 0) return [];
    const out: Held[] = [];
    for (let i = 0; i < n; i++)
      out.push(rng.pick([...this.byKind.get(pickWeighted(usable, rng).kind)!.values()]));
    return out;
  }

  /** What a checkpoint keeps, in a deterministic order. */
  entries(): ReplayEntry[] {
    return [...this.byKind.values()].flatMap((tasks) =>
      [...tasks.values()].map((h) => ({
        taskId: h.task.id,
        actions: [...h.actions],
        reward: h.reward,
      })),
    );
  }

  /** A store holding a checkpoint's entries again (entries whose task is gone are dropped). */
  static restore(entries: readonly ReplayEntry[], tasks: readonly Task[]): ReplayStore {
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const store = new ReplayStore();
    for (const e of entries) {
      const task = byId.get(e.taskId);
      if (!task) continue;
      let held = store.byKind.get(task.kind);
      if (!held) store.byKind.set(task.kind, (held = new Map<string, Held>()));
      held.set(task.id, { task, actions: [...e.actions], reward: e.reward });
    }
    return store;
  }
}
