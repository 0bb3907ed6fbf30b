import { describe, expect, it } from 'vitest';
import { emptySpace } from '../core/tasks/space';
import type { Task } from '../core/tasks/types';
import { idOf, UNK } from '../policy/encode/vocab';
import { vocabularyForTasks } from './vocabulary';

function task(project: string, body: string): Task {
  return {
    id: `localization:${project}:${body.length}`,
    kind: 'localization',
    split: 'train',
    project,
    origin: 'builtin',
    prompt: { title: 'wrong result', body },
    files: {},
    gold: { kind: 'files', files: [] },
    hidden: { tests: {} },
    space: emptySpace(),
    meta: {},
  };
}

describe('vocabularyForTasks', () => {
  it('gives ids to words shared by three projects, not to one project’s own names', () => {
    const tasks = [
      task('a', 'calling chunk returns items'),
      task('a', 'calling chunk again returns items'),
      task('b', 'calling setByPath returns items'),
      task('c', 'calling deepMerge returns items'),
    ];
    const vocab = vocabularyForTasks(tasks, 500, 512);
    for (const w of ['calling', 'returns', 'items', 'wrong']) expect(idOf(vocab, w)).not.toBe(UNK);
    for (const w of ['chunk', 'setByPath', 'deepMerge', 'again']) expect(idOf(vocab, w)).toBe(UNK);
  });

  it('keeps every word when the split has fewer projects than the threshold', () => {
    const vocab = vocabularyForTasks([task('a', 'calling chunk')], 500, 512);
    expect(idOf(vocab, 'chunk')).not.toBe(UNK);
  });
});
