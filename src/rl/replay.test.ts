import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import type { Task } from '../core/tasks/types';
import { ReplayStore } from './replay';

const task = (kind: Task['kind'], i: number): Task => ({ id: `${kind}-${i}`, kind }) as Task;
const answers = (...firsts: number[]) => firsts.map((a) => ({ actions: [a, 0] }));
const uniform = [
  { kind: 'localization' as const, weight: 1 },
  { kind: 'reproduction' as const, weight: 1 },
];

describe('ReplayStore', () => {
  it('holds a group’s best answer only when it beat the group’s mean and scored above 0', () => {
    const store = new ReplayStore();
    store.offer(task('localization', 0), answers(1, 2, 3), [1, 1, 1]); // flat: no signal
    store.offer(task('localization', 1), answers(1, 2, 3), [0, 0, 0]);
    store.offer(task('localization', 2), answers(1, 2, 3), [-1, 0, -1]); // 0 is not a reward
    expect(store.size()).toBe(0);
    store.offer(task('localization', 3), answers(1, 2, 3), [0, 0.5, 1]);
    expect(store.entries()).toEqual([{ taskId: 'localization-3', actions: [3, 0], reward: 1 }]);
  });

  it('keeps each task’s best answer: a lower one does not replace it, an equal one (newer) does', () => {
    const store = new ReplayStore();
    const t = task('reproduction', 0);
    store.offer(t, answers(1, 2), [0, 1]);
    store.offer(t, answers(5, 6), [0.5, 0]);
    expect(store.entries()).toEqual([{ taskId: t.id, actions: [2, 0], reward: 1 }]);
    store.offer(t, answers(7, 8), [1, 0]);
    expect(store.entries()).toEqual([{ taskId: t.id, actions: [7, 0], reward: 1 }]);
    expect(store.size()).toBe(1);
  });

  it('draws kinds by their weights among the kinds it holds, the same way for the same seed', () => {
    const store = new ReplayStore();
    expect(store.draw(4, uniform, createRng(1))).toEqual([]);
    store.offer(task('localization', 0), answers(1, 2), [0, 1]);
    // Only localization is held: every draw is it, whatever reproduction's weight.
    const onlyLoc = store.draw(5, uniform, createRng(1));
    expect(onlyLoc.map((h) => h.task.id)).toEqual(Array(5).fill('localization-0'));
    for (let i = 0; i < 3; i++) store.offer(task('reproduction', i), answers(1, 2), [1, 0]);
    const draws = store.draw(400, uniform, createRng(2));
    const repro = draws.filter((h) => h.task.kind === 'reproduction').length;
    expect(repro).toBeGreaterThan(150);
    expect(repro).toBeLessThan(250);
    expect(new Set(draws.map((h) => h.task.id)).size).toBe(4);
    const zeroRepro = [uniform[0]!, { ...uniform[1]!, weight: 0 }];
    expect(
      store.draw(20, zeroRepro, createRng(2)).every((h) => h.task.kind === 'localization'),
    ).toBe(true);
    expect(store.draw(50, uniform, createRng(3)).map((h) => h.task.id)).toEqual(
      store.draw(50, uniform, createRng(3)).map((h) => h.task.id),
    );
  });

  it('restores what a checkpoint kept, in the same order, dropping tasks no longer there', () => {
    const store = new ReplayStore();
    const tasks = [task('localization', 0), task('reproduction', 0), task('localization', 1)];
    tasks.forEach((t, i) => store.offer(t, answers(i + 1, 9), [1, 0]));
    const entries = JSON.parse(JSON.stringify(store.entries())) as ReturnType<
      ReplayStore['entries']
    >;
    const again = ReplayStore.restore(entries, tasks);
    expect(again.entries()).toEqual(store.entries());
    expect(again.draw(30, uniform, createRng(4)).map((h) => h.actions)).toEqual(
      store.draw(30, uniform, createRng(4)).map((h) => h.actions),
    );
    const fewer = ReplayStore.restore(entries, tasks.slice(1));
    expect(fewer.entries().map((e) => e.taskId)).toEqual(['localization-1', 'reproduction-0']);
  });
});
