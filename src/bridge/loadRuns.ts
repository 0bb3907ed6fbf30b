import type { AppStore } from '../state/store';
import { viewOfRuns } from '../state/trainView';
import { heldRunIds, whenRunFree } from '../storage/runLocks';
import { listRuns, markInterrupted } from '../storage/runs';
import { tellOtherTabs } from '../storage/runsChannel';
import { checkStorage, loadSeries, messageOf, refreshRuns } from './training';

/** Reads the stored runs into the store (after marking runs a closed tab left behind). */
export async function loadRuns(store: AppStore, opts: { afterReload?: boolean } = {}) {
  const actions = store.getState().trainActions;
  // The open and compared runs the tab kept over a reload (trainView.ts).
  const kept = { focusId: store.getState().train.focusId, compare: store.getState().train.compare };
  if (opts.afterReload) {
    try {
      // Said above the charts while any of them is still interrupted (trainSlice).
      // Except runs another tab trains: said in their progress panel instead.
      const elsewhere = await heldRunIds();
      const marked = await markInterrupted({ except: elsewhere });
      actions.setInterrupted(marked);
      if (marked.length) tellOtherTabs({ runId: null, training: false });
      actions.setTrainingElsewhere([...elsewhere]);
      for (const id of elsewhere) void whenRunFree(id).then(() => runFreed(store, id));
    } catch (error) {
      // The runs are still listed (deleting some may be what frees the storage).
      actions.setError(
        `Could not mark the runs a closed tab left going as interrupted: ${messageOf(error)}`,
      );
    }
  }
  try {
    const runs = await listRuns();
    actions.setRuns(runs);
    const train = store.getState().train;
    const view = viewOfRuns(train, kept, new Set(runs.map((r) => r.id)));
    if (view.focusId !== train.focusId) actions.focus(view.focusId);
    if (view.compare.length !== train.compare.length) actions.setCompare(view.compare);
    void checkStorage(store);
    const shown = [view.focusId ?? [], view.compare].flat();
    for (const id of new Set([...shown, ...runs.slice(0, 8).map((r) => r.id)]))
      await loadSeries(store, id);
  } catch (error) {
    actions.setError(`Could not read the stored runs: ${messageOf(error)}`);
  }
}

/**
 * A run another tab held is free: that tab ended it (its status is stored) or went (a closed
 * tab, or this tab's reload whose old worker outlived the new page's first look): then it is
 * marked interrupted, ready to resume, as at a load.
 */
export async function runFreed(store: AppStore, runId: string): Promise<void> {
  const actions = store.getState().trainActions;
  try {
    const marked = await markInterrupted({ only: [runId] });
    const { trainingElsewhere, interruptedIds } = store.getState().train;
    actions.setTrainingElsewhere(trainingElsewhere.filter((id) => id !== runId));
    if (marked.length) actions.setInterrupted([...interruptedIds, ...marked]);
    await refreshRuns(store);
    await loadSeries(store, runId);
  } catch (error) {
    actions.setError(`Could not read the stored runs: ${messageOf(error)}`);
  }
}
