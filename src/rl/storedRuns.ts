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
import { clearSuites } from '../storage/suites';
import { pruneRun, storageReport } from '../storage/usage';
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

  prune(runId: string, what: PruneTarget): Promise<void> {
    return pruneRun(runId, what, this.storage.db);
  }

  clearSuites(): Promise<void> {
    return clearSuites(this.storage.db);
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
