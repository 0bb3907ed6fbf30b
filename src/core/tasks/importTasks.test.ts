import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAnswer, renderAnswer } from '../answers/text';
import { createNodeSandbox } from '../../node/sandbox';
import { parseHumanEvalPack } from './humanEval';
import { importedTasks, literalCallsIn } from './importTasks';
import { validateTask } from './validate';

const DATA = new URL('../../../../shared/data/humanevalfix-js.dev.jsonl', import.meta.url);

describe('literalCallsIn', () => {
  it('finds literal calls of a function inside other text, such as doc comments', () => {
    const doc = `/*\n  >>> round(findZero([1, 2]), 2) # f(x) = 1 + 2x\n  findZero(xs) ('x')\n  findZero("a)(", {b: [1]})\n*/`;
    expect(literalCallsIn(doc, 'findZero')).toEqual([['[1, 2]'], ['"a)("', '{b: [1]}']]);
  });
});

const sandbox = createNodeSandbox({ size: 2 });
afterAll(() => sandbox.dispose());

describe('HumanEvalPack tasks from the shared dev file', () => {
  it('makes a valid bug-fixing task from at least 40 of the 41 records', async () => {
    const { projects } = parseHumanEvalPack(readFileSync(DATA, 'utf8'), 'dev.jsonl');
    // Mutants only feed unit-test generation; the bug-fixing tasks come from the dataset's bug.
    const { tasks, problems } = await importedTasks(projects, sandbox, 1, { maxMutants: 0 });
    const bugfix = tasks.filter((t) => t.kind === 'bugfix');
    const valid: string[] = [];
    const invalid: string[] = [];
    for (const t of bugfix) {
      const v = await validateTask(t, sandbox);
      if (v.ok) valid.push(String(t.meta.source));
      else invalid.push(`${t.id}: ${v.reason}`);
      // The gold reads back from its text form (no replacement spans a line break).
      expect(parseAnswer(renderAnswer(t.gold))).toEqual(t.gold);
    }
    expect(invalid).toEqual([]);
    expect(new Set(valid).size).toBeGreaterThanOrEqual(40);
    // Whatever is missing says why.
    const missing = projects.filter((p) => !valid.includes(p.taskId));
    for (const p of missing) expect(problems.some((x) => x.project === p.name)).toBe(true);
  }, 240_000);
});
