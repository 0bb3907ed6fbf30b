// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { followLearnAcrossTabs } from './learnAcrossTabs';
import { createTestStore, memoryStorage, PERSIST_KEY } from './store';

describe('followLearnAcrossTabs', () => {
  it("takes the answers another tab saved, keeps this tab's place, and ignores its own", () => {
    const storage = memoryStorage();
    const here = createTestStore(storage);
    const there = createTestStore(memoryStorage());
    const stop = followLearnAcrossTabs(here);
    here.getState().learnActions.setPlace('bug-a', 'editing');
    here.getState().learnActions.setAnswer('t1', 'FILES a.js END');
    there.getState().learnActions.setPlace('bug-b', 'review');
    there.getState().learnActions.setAnswer('t1', 'FILES a.js END');
    there.getState().learnActions.setAnswer('t2', 'VERDICT NO');
    const saved = () =>
      JSON.stringify({ state: { learn: { ...there.getState().learn } }, version: 1 });
    const heard = () =>
      window.dispatchEvent(new StorageEvent('storage', { key: PERSIST_KEY, newValue: saved() }));
    heard();
    expect(here.getState().learn.answers).toEqual({ t1: 'FILES a.js END', t2: 'VERDICT NO' });
    expect(here.getState().learn.place).toEqual({ bug: 'bug-a', step: 'editing' });
    // The same answers again (its own save echoed back): nothing is set, nothing saved again.
    let changes = 0;
    const unsubscribe = here.subscribe(() => changes++);
    heard();
    expect(changes).toBe(0);
    // Another key, or a value that is not JSON, is no one's answers.
    window.dispatchEvent(new StorageEvent('storage', { key: 'other', newValue: '{}' }));
    window.dispatchEvent(new StorageEvent('storage', { key: PERSIST_KEY, newValue: '{' }));
    expect(changes).toBe(0);
    unsubscribe();
    stop();
  });

  it('counts the edits it takes in, so an editor starts again from them, and not answers alone', () => {
    const here = createTestStore(memoryStorage());
    const there = createTestStore(memoryStorage());
    const stop = followLearnAcrossTabs(here);
    const heard = () =>
      window.dispatchEvent(
        new StorageEvent('storage', {
          key: PERSIST_KEY,
          newValue: JSON.stringify({ state: { learn: { ...there.getState().learn } }, version: 1 }),
        }),
      );
    there.getState().learnActions.setAnswer('t2', 'VERDICT NO');
    heard();
    expect(here.getState().learn.editsTakenIn).toBe(0);
    there.getState().learnActions.setEdited('t1', 'a.js', 'export const one = 1;\n');
    heard();
    expect(here.getState().learn.edited).toEqual({ t1: { 'a.js': 'export const one = 1;\n' } });
    expect(here.getState().learn.editsTakenIn).toBe(1);
    stop();
  });
});
