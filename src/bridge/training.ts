import { errorText } from '../protocol/errorText';
import {
  isGoing,
  type RunSummary,
  type StartRunRequest,
  type TrainConfig,
  type TrainEvent,
} from '../protocol/training';
import type { AppStore } from '../state/store';
import {
  exportBundle,
  importBundle,
  listRuns,
  loadRunData,
  renameRun,
  setRunTags,
  storedConfig,
  putRunBack,
  takeRun,
  type HeldRun,
  type ImportedRun,
} from '../storage/runs';
import { tellOtherTabs } from '../storage/runsChannel';
import { estimateStorage, isQuotaError } from '../storage/usage';
import type {
  EpisodeBatch,
  EpisodeRecord,
  EpisodeSummary,
  ObservationView,
  TaskFilesView,
} from '../protocol/episodes';
import { perTaskScores, type PerTaskScores } from '../eval/stats';
import { importedText } from './importOutcome';
import { proxy, trainerClient } from './trainerClient';
import { updateRule } from '../rl/updateRule';
import type { UpdateRule } from '../protocol/advantage';

/** An error in words; the browser's storage being full says what to do. */
export const messageOf = (error: unknown): string =>
  isQuotaError(error)
    ? "The browser's storage for this app is full, so nothing was saved. Free space under Storage (drop old episodes or checkpoints, or delete runs) and try again."
    : errorText(error);

/** Re-reads the origin's storage estimate (cheap; the banner warns when it is nearly full). */
export async function checkStorage(store: AppStore): Promise<void> {
  try {
    store.getState().trainActions.setStorage(await estimateStorage());
  } catch {
    // No estimate: the panel still measures the runs themselves.
  }
}

/** Opens a run in the progress panel (brought into view), its curves read if not yet. */
export function openRun(store: AppStore, runId: string): void {
  store.getState().trainActions.focus(runId, true);
  if (!store.getState().train.series[runId]) void loadSeries(store, runId);
}

/** Loads one run's full curves from IndexedDB. */
export async function loadSeries(store: AppStore, runId: string): Promise<void> {
  const data = await loadRunData(runId);
  if (!data) return;
  store.getState().trainActions.setSeries(runId, {
    points: data.points.map(({ step, elapsedMs, point }) => ({ step, elapsedMs, point })),
    evals: data.evals.map(({ step, split, bySkill }) => ({ step, split, bySkill })),
    events: data.events.map(({ step, elapsedMs, mix }) => ({ step, elapsedMs, mix })),
  });
}

let sequence = 0;

/** A run id unique in this browser (time-based; ids are not part of any experiment's randomness). */
export function newRunId(): string {
  sequence++;
  return `run-${Date.now().toString(36)}-${sequence}`;
}

async function drive(store: AppStore, request: StartRunRequest): Promise<void> {
  const actions = store.getState().trainActions;
  actions.setError(null);
  // Refused before it began, the run opened in its place goes back to the one open before.
  const before = store.getState().train.focusId;
  actions.focus(request.runId, true);
  let listing: Promise<void> | null = null;
  let heard = false;
  const onEvents = proxy((events: TrainEvent[]) => {
    heard = true;
    actions.applyEvents(events);
    // Other tabs follow it (otherTabs.ts): its step, status and curves.
    tellOtherTabs({ runId: request.runId, training: true });
    // Each checkpoint grows what is stored: re-read the estimate so the banner can warn in time.
    if (events.some((e) => e.type === 'checkpoint')) void checkStorage(store);
    // The worker writes the run record before its first event: list it as soon as one arrives.
    const known = store.getState().train.runs.some((r) => r.id === request.runId);
    if (!known && !listing)
      listing = refreshRuns(store).finally(() => {
        listing = null;
      });
  });
  const run = trainerClient().startRun(request, onEvents);
  try {
    await run;
  } catch (error) {
    // Refused before it began (another run going: the worker said nothing of it), or ended
    // by an error.
    const message = messageOf(error);
    actions.setError(heard ? `The run stopped with an error: ${message}` : message);
    if (!heard && store.getState().train.focusId === request.runId) actions.focus(before);
  } finally {
    await refreshRuns(store);
    if (heard) tellOtherTabs({ runId: request.runId, training: false });
    await checkStorage(store);
  }
}

/** Reads the stored runs again into the store, after a change here: other tabs hear of it. */
export async function refreshRuns(store: AppStore): Promise<void> {
  store.getState().trainActions.setRuns(await listRuns());
  tellOtherTabs({ runId: null, training: false });
}

