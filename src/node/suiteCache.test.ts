import { afterAll, describe, expect, it } from 'vitest';
import { ATOMIC_SKILLS, SPLITS } from '../core/tasks/types';
import { QUICK_PROJECTS } from '../rl/suiteSource';
import { createNodeSandbox } from './sandbox';
import { quickSuite } from './suiteCache';

const sandbox = createNodeSandbox({ size: 2 });
afterAll(() => sandbox.dispose());

describe('the quick suite in Node', () => {
  it('is built from the quick projects, then read from its cache', async () => {
    // In the cache `lab` uses (a fresh checkout builds it here; `lab` and the e2e tests then
    // read it).
    const built = await quickSuite(sandbox, 1, { quiet: true });
    expect(new Set(built.tasks.map((t) => t.project))).toEqual(new Set(QUICK_PROJECTS));
    // Every split, and every skill to train on.
    for (const split of SPLITS)
      expect(
        built.tasks.some((t) => t.split === split),
        split,
      ).toBe(true);
    const train = new Set(built.tasks.filter((t) => t.split === 'train').map((t) => t.kind));
    for (const skill of ATOMIC_SKILLS) expect(train.has(skill), skill).toBe(true);

    // An invalid task is reported with its kind (its id begins with it); the quick suite has some.
    expect(built.invalid.length).toBeGreaterThan(0);
    for (const bad of built.invalid) expect(bad.id.startsWith(`${bad.kind}:`), bad.id).toBe(true);

    const again = await quickSuite(sandbox, 1, { quiet: true });
    expect(again.cached).toBe(true);
    expect(again.file).toBe(built.file);
    expect(again.tasks.map((t) => t.id)).toEqual(built.tasks.map((t) => t.id));
    expect(again.invalid).toEqual(built.invalid);
  }, 600_000);
});
