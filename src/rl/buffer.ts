import type { Rng } from '../core/rng';
import type { Task, TaskKind } from '../core/tasks/types';

/**
 * One unified buffer of training tasks of every kind in the mix: each draw picks a kind by its
 * mixing weight, then a task of that kind uniformly (the paper's rollout workers draw tasks of
 * all skills at random).
 */
export class TaskBuffer {
  private readonly byKind = new Map<TaskKind, Task[]>();

  constructor(tasks: readonly Task[]) {
    for (const t of tasks) this.byKind.set(t.kind, [...(this.byKind.get(t.kind) ?? []), t]);
  }

  kinds(): TaskKind[] {
    return [...this.byKind.keys()];
  }

  count(kind: TaskKind): number {
    return this.byKind.get(kind)?.length ?? 0;
  }

  /** Draws `n` tasks; weights may change between calls (skill-mix sliders). */
  draw(n: number, weights: readonly { kind: TaskKind; weight: number }[], rng: Rng): Task[] {
    const usable = weights.filter((w) => w.weight > 0 && this.count(w.kind) > 0);
    if (usable.length === 0)
      throw new Error('The task buffer has no tasks of the kinds in the mix.');
    const out: Task[] = [];
    for (let i = 0; i < n; i++)
      out.push(rng.pick(this.byKind.get(pickWeighted(usable, rng).kind)!));
    return out;
  }
}

/** One of `items` (not empty), each as likely as its weight. */
export function pickWeighted<T extends { weight: number }>(items: readonly T[], rng: Rng): T {
  let r = rng.next() * items.reduce((s, w) => s + w.weight, 0);
  return items.find((w) => (r -= w.weight) < 0) ?? items[items.length - 1]!;
}