/** Starts a new run in the trainer worker; resolves when it ends. */
export function startRun(
  store: AppStore,
  config: TrainConfig,
  opts: { name?: string; suite?: StartRunRequest['suite'] } = {},
): { runId: string; done: Promise<void> } {
  // Start pressed again before the trainer has said anything of the first: the same run.
  if (starting) return starting;
  const runId = newRunId();
  const done = drive(store, {
    runId,
    config,
    name: opts.name ?? config.name,
    ...(opts.suite ? { suite: opts.suite } : {}),
  });
  const started = { runId, done };
  starting = started;
  let listed = (): void => {};
  const settle = () => {
    if (starting === started) starting = null;
    listed();
  };
  // Once the run is listed (its record written) or has ended, a new Start is a new run.
  listed = store.subscribe((s) => {
    if (s.train.runs.some((r) => r.id === runId)) settle();
  });
  void done.finally(settle);
  return started;
}

/** The run just started whose trainer has not yet written it (see startRun). */
let starting: { runId: string; done: Promise<void> } | null = null;

/** Runs asked to resume whose trainer has not answered yet: a second press asks nothing. */
const resuming = new Set<string>();

/** Continues an interrupted or stopped run from its latest checkpoint. */
export async function resumeStoredRun(store: AppStore, runId: string): Promise<void> {
  if (resuming.has(runId)) return;
  resuming.add(runId);
  try {
    await loadSeries(store, runId).catch(() => {
      // Its curves are read again as the run's events come; the resume goes on.
    });
    await drive(store, { runId, resume: true });
  } finally {
    resuming.delete(runId);
  }
}

/** Asks the trainer something of a run; a refusal is said on the page, not dropped. */
async function ask(store: AppStore, what: string, runId: string, call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    const name = store.getState().train.runs.find((r) => r.id === runId)?.name ?? runId;
    store.getState().trainActions.setError(`Could not ${what} “${name}”: ${messageOf(error)}`);
  }
}

/** Pauses a run after its step under way. */
export const pauseRun = (store: AppStore, runId: string) =>
  ask(store, 'pause', runId, () => trainerClient().pauseRun(runId));
/** Continues a paused run. */
export const continueRun = (store: AppStore, runId: string) =>
  ask(store, 'resume', runId, () => trainerClient().resumeRun(runId));
/**
 * Asks a run to stop. It ends once the work under way is done (a step, or an evaluation, which
 * finishes so the run keeps its scores), which can take a while: the store says it is stopping
 * at once, until it has ended. If the worker cannot be asked, the run goes on: it is no longer
 * said to be stopping (its Stop is back), and the page says what to do.
 */
export async function stopRun(store: AppStore, runId: string): Promise<void> {
  const actions = store.getState().trainActions;
  actions.markStopping(runId);
  try {
    await trainerClient().stopRun(runId);
  } catch (error) {
    actions.markStopping(runId, false);
    const name = store.getState().train.runs.find((r) => r.id === runId)?.name ?? runId;
    actions.setError(
      `Could not stop "${name}", so it goes on: press Stop again. If that fails too, reloading the page ends it (it is then listed as interrupted, and can be resumed from its last checkpoint). The error: ${messageOf(error)}`,
    );
  }
}

/** Changes a going run's skill mix; the event is marked on the charts. */
export async function changeMix(store: AppStore, runId: string, mix: TrainConfig['mix']) {
  try {
    const event = await trainerClient().setMix(runId, mix);
    if (event) store.getState().trainActions.applyEvents([{ type: 'config', runId, event }]);
  } catch (error) {
    store.getState().trainActions.setError(messageOf(error));
  }
}

export async function rename(store: AppStore, runId: string, name: string): Promise<void> {
  try {
    await renameRun(runId, name);
    await refreshRuns(store);
  } catch (error) {
    store.getState().trainActions.setError(messageOf(error));
  }
}

export async function retag(store: AppStore, runId: string, tags: string[]): Promise<void> {
  try {
    await setRunTags(runId, tags);
    await refreshRuns(store);
  } catch (error) {
    store.getState().trainActions.setError(`Could not change the tags: ${messageOf(error)}`);
  }
}

/**
 * Deletes a run; resolves with its rows, so Undo can put it back exactly (ids and all), or
 * with null when it could not be deleted (said in the runs panel).
 */
export async function removeRun(store: AppStore, runId: string): Promise<HeldRun | null> {
  const actions = store.getState().trainActions;
  try {
    const held = await takeRun(runId);
    actions.forget(runId);
    await refreshRuns(store);
    return held;
  } catch (error) {
    actions.setRunsOutcome({
      kind: 'error',
      text: `Could not delete the run: ${messageOf(error)}`,
    });
    return null;
  }
}

