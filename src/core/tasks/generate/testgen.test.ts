import { afterAll, describe, expect, it } from 'vitest';
import { createNodeSandbox } from '../../../node/sandbox';
import { CORPUS } from '../../corpus';
import { createRng } from '../../rng';
import { analyzeProject } from '../analyze';
import { validateTask } from '../validate';
import { testgenTasks } from './testgen';

const sandbox = createNodeSandbox({ size: 2 });
afterAll(() => sandbox.dispose());

describe('unit-test generation tasks with the extra mutation budget', () => {
  it('tries extra mutations only in callable exports, and hides each mutant in at most one task', async () => {
    const project = CORPUS.find((p) => p.name === 'roman-numerals')!;
    const analysis = await analyzeProject(project, sandbox, createRng(5), 10, [], 40);
    expect(analysis.problem).toBeNull();
    expect(analysis.tried).toBe(50);
    const shared = new Set(analysis.mutants.map((m) => m.id));
    const callable = new Set(analysis.pool.map((p) => `${p.module}|${p.fn}`));
    expect(analysis.testgenMutants.length).toBeGreaterThan(20);
    for (const m of analysis.testgenMutants) {
      expect(shared.has(m.id)).toBe(false);
      expect(callable.has(`${m.file}|${m.functionName}`)).toBe(true);
    }

    const generate = (a: typeof analysis) =>
      a.exports.flatMap((e) => testgenTasks({ analysis: a, split: 'train', rng: createRng(9) }, e));
    const tasks = generate(analysis);
    const without = generate({ ...analysis, testgenMutants: [] });
    expect(tasks.length).toBeGreaterThan(without.length);

    const hidden = tasks.flatMap((t) => t.hidden.mutants!.map((m) => m.id));
    expect(new Set(hidden).size).toBe(hidden.length);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
    for (const t of tasks) {
      expect(t.hidden.mutants!.length).toBeGreaterThanOrEqual(4);
      expect(t.hidden.mutants!.length).toBeLessThanOrEqual(12);
    }
    // The prompt shows the function's doc comment as the source has it (once, not re-wrapped).
    const documented = analysis.exports.find((e) => e.jsdoc)!;
    const prompt = tasks.find((t) => t.focus?.fn === documented.fn)!.prompt.body;
    expect(prompt).toContain(`${documented.jsdoc!}\nexport function ${documented.fn}`);
    expect(prompt).not.toMatch(/\/\*\*\/\*\*|\*\/\*\//);
    for (const t of tasks.slice(0, 4)) expect(await validateTask(t, sandbox)).toEqual({ ok: true });
  }, 120_000);
});
