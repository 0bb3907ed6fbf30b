import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSuite, serializeSuite } from '../core/tasks/suite';
import { createNodeSandbox } from '../node/sandbox';
import { isHumanEvalPackLine, readTaskFile, readTaskLines } from './taskFile';

const DATA = new URL('../../../shared/data/humanevalfix-js.dev.jsonl', import.meta.url);
const sandbox = createNodeSandbox({ size: 2 });
afterAll(() => sandbox.dispose());

/** The shared HumanEvalFix file's first two records, and a line that is not one. */
const twoRecords = readFileSync(DATA, 'utf8').split('\n').slice(0, 2).join('\n');

describe('readTaskFile', () => {
  it('lists a record left out of a kind only when that kind is asked for', async () => {
    // JavaScript/124 gives no bug fixing task, JavaScript/144 no review task; both give
    // localization tasks.
    const lines = readFileSync(DATA, 'utf8').split('\n');
    const text = lines.filter((l) => /"JavaScript\/(124|144)"/.test(l)).join('\n');
    const all = await readTaskFile(text, 'two.jsonl', [], sandbox, 1);
    expect(all.skipped).toEqual([
      expect.stringMatching(/^humaneval-javascript-124: the fix is not expressible/),
      expect.stringMatching(/^humaneval-javascript-144: no review tasks: /),
    ]);
    const loc = await readTaskFile(text, 'two.jsonl', ['localization'], sandbox, 1);
    expect(loc.skipped).toEqual([]);
    expect(loc.tasks.filter((t) => t.kind === 'localization').length).toBeGreaterThan(1);
  }, 120_000);

  it('makes tasks of the asked kinds from HumanEvalPack records, validated, and lists what it left out', async () => {
    expect(isHumanEvalPackLine(twoRecords.split('\n')[0]!)).toBe(true);
    // A record is one by its task_id, whatever else it lacks; a suite's lines have none.
    expect(isHumanEvalPackLine('{"task_id": "x", "prompt": 1}')).toBe(true);
    expect(isHumanEvalPackLine('{"id": "x", "note": "\\"task_id\\": 1"}')).toBe(false);
    expect(isHumanEvalPackLine('not json')).toBe(false);
    const text = `${twoRecords}\n{"task_id": "JavaScript/x", "buggy_solution": 3}\n`;
    const messages: string[] = [];
    const file = await readTaskFile(
      text,
      'two.jsonl',
      ['bugfix', 'localization'],
      sandbox,
      1,
      (m) => messages.push(m),
    );
    expect(file.format).toBe('HumanEvalPack');
    // Every kind the records gave, ticked or not.
    expect(file.offered).toEqual(expect.arrayContaining(['bugfix', 'localization', 'review']));
    expect(new Set(file.tasks.map((t) => t.kind))).toEqual(new Set(['bugfix', 'localization']));
    expect(file.tasks.filter((t) => t.kind === 'localization')).toHaveLength(2);
    expect(file.skipped[0]).toMatch(/^two\.jsonl line 3: /);
    expect(messages.slice(0, 3)).toEqual([
      'Making tasks from the records: 0 of 2…',
      'Making tasks from the records: 1 of 2…',
      'Making tasks from the records: 2 of 2…',
    ]);
    // The same seed makes the same tasks; a suite file of them reads back as a suite.
    const again = await readTaskFile(text, 'two.jsonl', ['bugfix', 'localization'], sandbox, 1);
    expect(again.tasks).toEqual(file.tasks);
    const suite = await readTaskFile(
      serializeSuite('two', file.tasks),
      'two-suite.jsonl',
      ['bugfix'],
      sandbox,
      1,
    );
    expect(suite.format).toBe('suite');
    expect(suite.tasks).toEqual(file.tasks.filter((t) => t.kind === 'bugfix'));
  });

  it('leaves out a task that fails validation, saying why', async () => {
    const file = await readTaskFile(twoRecords, 'two.jsonl', ['bugfix'], sandbox, 1);
    const broken = {
      ...file.tasks[0]!,
      id: 'broken',
      gold: { kind: 'verdict' as const, verdict: 'YES' as const },
    };
    const read = await readTaskFile(serializeSuite('b', [broken]), 'b.jsonl', [], sandbox, 1);
    expect(read.tasks).toEqual([]);
    expect(read.skipped).toHaveLength(1);
    expect(read.skipped[0]).toMatch(/^broken: /);
  });
});

describe('readTaskLines', () => {
  it('says which line is not JSON without a "(line)" field name', () => {
    const { errors } = readTaskLines(`${twoRecords}\n{"task_id": \n`, 'h.jsonl');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^h\.jsonl line 3: \w/);
    expect(errors[0]).not.toContain('(line)');
  });

  it('tells a HumanEvalPack file by its first JSON line: a blank or unreadable first line does not make it a suite', () => {
    for (const text of [`\n${twoRecords}`, `garbage\n${twoRecords}`, `\uFEFF${twoRecords}`]) {
      const read = readTaskLines(text, 'h.jsonl');
      expect(read.format).toBe('HumanEvalPack');
      if (read.format === 'HumanEvalPack') expect(read.projects).toHaveLength(2);
    }
  });

  it('says when a suite file holds other than the tasks its header counts', () => {
    const { header, tasks, errors } = parseSuite(
      [JSON.stringify({ format: 'atomic-skills-lab/suite', version: 1, name: 's', tasks: 3 })].join(
        '\n',
      ),
      's.jsonl',
    );
    expect(header).not.toBeNull();
    expect(tasks).toEqual([]);
    expect(errors.map((e) => `${e.line} ${e.field}: ${e.message}`)).toEqual([
      '1 tasks: the header says 3 tasks, the file holds 0 task lines: it may have been cut short or added to; export it again',
    ]);
  });
});
