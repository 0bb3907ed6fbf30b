import type {
  EpisodeBatch,
  EpisodeRecord,
  EpisodeSummary,
  ObservationView,
  RunEpisodeSummary,
  TaskFilesView,
} from '../protocol/episodes';
import type { PruneTarget, StorageReport } from '../protocol/storage';
import type { LabDatabase } from '../storage/db';
import { episodeBatches, getEpisode, listEpisodes, taskEpisodes } from '../storage/episodes';
import { cachedSuiteKinds, clearSuites } from '../storage/suites';
import type { SuiteKinds } from '../protocol/training';
import { suiteKey, type SuiteSpec } from './suiteSource';
import { pruneRun, restoreEpisodes, storageReport, takeEpisodes } from '../storage/usage';
import { ObservationReader } from './observationReader';

/**
 * What the trainer worker reads and tidies in stored runs without training (no backend needed):
 * sizes, pruning, cached suites, episodes, rebuilt observations and task files.
 */
export class StoredRuns {
  constructor(private readonly storage: { db: LabDatabase; buildId: string }) {}

  /** What each run uses, measured here in the worker (reading every row is not the page's job). */
  storageReport(): Promise<StorageReport> {
    return storageReport(this.storage.db);
  }

  /** Episodes dropped, by run, held until their Undo is withdrawn (releaseEpisodes). */
  private readonly dropped = new Map<string, EpisodeRecord[]>();

  /** Drops episodes (held for `restoreEpisodes`) or older checkpoints; how many rows went. */
  async prune(runId: string, what: PruneTarget): Promise<number> {
    if (what === 'checkpoints') return pruneRun(runId, what, this.storage.db);
    const rows = await takeEpisodes(runId, this.storage.db);
    // A second drop of the same run holds both (the first one's Undo may still be offered).
    this.dropped.set(runId, [...(this.dropped.get(runId) ?? []), ...rows]);
    return rows.length;
  }

  /**
   * Puts back the episodes last dropped of a run; how many (0 once released). Held until they
   * are back: a failed write (a full storage) can be tried again.
   */
  async restoreEpisodes(runId: string): Promise<number> {
    const rows = this.dropped.get(runId) ?? [];
    if (!rows.length) return 0;
    const restored = await restoreEpisodes(rows, this.storage.db);
    if (this.dropped.get(runId) === rows) this.dropped.delete(runId);
    return restored;
  }

  /** Forgets the episodes dropped of a run: they can no longer be put back. */
  releaseEpisodes(runId: string): void {
    this.dropped.delete(runId);
  }

  clearSuites(): Promise<void> {
    return clearSuites(this.storage.db);
  }

  /** The kinds each split of a suite holds, when it is cached (a run on it built it), else null. */
  suiteKinds(suite: SuiteSpec): Promise<SuiteKinds | null> {
    return cachedSuiteKinds(this.storage.db, suiteKey(suite, this.storage.buildId));
  }

  episodeBatches(runId: string): Promise<EpisodeBatch[]> {
    return episodeBatches(runId, this.storage.db);
  }

  listEpisodes(runId: string, batch: EpisodeBatch): Promise<EpisodeSummary[]> {
    return listEpisodes(runId, batch, this.storage.db);
  }

  taskEpisodes(taskIds: readonly string[]): Promise<RunEpisodeSummary[]> {
    return taskEpisodes(taskIds, this.storage.db);
  }

  getEpisode(id: number): Promise<EpisodeRecord | null> {
    return getEpisode(id, this.storage.db);
  }

  private readonly observations = new ObservationReader(() => this.storage);

  observation(runId: string, taskId: string): Promise<ObservationView> {
    return this.observations.read(runId, taskId);
  }

  taskFiles(runId: string, taskId: string): Promise<TaskFilesView> {
    return this.observations.files(runId, taskId);
  }
}
