import type { AppStore } from '../state/store';
import { heldRunIds, whenRunFree } from '../storage/runLocks';
import { listRuns } from '../storage/runs';
import { hearOtherTabs, type RunsNews } from '../storage/runsChannel';
import { runFreed } from './loadRuns';
import { loadSeries, messageOf } from './training';

/**
 * Follows what the other tabs of this browser do to the stored runs: at most once every
 * `everyMs`, the runs list is read again (a run trained there shows its step and status, a run
 * deleted there goes, one imported there comes), a run newly training there is said to be (no
 * controls here, until its lock frees), and the curves of the changed runs in view are read
 * again. Returns a function that stops following.
 */
export function followOtherTabs(store: AppStore, everyMs = 1000): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Heard since the last read began: the list, and which runs (training there or not).
  let heard = false;
  const changed = new Set<string>();
  const training = new Set<string>();
  const stop = hearOtherTabs((news: RunsNews) => {
    heard = true;
    if (news.runId !== null) changed.add(news.runId);
    if (news.runId !== null && news.training) training.add(news.runId);
    timer ??= setTimeout(() => void reread(), everyMs);
  });

  async function reread(): Promise<void> {
    heard = false;
    const runIds = [...changed];
    const trainingThere = [...training];
    changed.clear();
    training.clear();
    const actions = store.getState().trainActions;
    try {
      const runs = await listRuns();
      const stored = new Set(runs.map((r) => r.id));
      // Deleted there: gone here too, with its curves (and from view).
      for (const r of store.getState().train.runs) if (!stored.has(r.id)) actions.forget(r.id);
      actions.setRuns(runs);
      const { trainingElsewhere } = store.getState().train;
      const fresh = trainingThere.filter((id) => stored.has(id) && !trainingElsewhere.includes(id));
      if (fresh.length) {
        // Its trainer holds its lock from before it says anything: held, it trains there.
        const held = await heldRunIds();
        const there = fresh.filter((id) => held.has(id));
        if (there.length) {
          actions.setTrainingElsewhere([...store.getState().train.trainingElsewhere, ...there]);
          for (const id of there) void whenRunFree(id).then(() => runFreed(store, id));
        }
      }
      const { focusId, compare, series } = store.getState().train;
      const shown = new Set([focusId ?? [], compare].flat());
      for (const id of runIds)
        if (stored.has(id) && (shown.has(id) || id in series)) await loadSeries(store, id);
    } catch (error) {
      actions.setError(`Could not read what another tab changed: ${messageOf(error)}`);
    } finally {
      timer = null;
      // What was heard while reading: read again.
      if (heard) timer = setTimeout(() => void reread(), everyMs);
    }
  }

  return () => {
    stop();
    if (timer) clearTimeout(timer);
  };
}
