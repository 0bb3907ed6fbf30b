import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeSandbox } from '../node/sandbox';
import { scratchDir } from '../node/scratchDir';
import { parseArgs } from './args';
import { validateCommand } from './commands';
import { loadSuite, wholeSuiteNote } from './suites';
import { projectTasks } from './testFixtures';
import { suiteLines } from '../core/tasks/suite';

const DATA = new URL('../../../shared/data/humanevalfix-js.dev.jsonl', import.meta.url);
const sandbox = createNodeSandbox({ size: 2 });
afterAll(() => sandbox.dispose());

describe('a HumanEvalPack file in lab', () => {
  it('validate names what making the tasks left out, and why', async () => {
    // The shared file's first record with its bug fixed: the "buggy" solution passes its tests.
    const record = JSON.parse(readFileSync(DATA, 'utf8').split('\n')[0]!) as Record<string, string>;
    const fixed = { ...record, buggy_solution: record.canonical_solution };
    const file = join(scratchDir('lab-hep'), 'fixed.jsonl');
    writeFileSync(file, `${JSON.stringify(fixed)}\n`);
    const said: string[] = [];
    const result = await validateCommand({
      args: parseArgs(['validate', file]),
      sandbox,
      quiet: true,
      print: (t) => said.push(t),
    });
    const { leftOut } = result as { leftOut: { project: string; reason: string }[] };
    expect(result).toMatchObject({ tasks: 0, valid: 0, exitCode: 1 });
    expect(leftOut).toHaveLength(1);
    expect(leftOut[0]!.reason).toBe('the buggy solution passes the tests');
    expect(said).toContain(`${leftOut[0]!.project}: left out: the buggy solution passes the tests`);
  }, 120_000);
});

describe('a suite file in lab', () => {
  it('takes one split of a file as <file>:<split>, as builtin:test does (review 41cli F21)', async () => {
    const tasks = (await projectTasks(sandbox)).map((t, i) => ({
      ...t,
      split: i % 2 ? ('train' as const) : ('test' as const),
    }));
    const file = join(scratchDir('lab-split'), 'two-splits.jsonl');
    writeFileSync(file, [...suiteLines('two', tasks)].join('\n') + '\n');
    const test = await loadSuite(`${file}:test`, sandbox, 1, true);
    expect(test.tasks.map((t) => t.id)).toEqual(
      tasks.filter((t) => t.split === 'test').map((t) => t.id),
    );
    expect((await loadSuite(file, sandbox, 1, true)).tasks).toHaveLength(tasks.length);
    // Used whole, it is said (as `builtin` and `quick` are: evalTasks says it of any suite).
    const n = (split: string) => tasks.filter((t) => t.split === split).length;
    expect(wholeSuiteNote(file, tasks)).toBe(
      `note: ${file} holds ${n('train')} train, 0 val, ${n('test')} test tasks, and all of them are used; give ${file}:test for its test split alone`,
    );
    expect(wholeSuiteNote('quick:test', test.tasks)).toBeNull();
  }, 120_000);
});
