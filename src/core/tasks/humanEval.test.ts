import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHumanEvalPack } from './humanEval';

const DATA = new URL('../../../../shared/data/humanevalfix-js.dev.jsonl', import.meta.url);

describe('HumanEvalPack importer', () => {
  it('reads every record of the shared dev file into a project with a test file and the known bug', () => {
    const { projects, errors } = parseHumanEvalPack(readFileSync(DATA, 'utf8'), 'dev.jsonl');
    expect(errors).toEqual([]);
    expect(projects).toHaveLength(41);
    const first = projects[0]!;
    expect(Object.keys(first.files).sort()).toEqual([
      'hasCloseElements.js',
      'hasCloseElements.test.js',
    ]);
    expect(first.files['hasCloseElements.js']).toMatch(/export const hasCloseElements/);
    expect(first.buggy).not.toBe(first.files['hasCloseElements.js']);
  });

  it('lets the test import the helpers it calls besides the entry point (poly beside findZero)', () => {
    const { projects } = parseHumanEvalPack(readFileSync(DATA, 'utf8'), 'dev.jsonl');
    const p = projects.find((x) => x.taskId === 'JavaScript/32')!;
    expect(p.entry).toBe('findZero');
    expect(p.files['findZero.test.js']).toMatch(
      /^import \{ findZero, poly \} from '\.\/findZero\.js';/,
    );
    for (const source of [p.files['findZero.js']!, p.buggy]) {
      expect(source).toMatch(/export const poly = /);
      expect(source).toMatch(/export const findZero = /);
    }
    // Records whose tests call only the entry point import only it.
    expect(projects[0]!.files['hasCloseElements.test.js']).toMatch(
      /^import \{ hasCloseElements \} from/,
    );
  });

  it('reports malformed lines with file, line and field, and keeps the others', () => {
    const good = readFileSync(DATA, 'utf8').split('\n')[0]!;
    const text = [
      good,
      '{not json',
      JSON.stringify({ task_id: 'X/1', entry_point: 'f' }),
      JSON.stringify({ ...JSON.parse(good), entry_point: 'no good' }),
    ].join('\n');
    const { projects, errors } = parseHumanEvalPack(text, 'mixed.jsonl');
    expect(projects).toHaveLength(1);
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [2, '(line)'],
      [3, 'prompt'],
      [4, 'entry_point'],
    ]);
    expect(errors[0]!.file).toBe('mixed.jsonl');
  });

  it('refuses a record whose task_id names a task already read; reads past a byte-order mark', () => {
    const [first, second] = readFileSync(DATA, 'utf8').split('\n') as [string, string];
    const renamed = JSON.stringify({ ...JSON.parse(second), task_id: 'javascript 0' });
    const { projects, errors } = parseHumanEvalPack(
      ['\uFEFF' + first, first, renamed, second].join('\n'),
      'dup.jsonl',
    );
    expect(projects.map((p) => p.taskId)).toEqual([
      'JavaScript/0',
      (JSON.parse(second) as { task_id: string }).task_id,
    ]);
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'task_id'],
      [3, 'task_id'],
    ]);
    expect(errors[1]!.message).toMatch(/^task_id javascript 0 names the same task as line 1/);
  });
});
