import { describe, expect, it } from 'vitest';
import type { PlayVerdict } from '../protocol/learn';
import { createTestStore, memoryStorage } from './store';

describe('the Learn page’s state', () => {
  it('keeps answers, edits and checks per task; undoing edits drops only that task’s', () => {
    const store = createTestStore();
    const a = store.getState().learnActions;
    a.setEdited('edit:1', 'src/a.js', 'x');
    a.setAnswer('edit:1', 'EDIT src/a.js @0 => x');
    a.setAnswer('loc:1', 'FILES src/a.js END');
    a.checkStarted('loc:1', 'FILES src/a.js END');
    a.checked('loc:1', 'FILES src/a.js END', { reward: 1 } as PlayVerdict);
    a.resetEdits('edit:1');
    const s = store.getState().learn;
    expect(s.edited).toEqual({});
    expect(s.answers).toEqual({ 'loc:1': 'FILES src/a.js END' });
    expect(s.checks['loc:1']).toMatchObject({ status: 'done', answerText: 'FILES src/a.js END' });
  });

  it('a failed read of the bugs keeps the list already there', () => {
    const store = createTestStore();
    const a = store.getState().learnActions;
    a.catalogReady({ source: 'quick', bugs: [] });
    a.catalogFailed('Could not read the bugs: gone');
    expect(store.getState().learn.catalog).toMatchObject({
      status: 'error',
      value: { source: 'quick' },
      error: 'Could not read the bugs: gone',
    });
  });

  it('is not persisted: a reload starts from the tasks as they are', () => {
    const storage = memoryStorage();
    createTestStore(storage).getState().learnActions.setAnswer('loc:1', 'FILES a END');
    expect(createTestStore(storage).getState().learn.answers).toEqual({});
  });
});
