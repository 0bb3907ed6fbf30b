// Test support (imported by tests only): one small corpus project's valid tasks, a Node sandbox
// pool for a test file, and a tiny run.
import { afterAll, beforeAll } from 'vitest';
import { CORPUS } from '../core/corpus';
import type { SandboxRunner } from '../core/sandbox/types';
import { buildBuiltinTasks } from '../core/tasks/build';
import type { Task } from '../core/tasks/types';
import { validateTask } from '../core/tasks/validate';
import { createNodeSandbox } from '../node/sandbox';
import { QUICK_CONFIG } from '../rl/presets';

let validTasks: Promise<Task[]> | null = null;
/** The valid built-in tasks of one small corpus project (built once per file). */
export function projectTasks(sandbox: SandboxRunner): Promise<Task[]> {
  validTasks ??= (async () => {
    const project = CORPUS.find((p) => p.name === 'roman-numerals')!;
    const built = await buildBuiltinTasks(sandbox, { seed: 5, projects: [project], maxMutants: 8 });
    const tasks: Task[] = [];
    for (const t of built.tasks) if ((await validateTask(t, sandbox)).ok) tasks.push(t);
    return tasks;
  })();
  return validTasks;
}

/**
 * A sandbox pool of 2 for the test file (disposed after it) and, once `beforeAll` has run, the
 * first `count` of the project's valid tasks in `bed.tasks`.
 */
export function taskBed(count = Infinity): {
  sandbox: ReturnType<typeof createNodeSandbox>;
  tasks: Task[];
} {
  const bed = { sandbox: createNodeSandbox({ size: 2 }), tasks: [] as Task[] };
  afterAll(() => bed.sandbox.dispose());
  beforeAll(async () => {
    bed.tasks = (await projectTasks(bed.sandbox)).slice(0, count);
  }, 120_000);
  return bed;
}

/** A run small enough for a unit test: a tiny model, a few steps, few evaluations. */
export const tinyRun = {
  ...QUICK_CONFIG,
  name: 'cli-test',
  warmStartPerKind: 3,
  warmStartEpochs: 1,
  steps: 3,
  tasksPerStep: 2,
  groupSize: 3,
  evalEvery: 0,
  evalTasksPerKind: 1,
  testTasksPerKind: 2,
  model: { ...QUICK_CONFIG.model, dModel: 16, ffDim: 32, vocabSize: 300 },
};
