import { describe, expect, it } from 'vitest';
import type { PlayVerdict } from '../protocol/learn';
import { restoreLearn } from './learnSlice';
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

  it('keeps a test being written per task, field by field', () => {
    const store = createTestStore();
    const a = store.getState().learnActions;
    a.setTestForm('repro:1', { fn: 2 });
    a.setTestForm('repro:1', { args: '1000, 3' });
    a.setTestForm('testgen:1', { expect: '4' });
    expect(store.getState().learn.testForms).toEqual({
      'repro:1': { fn: 2, args: '1000, 3', expect: '' },
      'testgen:1': { fn: 0, args: '', expect: '4' },
    });
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

  it('keeps answers, edits, the place and the texts checked across a reload, not verdicts; bad saved values are dropped', () => {
    const storage = memoryStorage();
    const a = createTestStore(storage).getState().learnActions;
    a.setAnswer('loc:1', 'FILES a END');
    a.setEdited('edit:1', 'a.js', 'x = 1;');
    a.setPlace('bugfix:p:1', 'editing');
    a.checked('loc:1', 'FILES a END', { reward: 1 } as PlayVerdict);
    const again = createTestStore(storage).getState().learn;
    expect(again.answers).toEqual({ 'loc:1': 'FILES a END' });
    expect(again.edited).toEqual({ 'edit:1': { 'a.js': 'x = 1;' } });
    expect(again.place).toEqual({ bug: 'bugfix:p:1', step: 'editing' });
    expect(again.checks).toEqual({});
    expect(again.checkedBefore).toEqual({ 'loc:1': 'FILES a END' });
    // Checked again in the next visit (or not yet: those not checked again are kept too).
    const next = createTestStore(storage).getState().learnActions;
    next.checked('edit:1', 'EDIT a.js @0 => y', { reward: 0 } as PlayVerdict);
    next.checkFailed('loc:1', 'FILES a END', 'gone');
    expect(createTestStore(storage).getState().learn.checkedBefore).toEqual({
      'loc:1': 'FILES a END',
      'edit:1': 'EDIT a.js @0 => y',
    });
    expect(
      restoreLearn({
        answers: { a: 1, b: 'ok' },
        edited: [],
        place: { bug: 3 },
        checkedBefore: { a: null, c: 'FILES c END' },
      }),
    ).toEqual({
      answers: { b: 'ok' },
      edited: {},
      place: null,
      checkedBefore: { c: 'FILES c END' },
    });
    expect(restoreLearn(undefined)).toEqual({
      answers: {},
      edited: {},
      place: null,
      checkedBefore: {},
    });
  });
});
