import { describe, expect, it } from 'vitest';
import { createTestStore } from '../state/store';
import type { RunSummary } from '../protocol/training';
import { importRunFiles, stopRun } from './training';

describe('importRunFiles', () => {
  it("replaces the runs panel's last message with what came of the files, naming each refused one", async () => {
    const store = createTestStore();
    store.getState().trainActions.setRunsOutcome({ kind: 'done', text: 'Imported run "quick".' });
    const imported = await importRunFiles(store, [
      new File(['{"format": "atomic-skills-lab/run-bundle", "run": {'], 'broken.run.json'),
      new File(['{"hello": "world"}'], 'foreign.json'),
      new File(['  \n'], 'empty.json'),
    ]);
    expect(imported).toEqual([]);
    const outcome = store.getState().train.runsOutcome;
    expect(outcome?.kind).toBe('error');
    expect(outcome?.text).toMatch(
      /^broken\.run\.json: This file is not valid JSON \(.+\); nothing was imported: open a run bundle \(\.json\) exported from the Train page or by lab bundle\.\nforeign\.json: This file cannot be imported: .*not a run bundle.*\nempty\.json: This file is empty; nothing was imported: open a run bundle/,
    );
    expect(outcome?.text).not.toContain('Imported run');
    // The page's own messages (above the charts) are left alone.
    expect(store.getState().train.error).toBeNull();
  });

  it('says which file could not be read, and imports nothing from it', async () => {
    const store = createTestStore();
    const unreadable = {
      name: 'gone.run.json',
      text: () => Promise.reject(new Error('The file was moved or deleted')),
    };
    expect(await importRunFiles(store, [unreadable])).toEqual([]);
    expect(store.getState().train.runsOutcome).toEqual({
      kind: 'error',
      text: 'gone.run.json: The file was moved or deleted',
    });
  });
});

describe('stopRun', () => {
  it('when the worker cannot be asked, the run is no longer said to be stopping, and the page says what to do', async () => {
    const store = createTestStore();
    const actions = store.getState().trainActions;
    actions.setRuns([{ id: 'a', name: 'demo', status: 'running' } as RunSummary]);
    // Here (Node) there is no Worker to spawn: the call fails as it does in the page when the
    // trainer worker cannot be reached.
    const seen: string[][] = [];
    store.subscribe((s, before) => {
      if (s.train.stopping !== before.train.stopping) seen.push(s.train.stopping);
    });
    await stopRun(store, 'a');
    // Said to be stopping at the press, then not once the call failed.
    expect(seen).toEqual([['a'], []]);
    expect(store.getState().train.error).toMatch(
      /^Could not stop "demo", so it goes on: press Stop again\. If that fails too, reloading the page ends it \(it is then listed as interrupted, and can be resumed from its last checkpoint\)\. The error: .*Worker/,
    );
  });
});
