import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import type { Task } from '../core/tasks/types';
import { sampleByKind } from './run';

/** Only the fields sampleByKind reads. */
const task = (kind: Task['kind'], i: number): Task => ({ id: `${kind}-${i}`, kind }) as Task;
const pool = (n: number): Task[] =>
  Array.from({ length: n }, (_, i) => [task('editing', i), task('review', i)]).flat();
const ids = (tasks: readonly Task[]): string[] => tasks.map((t) => t.id);

describe('sampleByKind', () => {
  it('draws up to perKind tasks of each kind, the same for the same seed', () => {
    const tasks = pool(200);
    const a = sampleByKind(tasks, 20, createRng(1));
    expect(a.filter((t) => t.kind === 'editing')).toHaveLength(20);
    expect(a.filter((t) => t.kind === 'review')).toHaveLength(20);
    expect(ids(sampleByKind(tasks, 20, createRng(1)))).toEqual(ids(a));
    expect(ids(sampleByKind(tasks, 20, createRng(2)))).not.toEqual(ids(a));
    expect(sampleByKind(tasks, 0, createRng(1))).toHaveLength(400);
    expect(sampleByKind(tasks, 500, createRng(1))).toHaveLength(400);
  });

  it('changes at most one task of a sample when the suite gains or loses one', () => {
    const tasks = pool(200);
    const before = new Set(ids(sampleByKind(tasks, 30, createRng(7))));
    for (const changed of [
      tasks.filter((t) => t.id !== 'editing-17'),
      [...tasks.slice(0, 50), task('editing', 999), ...tasks.slice(50)],
    ]) {
      const after = ids(sampleByKind(changed, 30, createRng(7)));
      expect(after).toHaveLength(60);
      expect(after.filter((id) => !before.has(id)).length).toBeLessThanOrEqual(1);
    }
  });
});
