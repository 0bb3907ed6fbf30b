import { describe, expect, it } from 'vitest';
import { createTestStore, memoryStorage } from './store';
import { readTrainView, viewOfRuns } from './trainView';

describe('the Train view kept per tab', () => {
  it('comes back in a store made on the same tab storage (a reload), not in a new tab', () => {
    const tab = memoryStorage();
    const first = createTestStore(memoryStorage(), tab).getState().trainActions;
    first.focus('a');
    first.setCompare(['b', 'c']);
    const reloaded = createTestStore(memoryStorage(), tab).getState().train;
    expect([reloaded.focusId, reloaded.compare]).toEqual(['a', ['b', 'c']]);
    const fresh = createTestStore(memoryStorage(), memoryStorage()).getState().train;
    expect([fresh.focusId, fresh.compare]).toEqual([null, []]);
  });

  it('reads anything but its own shape as no view, and drops ids that are not strings', () => {
    const tab = memoryStorage();
    const key = 'atomic-skills-lab:train-view';
    for (const raw of ['{', 'null', '[1]', '{"focusId":3,"compare":"a"}']) {
      tab.setItem(key, raw);
      expect(readTrainView(tab)).toEqual({ focusId: null, compare: [] });
    }
    tab.setItem(key, JSON.stringify({ focusId: 'a', compare: ['b', 2, 'b', null] }));
    expect(readTrainView(tab)).toEqual({ focusId: 'a', compare: ['b'] });
    expect(readTrainView(null)).toEqual({ focusId: null, compare: [] });
  });

  it('once the runs are read, drops the kept runs since deleted and only those', () => {
    const kept = { focusId: 'gone', compare: ['here', 'gone2'] };
    expect(viewOfRuns(kept, kept, new Set(['here']))).toEqual({ focusId: null, compare: ['here'] });
    // A run started before the list was read is open though not listed yet.
    expect(viewOfRuns({ focusId: 'new', compare: ['here'] }, kept, new Set(['here']))).toEqual({
      focusId: 'new',
      compare: ['here'],
    });
  });
});
