import { describe, expect, it } from 'vitest';
import { followLearnAcrossTabs } from './learnAcrossTabs';
import { merge3 } from './sharedSave';
import { createTestStore, memoryStorage, PERSIST_KEY, type AppStore } from './store';
import { withSetItem } from './withSetItem';

type TabName = 'A' | 'B';

/**
 * One localStorage shared by two tabs, as the browser has it: a write that changes a value is
 * heard later, in order, by the other tab only (an unchanged value is heard by none).
 */
function twoTabs() {
  const local = memoryStorage();
  const queues: Record<TabName, string[]> = { A: [], B: [] };
  const refused = { next: false };
  const storage = (me: TabName): Storage =>
    withSetItem(local, (k, v) => {
      if (refused.next) {
        refused.next = false;
        throw new DOMException('full', 'QuotaExceededError');
      }
      if (local.getItem(k) === v) return;
      local.setItem(k, v);
      if (k === PERSIST_KEY) queues[me === 'A' ? 'B' : 'A'].push(v);
    });
  const windows = { A: new EventTarget(), B: new EventTarget() };
  const tabs = {} as Record<TabName, AppStore>;
  for (const t of ['A', 'B'] as const) {
    tabs[t] = createTestStore(storage(t));
    followLearnAcrossTabs(tabs[t], windows[t] as unknown as Window);
  }
  const hear = (t: TabName): boolean => {
    const newValue = queues[t].shift();
    if (newValue === undefined) return false;
    const storageArea = storage(t);
    windows[t].dispatchEvent(
      Object.assign(new Event('storage'), { key: PERSIST_KEY, newValue, storageArea }),
    );
    return true;
  };
  /** Delivers every event until none is left; how many (a bound: an echo never ends). */
  const settle = (): number => {
    let n = 0;
    while (n < 100 && (hear('A') || hear('B'))) n++;
    return n;
  };
  /** A tab opened now (or one reloaded): what it reads. */
  const reopened = () => createTestStore(storage('A')).getState();
  return { tabs, hear, settle, reopened, refused };
}

describe('the saved state, shared by tabs', () => {
  it('a key typed before the other tab is heard from does not start an echo', () => {
    const { tabs, hear, settle } = twoTabs();
    tabs.A.getState().learnActions.setPlace('bug-1', 'reproduction');
    tabs.B.getState().learnActions.setPlace('bug-1', 'review');
    settle();
    tabs.A.getState().learnActions.setAnswer('t', 'T');
    hear('B');
    tabs.A.getState().learnActions.setAnswer('t', 'TE');
    expect(settle()).toBeLessThan(3);
    expect(tabs.A.getState().learn.answers.t).toBe('TE');
    expect(tabs.B.getState().learn.answers.t).toBe('TE');
    // Each keeps its own place.
    expect(tabs.B.getState().learn.place).toEqual({ bug: 'bug-1', step: 'review' });
  });

  it('an edit in the editing step (two saves at once) is followed, and settles', () => {
    const { tabs, settle, reopened } = twoTabs();
    tabs.A.getState().learnActions.setPlace('bug-1', 'editing');
    tabs.B.getState().learnActions.setPlace('bug-1', 'review');
    settle();
    tabs.A.getState().learnActions.setEdited('t', 'src/a.js', 'return a - b;');
    tabs.A.getState().learnActions.setAnswer('t', 'EDIT src/a.js @4 => -');
    expect(settle()).toBeLessThan(3);
    for (const state of [tabs.A.getState(), tabs.B.getState(), reopened()]) {
      expect(state.learn.answers.t).toBe('EDIT src/a.js @4 => -');
      expect(state.learn.edited.t).toEqual({ 'src/a.js': 'return a - b;' });
    }
  });

  it('answers made in both tabs at once are all kept', () => {
    const { tabs, settle, reopened } = twoTabs();
    tabs.A.getState().learnActions.setAnswer('x', 'FILES a.js END');
    tabs.B.getState().learnActions.setAnswer('y', 'VERDICT NO');
    tabs.A.getState().learnActions.setAnswer('x', 'FILES b.js END');
    settle();
    const expected = { x: 'FILES b.js END', y: 'VERDICT NO' };
    expect(tabs.A.getState().learn.answers).toEqual(expected);
    expect(tabs.B.getState().learn.answers).toEqual(expected);
    expect(reopened().learn.answers).toEqual(expected);
  });

  it("a tab opened earlier does not write its stale settings over another tab's", () => {
    const { tabs, settle, reopened } = twoTabs();
    tabs.A.getState().uiActions.setBackendPreference('cpu');
    tabs.A.getState().uiActions.setTheme('dark');
    tabs.A.getState().uiActions.setLastCheck({
      at: 1,
      result: { rows: [], fastest: 'wasm' },
      agreement: null,
    });
    // Tab B, opened before, changes something of its own, then takes an answer from A.
    tabs.B.getState().uiActions.setDraftSuite('all');
    tabs.A.getState().learnActions.setAnswer('x', 'VERDICT YES');
    settle();
    const ui = reopened().ui;
    expect(ui).toMatchObject({
      backendPreference: 'cpu',
      theme: 'dark',
      measuredFastest: 'wasm',
      draftSuite: 'all',
    });
    expect(ui.lastCheck?.at).toBe(1);
  });

  it('a write the browser refused is carried by the next one', () => {
    const { tabs, reopened, refused } = twoTabs();
    refused.next = true;
    tabs.A.getState().uiActions.setTheme('dark');
    expect(reopened().ui.theme).toBe('system');
    tabs.A.getState().learnActions.setAnswer('x', 'VERDICT YES');
    expect(reopened().ui.theme).toBe('dark');
    expect(reopened().learn.answers.x).toBe('VERDICT YES');
  });
});

describe('merge3', () => {
  it('takes mine where I changed it, theirs elsewhere, key by key', () => {
    const base = { a: 1, b: { x: 'p', y: 'q' }, c: [1] };
    const mine = { a: 2, b: { x: 'p', y: 'q' }, c: [1] };
    const theirs = { a: 1, b: { x: 'P', z: 'r' }, c: [1, 2] };
    expect(merge3(base, mine, theirs)).toEqual({ a: 2, b: { x: 'P', z: 'r' }, c: [1, 2] });
  });

  it('honours a removal on either side, and keeps both sides where nothing was before', () => {
    expect(merge3({ a: 1, b: 2 }, { b: 2 }, { a: 1, b: 2 })).toEqual({ b: 2 });
    expect(merge3({ a: 1, b: 2 }, { a: 1, b: 2 }, { b: 2 })).toEqual({ b: 2 });
    expect(merge3(undefined, { a: 1 }, { b: 2 })).toEqual({ a: 1, b: 2 });
  });
});
