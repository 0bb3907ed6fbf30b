import { describe, expect, it, vi } from 'vitest';
import { QUICK_CONFIG } from '../protocol/trainConfig';
import { createTestStore, memoryStorage } from './store';
import { restoreDraft } from './uiSlice';

/** Puts a value in the saved settings' ui, as another version (or a hand) may have left it. */
function saveUiValue(storage: Storage, key: string, value: unknown): void {
  const saved = JSON.parse(storage.getItem('atomic-skills-lab:settings')!) as {
    state: { ui: Record<string, unknown> };
  };
  saved.state.ui[key] = value;
  storage.setItem('atomic-skills-lab:settings', JSON.stringify(saved));
}

describe('app store', () => {
  it('updates ui settings and keeps device state separate', () => {
    const store = createTestStore();
    store.getState().uiActions.setBackendPreference('cpu');
    store.getState().deviceActions.checkStarted();
    expect(store.getState().ui.backendPreference).toBe('cpu');
    expect(store.getState().device.check.status).toBe('running');
  });

  it('remembers settings across a reload but not the open panel or the backend status', () => {
    const storage = memoryStorage();
    const first = createTestStore(storage);
    first.getState().uiActions.setTheme('dark');
    first.getState().uiActions.setBackendPreference('wasm');
    first.getState().uiActions.setSettingsOpen(true);
    first.getState().deviceActions.failed('boom');
    const second = createTestStore(storage);
    expect(second.getState().ui.theme).toBe('dark');
    expect(second.getState().ui.backendPreference).toBe('wasm');
    expect(second.getState().ui.settingsOpen).toBe(false);
    expect(second.getState().device.status).toBe('idle');
  });

  it('takes back what it can read of state another version saved', () => {
    const storage = memoryStorage();
    storage.setItem(
      'atomic-skills-lab:settings',
      JSON.stringify({
        state: { ui: { theme: 'dark' }, learn: { answers: { t1: 'VERDICT NO' } } },
        version: 2,
      }),
    );
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = createTestStore(storage);
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
    expect(store.getState().ui.theme).toBe('dark');
    expect(store.getState().learn.answers).toEqual({ t1: 'VERDICT NO' });
  });

  it('goes on when the browser refuses to save (its quota), keeping what was saved last', () => {
    const storage = memoryStorage();
    const first = createTestStore(storage);
    first.getState().uiActions.setTheme('dark');
    const full = {
      ...storage,
      setItem: () => {
        throw new DOMException('exceeded the quota', 'QuotaExceededError');
      },
    } as Storage;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const second = createTestStore(full);
    expect(() => second.getState().uiActions.setTheme('light')).not.toThrow();
    expect(() => second.getState().uiActions.setTheme('dark')).not.toThrow();
    expect(second.getState().ui.theme).toBe('dark');
    // Said once, not at every change.
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    expect(createTestStore(storage).getState().ui.theme).toBe('dark');
  });

  it("keeps the Train form's draft across a reload, in today's fields", () => {
    const storage = memoryStorage();
    const first = createTestStore(storage);
    expect(first.getState().ui.draftConfig).toBeNull();
    first.getState().uiActions.setDraftConfig({ ...QUICK_CONFIG, steps: 7, name: 'mine' });
    const second = createTestStore(storage);
    expect(second.getState().ui.draftConfig).toEqual({ ...QUICK_CONFIG, steps: 7, name: 'mine' });
    // A draft saved by another version: unknown fields dropped, wrong types and missing ones
    // taken from the quick preset.
    expect(
      restoreDraft({ steps: 9, retired: 1, groupSize: 'x', model: { dModel: 16, old: 2 } }),
    ).toEqual({ ...QUICK_CONFIG, steps: 9, model: { ...QUICK_CONFIG.model, dModel: 16 } });
    expect(restoreDraft('nonsense')).toBeNull();
    expect(restoreDraft([1])).toBeNull();
  });

  it("keeps the form's choice of tasks across a reload; an unknown saved value is the quick suite", () => {
    const storage = memoryStorage();
    const first = createTestStore(storage);
    expect(first.getState().ui.draftSuite).toBe('quick');
    first.getState().uiActions.setDraftSuite('all');
    expect(createTestStore(storage).getState().ui.draftSuite).toBe('all');
    saveUiValue(storage, 'draftSuite', 'everything');
    expect(createTestStore(storage).getState().ui.draftSuite).toBe('quick');
  });

  it('remembers how the trace viewer shows code; an unknown saved value is the editor', () => {
    const storage = memoryStorage();
    const first = createTestStore(storage);
    expect(first.getState().ui.codeView).toBe('editor');
    first.getState().uiActions.setCodeView('text');
    expect(createTestStore(storage).getState().ui.codeView).toBe('text');
    saveUiValue(storage, 'codeView', 'hologram');
    expect(createTestStore(storage).getState().ui.codeView).toBe('editor');
  });

  it('keeps an external evaluation’s last result through a failed one, and not across a reload', () => {
    const storage = memoryStorage();
    const store = createTestStore(storage);
    const actions = store.getState().evaluateActions;
    const result = {
      fileName: 'f.jsonl',
      format: 'HumanEvalPack' as const,
      tasks: { bugfix: 3 },
      skipped: [],
      runs: [],
      samples: 1,
      seed: 1,
    };
    actions.started('external', 'f.jsonl');
    actions.progressed('external', { stage: 'tasks', message: 'Making tasks from 3 records…' });
    expect(store.getState().evaluate.external.status).toBe('running');
    actions.done('external', result);
    // Cancelled: it says so, naming the file, and the last result stays until another starts.
    actions.started('external', 'h.jsonl');
    actions.cancelAsked('external');
    expect(store.getState().evaluate.external).toMatchObject({ cancelling: true });
    actions.cancelled('external');
    expect(store.getState().evaluate.external).toMatchObject({
      status: 'done',
      result,
      fileName: 'h.jsonl',
      cancelling: false,
      cancelled: true,
    });
    actions.started('external', 'g.jsonl');
    expect(store.getState().evaluate.external.cancelled).toBe(false);
    actions.failed('external', 'Could not evaluate g.jsonl: it is empty.');
    // The other job is untouched.
    expect(store.getState().evaluate.model.status).toBe('idle');
    const external = store.getState().evaluate.external;
    expect(external).toMatchObject({ status: 'error', result, progress: null });
    expect(external.error).toMatch(/g\.jsonl/);
    expect(createTestStore(storage).getState().evaluate.external.result).toBeNull();
  });

  it('shows the newest kept result until another is picked; removing the shown one clears it', () => {
    const store = createTestStore(memoryStorage());
    const actions = store.getState().evaluateActions;
    const model = (fileName: string) => ({
      fileName,
      suite: 'the quick suite',
      bySkill: {},
      perTask: {},
      answers: 1,
      unread: [],
      unreadCount: 0,
      unknownTasks: [],
    });
    const [a, b] = [model('a.jsonl'), model('b.jsonl')];
    const kept = [
      { id: 1, job: 'model' as const, createdAt: 100, result: a },
      { id: 2, job: 'model' as const, createdAt: 200, result: b },
    ];
    actions.keptLoaded({ external: [], model: kept });
    const shown = () => store.getState().evaluate.model;
    expect(store.getState().evaluate.kept.model.map((k) => k.id)).toEqual([2, 1]);
    expect(shown()).toMatchObject({ status: 'done', result: b, shownId: 2 });
    expect(store.getState().evaluate.external).toMatchObject({ status: 'idle', result: null });
    actions.show('model', 1);
    expect(shown()).toMatchObject({ result: a, shownId: 1 });
    // A new result shows as soon as it is done, and is marked once kept.
    const c = model('c.jsonl');
    actions.started('model', 'c.jsonl');
    actions.show('model', 2);
    expect(shown().shownId, 'no other is shown while one is scored').toBe(1);
    actions.done('model', c);
    expect(shown()).toMatchObject({ result: c, shownId: null });
    actions.kept('model', { id: 3, job: 'model', createdAt: 300, result: c });
    expect(shown().shownId).toBe(3);
    expect(store.getState().evaluate.kept.model.map((k) => k.id)).toEqual([3, 2, 1]);
    // Removing one not shown leaves the table; removing the shown one clears it, and its undo
    // (kept again) shows it again.
    const one = { id: 1, job: 'model' as const, createdAt: 100, result: a };
    actions.forgot('model', 1);
    expect(shown().shownId).toBe(3);
    actions.forgot('model', 3);
    expect(shown()).toMatchObject({ status: 'idle', result: null, shownId: null });
    actions.kept('model', one);
    expect(shown()).toMatchObject({ status: 'done', result: a, shownId: 1 });
    actions.forgot('model', 1);
    actions.show('model', 2);
    expect(shown()).toMatchObject({ result: b, shownId: 2 });
    actions.forgot('model', 2);
    expect(shown()).toMatchObject({ status: 'idle', result: null, shownId: null });
    // Read again later (another visit of the page), a job showing something keeps it.
    actions.done('model', c);
    actions.keptLoaded({ external: [], model: kept });
    expect(shown()).toMatchObject({ result: c, shownId: null });
  });

  it('keeps the grid’s picks across a reload, dropping what is not a run id or none', () => {
    const storage = memoryStorage();
    const store = createTestStore(storage);
    store.getState().evaluateActions.pickForGrid('joint-rl', 'run-7');
    store.getState().evaluateActions.pickForGrid('untrained', null);
    expect(createTestStore(storage).getState().evaluate.gridPicks).toEqual({
      'joint-rl': 'run-7',
      untrained: null,
    });
    const saved = JSON.parse(storage.getItem('atomic-skills-lab:settings')!) as {
      state: { evaluate: { gridPicks: Record<string, unknown> } };
    };
    saved.state.evaluate.gridPicks['warm-start'] = 3;
    storage.setItem('atomic-skills-lab:settings', JSON.stringify(saved));
    expect(createTestStore(storage).getState().evaluate.gridPicks).toEqual({
      'joint-rl': 'run-7',
      untrained: null,
    });
  });

  it('keeps the last device check across a reload, with its timings and agreement', () => {
    const storage = memoryStorage();
    const first = createTestStore(storage);
    first.getState().uiActions.setLastCheck({
      at: 1_765_000_000_000,
      result: {
        fastest: 'wasm',
        rows: [
          {
            backend: 'wasm',
            ok: true,
            matmulSize: 256,
            matmulGflops: 3.5,
            stepMs: 41.2,
            steps: 3,
            lossStart: 2.1,
            lossEnd: 1.9,
          },
          {
            backend: 'webgpu',
            ok: false,
            error: 'no adapter',
            matmulSize: 256,
            matmulGflops: NaN,
            stepMs: NaN,
            steps: 0,
            lossStart: NaN,
            lossEnd: NaN,
          },
        ],
      },
      agreement: { reference: 'wasm', differences: { wasm: 0, cpu: 5e-7 } },
    });
    expect(first.getState().ui.measuredFastest).toBe('wasm');
    const second = createTestStore(storage).getState().ui;
    expect(second.measuredFastest).toBe('wasm');
    // NaN goes through JSON as null and comes back NaN (shown as a dash).
    expect(second.lastCheck).toEqual(first.getState().ui.lastCheck);
    expect(second.lastCheck?.result.rows[1]?.stepMs).toBeNaN();
    // Not a check (another version, or a hand): none is shown; the rest of the settings stay.
    for (const bad of [
      'x',
      { at: 'today', result: { rows: [], fastest: null } },
      { at: 1, result: { rows: [{ backend: 'tpu', ok: true }], fastest: 'tpu' } },
      { at: 1, result: { rows: 'none' } },
    ]) {
      saveUiValue(storage, 'lastCheck', bad);
      const third = createTestStore(storage).getState().ui;
      expect(third.lastCheck).toBeNull();
      expect(third.measuredFastest).toBe('wasm');
    }
    saveUiValue(storage, 'lastCheck', { at: 2, result: { rows: [], fastest: 'gpu' } });
    expect(createTestStore(storage).getState().ui.lastCheck).toEqual({
      at: 2,
      result: { rows: [], fastest: null },
      agreement: null,
    });
  });
});
