import type { BackendInfo } from '../protocol/backend';
import type { DeviceCheckRequest, TrainerApi, TrainerInitRequest } from '../protocol/trainer';
import { TrainerError } from '../protocol/trainer';
import { initBackend, useBackend, type BackendEnvironment } from '../policy/tf/backends';
import * as tf from '@tensorflow/tfjs-core';
import { checkBackend, fastestBackend } from '../policy/tf/deviceCheck';
import { backendAgreement } from '../policy/tf/agreement';
import type { BackendName, DeviceCheckProgress } from '../protocol/backend';
import type { TrainingSession } from './session';
import { describeBlob } from '../eval/describeFile';

export interface TrainerEnvironment extends BackendEnvironment {
  /** Monotonic clock in ms, for measurements only. */
  now: () => number;
  /** Training runs (the browser worker supplies one backed by IndexedDB and a sandbox pool). */
  session?: (backend: () => BackendName | null) => TrainingSession;
}

/** The trainer worker's implementation as a plain object: the worker exposes it, tests call it. */
export function createTrainerApi(env: TrainerEnvironment): TrainerApi {
  let current: BackendInfo | null = null;
  let session: TrainingSession | null = null;
  // Stored runs, episodes and tasks are read without a backend, so the app's first reads need
  // not wait for `init()` (a WebGPU adapter can take seconds); only training needs one.
  const stored = (): TrainingSession => {
    if (!env.session)
      throw new TrainerError(
        'Training runs need the browser trainer worker (IndexedDB and a sandbox pool).',
      );
    return (session ??= env.session(() => current?.backend ?? null));
  };
  const runs = (): TrainingSession => {
    requireInit();
    return stored();
  };

  // A backend change (or the device check's tour of the backends) would move a going run's
  // tensors to another backend mid-run, or an evaluating run's mid-answer: refused until it ends.
  const refuseWhileTraining = (what: string): void => {
    if (session?.runGoing(true))
      throw new TrainerError(
        `A run is going in this tab: ${what} once it ends or is stopped (a paused run counts).`,
      );
    if (session?.external.going)
      throw new TrainerError(
        `An evaluation of external tasks is going (Evaluate page): ${what} once it ends or is cancelled.`,
      );
  };

  // Backend changes and tours of the backends (the device check, the agreement check) take
  // turns: each switches tf's one global backend, and two at once read each other's switch as
  // their own failure. A run starts once the one under way is done.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const mine = turn.then(work, work);
    turn = mine.catch(() => undefined);
    return mine;
  };

  const requireInit = (): BackendInfo => {
    if (!current) throw new TrainerError('The trainer is not initialised: call init() first.');
    return current;
  };

  /** Times each backend in turn, then returns to the one in use. */
  const tourBackends = async (
    request: DeviceCheckRequest,
    onProgress?: (progress: DeviceCheckProgress) => void,
  ) => {
    const info = requireInit();
    refuseWhileTraining('run the device check');
    const backends =
      request.backends ?? info.availability.filter((a) => a.available).map((a) => a.backend);
    const rows = [];
    for (const backend of backends) {
      rows.push(
        await checkBackend(backend, {
          matmulSize: request.matmulSize ?? 256,
          steps: request.steps ?? 3,
          now: env.now,
          ...(onProgress ? { onProgress } : {}),
        }),
      );
    }
    const restored = await useBackend(info.backend);
    if (restored) throw new TrainerError(`Could not return to ${info.backend}: ${restored}`);
    return { rows, fastest: fastestBackend(rows) };
  };

  /** The policy's log-probs before and after one update on each backend. */
  const agreement = async () => {
    const info = requireInit();
    refuseWhileTraining('compare the backends');
    const backends = info.availability.filter((a) => a.available).map((a) => a.backend);
    const rows = await backendAgreement(backends).finally(() => useBackend(info.backend));
    if (tf.getBackend() !== info.backend)
      throw new TrainerError(`Could not return to ${info.backend} after the agreement check.`);
    return rows;
  };

  return {
    init(request: TrainerInitRequest) {
      return inTurn(async () => {
        refuseWhileTraining('change the backend');
        current = await initBackend(request.preference, request.measuredFastest ?? null, env);
        return current;
      });
    },
    info() {
      return Promise.resolve().then(requireInit);
    },
    deviceCheck(request: DeviceCheckRequest, onProgress) {
      return inTurn(() => tourBackends(request, onProgress));
    },
    async startRun(request, onEvents) {
      await turn;
      return runs().start(request, onEvents);
    },
    pauseRun(runId) {
      return Promise.resolve().then(() => runs().pause(runId));
    },
    resumeRun(runId) {
      return Promise.resolve().then(() => runs().resume(runId));
    },
    stopRun(runId) {
      return Promise.resolve().then(() => runs().stop(runId));
    },
    async setMix(runId, mix) {
      return runs().setMix(runId, mix);
    },
    describeTaskFile(name, file) {
      return describeBlob(name, file);
    },
    async evaluateExternal(request, onProgress) {
      return runs().evaluateExternal(request, onProgress);
    },
    cancelExternal() {
      return Promise.resolve().then(() => stored().cancelExternal());
    },
    async storageReport() {
      return stored().storageReport();
    },
    async pruneRun(runId, what) {
      return stored().prune(runId, what);
    },
    async restoreEpisodes(runId) {
      return stored().restoreEpisodes(runId);
    },
    releaseEpisodes(runId) {
      return Promise.resolve().then(() => stored().releaseEpisodes(runId));
    },
    async learnCatalog(onProgress) {
      return stored().play.catalog(onProgress);
    },
    async learnBug(bugId) {
      return stored().play.bug(bugId);
    },
    async learnGrade(taskId, answer) {
      return stored().play.grade(taskId, answer);
    },
    async learnGold(taskId) {
      return stored().play.gold(taskId);
    },
    async modelPrompts(split, onProgress) {
      return stored().play.prompts(split, onProgress);
    },
    async scoreModel(request, onProgress) {
      return stored().play.scoreModel(request, onProgress);
    },
    async clearSuites() {
      return stored().clearSuites();
    },
    async suiteKinds(suite) {
      return stored().suiteKinds(suite);
    },
    async episodeBatches(runId) {
      return stored().episodeBatches(runId);
    },
    async listEpisodes(runId, batch) {
      return stored().listEpisodes(runId, batch);
    },
    async taskEpisodes(taskIds) {
      return stored().taskEpisodes(taskIds);
    },
    async getEpisode(id) {
      return stored().getEpisode(id);
    },
    async observation(runId, taskId) {
      return stored().observation(runId, taskId);
    },
    async taskFiles(runId, taskId) {
      return stored().taskFiles(runId, taskId);
    },
    backendAgreement() {
      return inTurn(agreement);
    },
    dispose() {
      current = null;
      return Promise.resolve();
    },
  };
}
