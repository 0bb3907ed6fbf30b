import type { ExternalEvalProgress, ExternalEvalRequest, ExternalEvalResult } from './external';
import type {
  AgreementRow,
  BackendInfo,
  BackendPreference,
  BackendName,
  DeviceCheckProgress,
  DeviceCheckResult,
} from './backend';
import type {
  EpisodeBatch,
  EpisodeRecord,
  EpisodeSummary,
  ObservationView,
  RunEpisodeSummary,
  TaskFilesView,
} from './episodes';
import type { PruneTarget, StorageReport } from './storage';
import type { BugCatalog, BugTasks, CatalogProgress, PlayVerdict } from './learn';
import type { Answer } from '../core/answers/types';
import type { Split } from '../core/tasks/types';
import type { DescribedFile } from '../eval/describeFile';
import type {
  ModelPromptsFile,
  ModelScoreProgress,
  ModelScoreRequest,
  ModelScoreResult,
} from './models';
import type {
  ConfigEvent,
  RunSummary,
  StartRunRequest,
  SuiteKinds,
  SuiteSpec,
  TrainConfig,
  TrainEvent,
} from './training';

/** Options for starting the trainer's compute backend. */
export interface TrainerInitRequest {
  preference: BackendPreference;
  /** The fastest backend measured earlier on this device, used when the preference is `auto`. */
  measuredFastest?: BackendName | null;
}

export interface DeviceCheckRequest {
  /** Backends to measure; default: every available one. */
  backends?: BackendName[];
  /** Side of the matmul benchmark's square matrices (default 256). */
  matmulSize?: number;
  /** Training steps to time on the small model (default 3). */
  steps?: number;
}

/**
 * The compute worker's interface. Implemented by `createTrainerApi()` in `src/rl/`, exposed by
 * `workers/trainer.worker.ts` through Comlink, and called directly by Node tests.
 */
