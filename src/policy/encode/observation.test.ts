import { describe, expect, it } from 'vitest';
import { emptySpace } from '../../core/tasks/space';
import type { Task } from '../../core/tasks/types';
import { encodeTask } from './observation';
import { ACTION_WORDS, SPECIAL_TOKENS, vocabularyFromWords } from './vocab';

describe('encodeTask', () => {
  it('encodes a repository whose buggy file does not parse (a name declared twice)', () => {
    const source = 'export const f = (x) => {\n  let m = x\n  let m = x + 1\n  return m\n}\n';
    const task: Task = {
      id: 'bugfix:t:1',
      kind: 'bugfix',
      split: 'test',
      project: 't',
      origin: 'import',
      prompt: { title: 'f(1) is wrong', body: 'Calling f(1) throws.' },
      files: { 'f.js': source },
      gold: { kind: 'files', files: ['f.js'] },
      hidden: { tests: {} },
      space: { ...emptySpace(), files: ['f.js'], maxEdits: 6, replacements: ['m'] },
      meta: {},
    };
    const vocab = vocabularyFromWords([...new Set([...SPECIAL_TOKENS, ...ACTION_WORDS])]);
    const enc = encodeTask(task, vocab);
    expect(enc.code.length).toBeGreaterThan(10);
    expect(enc.code[0]).toMatchObject({ file: 'f.js', line: 1 });
  });
});
