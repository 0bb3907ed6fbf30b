import { plural } from '../protocol/plural';
import type { PruneTarget, StorageReport } from '../protocol/storage';
import type { SuiteKinds, SuiteSpec } from '../protocol/training';
import type { AppStore } from '../state/store';
import { messageOf } from './training';
import { trainerClient } from './trainerClient';

/**
 * What a storage action came to, said in the Storage panel. `undo` names the run whose dropped
 * episodes can still be put back (`undoDropEpisodes`) until `releaseDropped`.
 */
export interface StorageOutcome {
  kind: 'done' | 'error';
  text: string;
  /** The run the action was about (the message goes once it is deleted). */
  runId?: string;
  undo?: boolean;
}

const nameOf = (store: AppStore, runId: string): string =>
  store.getState().train.runs.find((r) => r.id === runId)?.name ?? runId;

/** Per-run sizes, measured in the trainer worker. */
export async function storageDetails(store: AppStore): Promise<StorageReport> {
  const report = await trainerClient().storageReport();
  store.getState().trainActions.setStorage({ usage: report.usage, quota: report.quota });
  return report;
}

/**
 * Drops a run's episodes (held for an Undo) or older checkpoints, and says what came of it.
 * Readers of episodes read again.
 */
export async function pruneStored(
  store: AppStore,
  runId: string,
  what: PruneTarget,
): Promise<StorageOutcome> {
  const name = nameOf(store, runId);
  try {
    const n = await trainerClient().pruneRun(runId, what);
    if (what === 'checkpoints')
      return {
        kind: 'done',
        runId,
        text: `Dropped ${plural(n, 'older checkpoint')} of "${name}", keeping the latest: it can still be resumed.`,
      };
    store.getState().trainActions.episodesChanged();
    return {
      kind: 'done',
      runId,
      undo: n > 0,
      text: `Dropped ${plural(n, 'stored episode')} of "${name}"; its curves, scores and checkpoints are kept.`,
    };
  } catch (error) {
    return { kind: 'error', runId, text: `Could not free space: ${messageOf(error)}` };
  }
}

/** Puts back the episodes of a run dropped under Storage, and says how many. */
export async function undoDropEpisodes(store: AppStore, runId: string): Promise<StorageOutcome> {
  const name = nameOf(store, runId);
  try {
    const n = await trainerClient().restoreEpisodes(runId);
    store.getState().trainActions.episodesChanged();
    return {
      kind: 'done',
      runId,
      text:
        n > 0
          ? `Put back ${plural(n, 'episode')} of "${name}".`
          : `Nothing to put back of "${name}": its episodes are held no more (it was resumed since, and its steps trained again store their own).`,
    };
  } catch (error) {
    // Still held by the worker: the Undo stays, to try again once space is freed.
    return {
      kind: 'error',
      runId,
      undo: true,
      text: `Could not put the episodes back: ${messageOf(error)}. They are still held: free some space, then Undo again.`,
    };
  }
}

/** The Undo of a drop is withdrawn: the worker forgets the episodes it held for it. */
export function releaseDropped(runId: string): void {
  void trainerClient()
    .releaseEpisodes(runId)
    .catch(() => {
      // A worker gone has forgotten them already.
    });
}

/** The kinds each split of a suite holds, when a run (or the Learn page) has built it. */
export const readSuiteKinds = (suite: SuiteSpec): Promise<SuiteKinds | null> =>
  trainerClient().suiteKinds(suite);

/** Drops the cached task suites. */
export async function clearSuiteCache(): Promise<StorageOutcome> {
  try {
    await trainerClient().clearSuites();
    return { kind: 'done', text: 'Cleared the cached task suites; the next run rebuilds its own.' };
  } catch (error) {
    return { kind: 'error', text: `Could not clear the suites: ${messageOf(error)}` };
  }
}
