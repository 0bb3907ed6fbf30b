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
    const total = usable.reduce((s, w) => s + w.weight, 0);
    const out: Task[] = [];
    for (let i = 0; i < n; i++) {
      let r = rng.next() * total;
      const pick = usable.find((w) => (r -= w.weight) < 0) ?? usable[usable.length - 1]!;
      out.push(rng.pick(this.byKind.get(pick.kind)!));
    }
    return out;
  }
}