export interface TrainerApi {
  /** Picks and initialises the backend; safe to call again to switch. */
  init(request: TrainerInitRequest): Promise<BackendInfo>;
  /** Current backend info (after `init`). */
  info(): Promise<BackendInfo>;
  /** Measures matmul GFLOP/s and training step time on each backend, then restores the current one. */
  deviceCheck(
    request: DeviceCheckRequest,
    onProgress?: (progress: DeviceCheckProgress) => void,
  ): Promise<DeviceCheckResult>;
  /**
   * Runs (or resumes) a training run to its end, writing everything to IndexedDB; events arrive
   * in batches through `onEvents`. Resolves with the run's final summary.
   */
  startRun(request: StartRunRequest, onEvents: (events: TrainEvent[]) => void): Promise<RunSummary>;
  pauseRun(runId: string): Promise<void>;
  resumeRun(runId: string): Promise<void>;
  stopRun(runId: string): Promise<void>;
  /** Changes the skill mix of a going run from its next step; returns the recorded event. */
  setMix(runId: string, mix: TrainConfig['mix']): Promise<ConfigEvent | null>;
  /**
   * Scores stored runs' latest checkpoints on an external task file (HumanEvalPack-style or a
   * suite file), as `lab eval` does; refused while a run trains (not paused) in this worker.
   */
  /**
   * What a task file holds (records, or a suite's tasks by split) or why it is not one, read
   * and counted here so a large file does not hold the page's thread. Needs no backend.
   */
  describeTaskFile(name: string, file: Blob): Promise<DescribedFile>;
  evaluateExternal(
    request: ExternalEvalRequest,
    onProgress: (progress: ExternalEvalProgress) => void,
  ): Promise<ExternalEvalResult>;
  /** Stops that evaluation at its next answer; the runs already scored are kept. */
  cancelExternal(): Promise<void>;
  /** What this app stores, per run (sizes measured in the worker). */
  storageReport(): Promise<StorageReport>;
  /**
   * Drops a run's sampled episodes, or all its checkpoints but the latest; resolves with how
   * many went. Dropped episodes are held until `releaseEpisodes`, so `restoreEpisodes` can put
   * them back (an Undo).
   */
  pruneRun(runId: string, what: PruneTarget): Promise<number>;
  /**
   * Puts back a run's episodes dropped since the last `releaseEpisodes`, under their own ids
   * (batches stored anew since are left as they are); resolves with how many.
   */
  restoreEpisodes(runId: string): Promise<number>;
  /** Forgets a run's dropped episodes (their Undo is withdrawn). */
  releaseEpisodes(runId: string): Promise<void>;
  /**
   * A run's batches of stored episodes (every group of every fifth training step, and the final
   * test evaluation's answers) in the order they happened.
   */
  episodeBatches(runId: string): Promise<EpisodeBatch[]>;
  /**
   * Every stored run's answers to these tasks (their test evaluations' and sampled training
   * groups'), without traces: how the policies answered a task the Learn page shows.
   */
  taskEpisodes(taskIds: string[]): Promise<RunEpisodeSummary[]>;
  /** The episodes of one batch of a run, by group then sample, without their traces. */
  listEpisodes(runId: string, batch: EpisodeBatch): Promise<EpisodeSummary[]>;
  /**
   * One stored episode, whole: its decoded tokens with log-probabilities, entropies and top
   * alternatives, the answer, the sandbox runs and the facts that decided its reward; null when
   * it is gone (pruned, or its run deleted).
   */
  getEpisode(id: number): Promise<EpisodeRecord | null>;
  /**
   * What a run's policy saw of one of its tasks: the observation rebuilt from the task (as this
   * build made it, only when the run's tasks were made by this build) and the run's vocabulary.
   */
  observation(runId: string, taskId: string): Promise<ObservationView>;
  /**
   * One of a run's tasks' files, as its policy was given them (read under the same conditions
   * as the observation), for the trace viewer to show an answer's edits in the whole file.
   */
  taskFiles(runId: string, taskId: string): Promise<TaskFilesView>;
  /**
   * The Learn page's bugs (from the quick suite, seed 1: read from the cache, else built and
   * cached as a first run would, reporting progress). Needs no backend.
   */
  learnCatalog(onProgress?: (progress: CatalogProgress) => void): Promise<BugCatalog>;
  /** One bug decomposed into its tasks, without gold answers or hidden material. */
  learnBug(bugId: string): Promise<BugTasks>;
  /** Grades a person's answer to one of those tasks with the policy's verifier, in full. */
  learnGrade(taskId: string, answer: Answer): Promise<PlayVerdict>;
  /** A task's gold answer in the answer language (asked for by the person). */
  learnGold(taskId: string): Promise<string>;
  /** One split of the Learn page's suite as prompts for a language model (`lab prompts`). */
  modelPrompts(
    split: Split,
    /** The suite's build, the first time (about a minute): its stage and count. */
    onProgress?: (progress: CatalogProgress) => void,
  ): Promise<ModelPromptsFile>;
  /** A model's answers to those tasks, graded like a policy's (`lab eval --answers`). */
  scoreModel(
    request: ModelScoreRequest,
    onProgress: (progress: ModelScoreProgress) => void,
  ): Promise<ModelScoreResult>;
  /** Drops the cached task suites (rebuilt when a run needs them). */
  clearSuites(): Promise<void>;
  /** The kinds each split of a suite holds, when it is cached, else null (not built yet). */
  suiteKinds(suite: SuiteSpec): Promise<SuiteKinds | null>;
  /**
   * Runs one seeded policy on every available backend (log-probs of a fixed batch, one update,
   * log-probs again), then restores the current backend.
   */
  backendAgreement(): Promise<AgreementRow[]>;
  /** Frees every tensor and backend resource. */
  dispose(): Promise<void>;
}

/** Errors crossing the worker boundary keep their name. */
export class TrainerError extends Error {
  override name = 'TrainerError';
}