/**
 * Puts a deleted run back; resolves whether it is. A failure (a full storage) is said in the
 * runs panel, and nothing of the run is stored (one transaction): its Undo is offered again.
 */
export async function undoRemove(store: AppStore, held: HeldRun): Promise<boolean> {
  try {
    await putRunBack(held);
  } catch (error) {
    store.getState().trainActions.setRunsOutcome({
      kind: 'error',
      text: `Could not put "${held.run.name}" back: ${messageOf(error).replace(/\.?$/, '.')} Its Undo is offered again for a while.`,
    });
    return false;
  }
  await refreshRuns(store);
  await loadSeries(store, held.run.id);
  return true;
}

/**
 * Imports run bundle files one after another; a bad file leaves everything as it was. What came
 * of them (each file refused, with why, and the runs imported) replaces the runs panel's last
 * message. Resolves with the runs imported.
 */
export async function importRunFiles(
  store: AppStore,
  files: readonly Pick<File, 'name' | 'text'>[],
): Promise<RunSummary[]> {
  const actions = store.getState().trainActions;
  actions.setRunsOutcome(null);
  const imported: ImportedRun[] = [];
  const refused: string[] = [];
  for (const file of files) {
    try {
      imported.push(await importBundle(await file.text()));
    } catch (error) {
      refused.push(`${file.name}: ${messageOf(error)}`);
    }
  }
  try {
    if (imported.length) {
      await refreshRuns(store);
      for (const { run } of imported) await loadSeries(store, run.id);
      // Show what was just imported, unless the run in view is still training; brought into
      // view only when no file was refused (the page would scroll away from why).
      const { focusId, runs } = store.getState().train;
      const inView = runs.find((r) => r.id === focusId);
      if (!inView || !isGoing(inView.status))
        actions.focus(imported.at(-1)!.run.id, refused.length === 0);
    }
  } catch (error) {
    refused.push(`Imported, but the runs could not be read back: ${messageOf(error)}`);
  }
  // One line each: what was imported first, then each file refused and why.
  const done = importedText(imported);
  actions.setRunsOutcome(
    refused.length
      ? { kind: 'error', text: [done, ...refused].filter(Boolean).join('\n') }
      : { kind: 'done', text: done },
  );
  return imported.map((i) => i.run);
}

export { exportBundle };

/** A run's batches of stored episodes (read in the trainer worker, which writes them). */
export function episodeBatches(runId: string): Promise<EpisodeBatch[]> {
  return trainerClient().episodeBatches(runId);
}

/** The episodes of one batch of a run, without their traces. */
export function listEpisodes(runId: string, batch: EpisodeBatch): Promise<EpisodeSummary[]> {
  return trainerClient().listEpisodes(runId, batch);
}

/**
 * Each task's mean reward in a run's last stored test evaluation, by kind ({} when it has
 * none): what pairs the difference of two runs tested on the same tasks.
 */
export async function finalTestScores(runId: string): Promise<PerTaskScores> {
  const tests = (await episodeBatches(runId)).filter((b) => b.source === 'test');
  const last = tests.at(-1);
  return last ? perTaskScores(await listEpisodes(runId, last)) : {};
}

/**
 * Each stored run's k of Avg@k by run id: the answers its evaluations sampled per task (its
 * config's `evalSamples`; absent where a run saved before it had none).
 */
export async function evalSamplesByRun(): Promise<Record<string, number>> {
  const runs = await listRuns();
  return Object.fromEntries(
    runs.flatMap((r) =>
      typeof r.config.evalSamples === 'number' ? [[r.id, r.config.evalSamples]] : [],
    ),
  );
}

/**
 * What of a run's config decided which of its training answers entered an update (the trace
 * viewer says it of each), or null when the run is not stored.
 */
export async function runUpdateRule(runId: string): Promise<UpdateRule | null> {
  const config = await storedConfig(runId);
  return config ? updateRule(config) : null;
}

/** One stored episode, whole, or null when it is gone. */
export function getEpisode(id: number): Promise<EpisodeRecord | null> {
  return trainerClient().getEpisode(id);
}

/** What a run's policy saw of one of its tasks, or why it cannot be rebuilt. */
export function observation(runId: string, taskId: string): Promise<ObservationView> {
  return trainerClient().observation(runId, taskId);
}

/** One of a run's tasks' files as its policy was given them, or why they cannot be read. */
export function taskFiles(runId: string, taskId: string): Promise<TaskFilesView> {
  return trainerClient().taskFiles(runId, taskId);
}
