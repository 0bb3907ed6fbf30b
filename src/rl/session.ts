import { errorText } from '../protocol/errorText';
import type { SandboxRunner } from '../core/sandbox/types';
import type { Task } from '../core/tasks/types';
import type { BackendName } from '../protocol/backend';
import type {
  ConfigEvent,
  RunStatus,
  RunSummary,
  StartRunRequest,
  TrainEvent,
} from '../protocol/training';
import { finalScores } from '../protocol/training';
import type { LabDatabase, RunRecord } from '../storage/db';
import {
  applyDue,
  askStop,
  changeMix,
  elapsedOf,
  mixOnStart,
  mixChangeProblem,
  nextTurn,
  startingRun,
  untilWoken,
  type Control,
  type GoingRun,
  type Intent,
} from './runControl';
import { StoredRuns } from './storedRuns';
import { ExternalEvaluations } from './externalEval';
import type {
  ExternalEvalProgress,
  ExternalEvalRequest,
  ExternalEvalResult,
} from '../protocol/external';
import { dropAfter } from '../storage/runs';
import { holdRunLock } from '../storage/runLocks';
import { isQuotaError } from '../storage/usage';
import type { TrainConfig } from './config';
import { createRun, resumeProblem } from './createRun';
import { unmeasuredKinds } from '../protocol/heldOut';
import { episodeRows, evalEpisodeRows } from './episodeRows';
import { evalsKeptThrough, runTraining, StoppedInWarmStart } from './run';
import { storedSuiteTasks } from './storedSuite';
import { PlayTasks } from '../learn/playTasks';
import { RunDeleted, WriteQueue, writeFailureCause, writeFailureMessage } from './writeQueue';
import { plural } from '../protocol/plural';

export interface SessionEnvironment {
  db: LabDatabase;
  sandbox: SandboxRunner;
  now: () => number;
  /** Wall-clock time (ms since the epoch) for the dates stored with runs, checkpoints, suites. */
  wallClock: () => number;
  backend: () => BackendName | null;
  /** Identifies the code that builds and grades suites (a new build rebuilds cached suites). */
  buildId: string;
  /** Wall time between checkpoints (a closed tab loses at most about this much). */
  checkpointMs?: number;
  /** Events are delivered in batches at most this often. */
  flushMs?: number;
}

/** Stored episodes: every group of every `EPISODE_EVERY`th step (storage stays bounded). */
const EPISODE_EVERY = 5;
const KEEP_CHECKPOINTS = 2;

/** What a run says of the evaluations whose answers could not be stored (none: nothing). */
const unstoredNote = (unstored: readonly string[]): string | undefined =>
  unstored.length ? `Not stored: ${unstored.join('; ')}. The scores were.` : undefined;

/**
 * Training runs inside the trainer worker: builds (or reads) the suite, runs GRPO, writes every
 * step, eval, config event, sampled episode and checkpoint to IndexedDB as it goes, and reports
 * events in batches. Pause, resume, stop and skill-mix changes act between steps.
 */
export class TrainingSession extends StoredRuns {
  /** The run going (one trains at a time). */
  private going: GoingRun | null = null;

  /** Where a pause, resume or stop of `runId` goes: its control, or `asked` while it starts. */
  private intent(runId: string): Intent | null {
    return this.going?.runId === runId ? (this.going.control ?? this.going.asked) : null;
  }

  /** The Learn page's bugs, played by a person and graded in this worker's sandbox. */
  readonly play: PlayTasks;

  constructor(private readonly env: SessionEnvironment) {
    super(env);
    this.play = new PlayTasks(env);
    this.external = new ExternalEvaluations(env);
  }

  /**
   * Whether a run is going here (`evenPaused`: a paused one counts): an evaluation of external
   * tasks would share its worker, and a backend change would move its tensors mid-run.
   */
  runGoing(evenPaused: boolean): boolean {
    if (!this.going) return false;
    const { control } = this.going;
    // Paused once it waits (a pause pressed mid-step takes effect at the step's end).
    return !control || evenPaused || control.wake === null;
  }

  /** Evaluations of external tasks: runs' policies answering on the backend in use. */
  readonly external: ExternalEvaluations;

  /**
   * Scores runs on an external task file (see `evaluateExternal`). Refused while a run trains
   * here (a paused one may wait), and one at a time; a run is not started meanwhile.
   */
  async evaluateExternal(
    request: ExternalEvalRequest,
    onProgress: (p: ExternalEvalProgress) => void,
  ): Promise<ExternalEvalResult> {
    if (this.runGoing(false))
      throw new Error(
        'A run is training in this tab, and the evaluation would share its worker: pause it (or let it end), then evaluate.',
      );
    return await this.external.run(request, onProgress);
  }

  /** Stops the evaluation of external tasks at its next answer (the runs scored are kept). */
  cancelExternal(): void {
    this.external.cancel();
  }

  pause(runId: string): void {
    const c = this.intent(runId);
    if (c) c.paused = true;
  }

  resume(runId: string): void {
    const c = this.intent(runId);
    if (!c) return;
    if (this.external.going)
      throw new Error(
        'An evaluation of external tasks is going (Evaluate page); resume the run once it ends.',
      );
    c.paused = false;
    c.wake?.();
  }

  stop(runId: string): void {
    const c = this.intent(runId);
    if (c) askStop(c);
  }

  /**
   * Changes the skill mix from the next step on; recorded as a config event. A mix that leaves
   * every trained skill at weight 0 is refused (mixChangeProblem) and the run keeps its mix.
   */
  async setMix(runId: string, mix: TrainConfig['mix']): Promise<ConfigEvent | null> {
    const c = this.going?.runId === runId ? this.going.control : null;
    if (!c) return null;
    const problem = mixChangeProblem(c, mix);
    if (problem) throw new Error(`${problem}. The run keeps its current mix.`);
    // One change of a run at a time: a second sent while the first is stored would miss its
    // event and store another at the same step.
    const change = (c.mixing ?? Promise.resolve()).then(() =>
      changeMix(this.env.db, runId, c, mix, this.env.now()),
    );
    c.mixing = change.catch(() => undefined);
    return change;
  }

  /** Runs (or resumes) a run to its end; resolves with its final summary. */
  async start(request: StartRunRequest, emit: (events: TrainEvent[]) => void): Promise<RunSummary> {
    const { db, now } = this.env;
    const { runId } = request;
    // Checked and claimed at once, before any await: a second Resume pressed while the first
    // reads the run is refused rather than training the run twice.
    if (this.going?.runId === runId) throw new Error(`Run ${runId} is already going.`);
    if (this.going)
      throw new Error(
        'Another run is going: one run trains at a time. Stop it, or let it end, then try again.',
      );
    if (this.external.going)
      throw new Error(
        'An evaluation of external tasks is going (Evaluate page); start the run once it ends.',
      );
    const going = startingRun(runId);
    this.going = going;
    // Held while the run goes: another tab leaves it alone (and cannot resume it meanwhile).
    let release: () => void;
    try {
      release = await holdRunLock(runId);
    } catch (error) {
      this.going = null;
      throw error;
    }
    const queue: TrainEvent[] = [];
    const push = (e: TrainEvent): void => void queue.push(e);
    const flush = (): void => {
      if (queue.length) emit(queue.splice(0, queue.length));
    };
    const timer = setInterval(flush, this.env.flushMs ?? 400);
    const setStatus = async (status: RunStatus, message?: string): Promise<void> => {
      await db.runs.update(runId, { status, ...(message !== undefined ? { message } : {}) });
      push({ type: 'status', runId, status, ...(message !== undefined ? { message } : {}) });
    };
    let run: RunRecord | undefined;
    // Writes go one after another, each step in one transaction (its point, the run's step,
    // its episodes): a step is stored whole or not at all. The first failed write stops the run
    // at the next step boundary; a checkpoint is written only after every earlier write landed,
    // so resuming never leaves a gap in the curves.
    const writes = new WriteQueue();
    // The evaluations whose answers could not be stored, and why (said when the run ends).
    const unstored: string[] = [];
    try {
      run = request.resume ? await this.loadForResume(runId) : await createRun(this.env, request);
      const checkpoint = request.resume
        ? (await db.checkpoints.where('runId').equals(runId).sortBy('step')).at(-1)?.checkpoint
        : undefined;
      // A resumed run continues from its checkpoint: what it makes again goes first.
      const from = checkpoint?.step ?? 0;
      const events = await db.events.where('runId').equals(runId).sortBy('id');
      const control: Control = {
        // A pause or stop asked while the run was read holds from its start.
        paused: going.asked.paused,
        stop: going.asked.stop,
        wake: null,
        ...mixOnStart(events, from, run.config.mix),
        trainKinds: run.config.trainKinds,
        steps: run.config.steps,
        step: from,
        stepGoing: false,
        elapsedBase: run.elapsedMs,
        startedAt: null,
      };
      going.control = control;
      // A new session starts without the last one's message (e.g. "the tab closed...").
      await setStatus('preparing', '');
      flush();
      const tasks = await storedSuiteTasks(this.env, run.suite, (stage, done, total) =>
        push({ type: 'progress', runId, stage, done, total }),
      );
      const split = (s: string): Task[] => tasks.filter((t) => t.split === s);
      control.present = [...new Set(split('train').map((t) => t.kind))];
      const evalsThrough = evalsKeptThrough(from, run.config.steps);
      await dropAfter(runId, from, evalsThrough, db);
      // Episodes dropped earlier and held for an Undo would come back beside the ones the
      // resumed run stores again for the same steps: the Undo is withdrawn (review 43rl F8).
      if (request.resume) this.releaseEpisodes(runId);
      if (request.resume) push({ type: 'resumed', runId, step: from, evalsThrough });
      await db.runs.update(runId, { step: from, backend: this.env.backend() });
      control.startedAt = now();
      await setStatus('running', unmeasuredKinds(run.config.trainKinds, tasks) ?? undefined);
      const elapsed = (): number => elapsedOf(control, now());
      let lastCheckpoint = now();
      const output = await runTraining(
        {
          config: run.config,
          train: split('train'),
          val: split('val'),
          test: split('test'),
          sandbox: this.env.sandbox,
          now,
          ...(checkpoint ? { resume: checkpoint } : {}),
        },
        {
          onPhase: (phase, detail) =>
            push({ type: 'phase', runId, phase, ...(detail ? { detail } : {}) }),
          onStep: (point, episodes) => {
            control.step = point.step + 1;
            control.stepGoing = false;
            const at = elapsed();
            push({ type: 'step', runId, point, elapsedMs: at });
            const rows =
              point.step % EPISODE_EVERY === 0
                ? episodeRows(runId, run!.config.seed, point.step, episodes)
                : [];
            writes.push(() =>
              db.transaction('rw', [db.points, db.runs, db.episodes], async () => {
                await db.points.put({ runId, step: point.step, elapsedMs: at, point });
                if ((await db.runs.update(runId, { step: point.step + 1, elapsedMs: at })) === 0)
                  throw new RunDeleted();
                if (rows.length) await db.episodes.bulkAdd(rows);
              }),
            );
          },
          onEvalEpisodes: (point, episodes) => {
            const rows = evalEpisodeRows(runId, run!.config.seed, point, episodes);
            // They replace any kept from an earlier evaluation at this step and split. Extra to
            // the run, not part of it: a failure to store them (storage full) is reported, and
            // the run goes on.
            writes.push(() =>
              db
                .transaction('rw', db.episodes, async () => {
                  await db.episodes
                    .where('[runId+source+step]')
                    .equals([runId, point.split, point.step])
                    .delete();
                  await db.episodes.bulkAdd(rows);
                })
                .catch((error: unknown) => {
                  const which = point.split === 'test' ? 'the test evaluation' : 'the validation';
                  unstored.push(
                    `${which}'s ${rows.length} answers after ${plural(point.step, 'step')} (${writeFailureCause(error)})`,
                  );
                }),
            );
          },
          onEval: (point) => {
            const record = { step: point.step, split: point.split, bySkill: point.result.bySkill };
            push({ type: 'eval', runId, record });
            writes.push(() => db.evals.add({ runId, ...record }));
          },
          onCheckpoint: async (c) => {
            lastCheckpoint = now();
            await writes.settled();
            await db.transaction('rw', db.checkpoints, async () => {
              await db.checkpoints.put({
                runId,
                step: c.step,
                savedAt: this.env.wallClock(),
                checkpoint: c,
              });
              const old = await db.checkpoints.where('runId').equals(runId).sortBy('step');
              for (const row of old.slice(0, Math.max(0, old.length - KEEP_CHECKPOINTS)))
                await db.checkpoints.delete([runId, row.step]);
            });
            push({ type: 'checkpoint', runId, step: c.step });
          },
          shouldCheckpoint: () => now() - lastCheckpoint >= (this.env.checkpointMs ?? 5000),
          shouldStop: () => control.stop,
          waitIfPaused: async () => {
            await nextTurn();
            if (writes.error) throw writes.error;
            if (!control.paused) return;
            await db.runs.update(runId, { elapsedMs: elapsed() });
            await setStatus('paused');
            const pausedAt = now();
            await untilWoken(control);
            if (control.startedAt !== null) control.startedAt += now() - pausedAt;
            if (!control.stop) await setStatus('running');
          },
          mix: () => {
            // Read as a step begins: a change from here on applies from the next.
            control.stepGoing = true;
            return applyDue(control);
          },
        },
      );
      const last = output.evals.filter((e) => e.split === 'test').at(-1) ?? output.evals.at(-1);
      await db.runs.update(runId, {
        ...finalScores(last?.result.bySkill ?? {}),
        elapsedMs: elapsed(),
        step: output.checkpoint.step,
      });
      await setStatus(
        control.stop ? 'stopped' : 'done',
        output.evals.length === 0 && control.stop
          ? 'Stopped before its first step: nothing was evaluated. Resume goes on from there.'
          : unstoredNote(unstored),
      );
    } catch (error) {
      if (run && error instanceof StoppedInWarmStart) {
        await setStatus('stopped', error.message);
        return (await db.runs.get(runId)) ?? run;
      }
      if (run && (writes.error || isQuotaError(error))) {
        // Not an error of the run: it stays resumable from its last stored checkpoint.
        const message = [
          writeFailureMessage(writes.cause ?? error, going.control?.step ?? 0),
          unstoredNote(unstored),
        ]
          .filter(Boolean)
          .join(' ');
        await setStatus('interrupted', message).catch(() =>
          push({ type: 'status', runId, status: 'interrupted', message }),
        );
        flush();
        return (await db.runs.get(runId).catch(() => undefined)) ?? run;
      }
      // Refused before the run was read (no such run, one this build cannot resume, a bad
      // config): it is as it was, and the page says why.
      if (run) await setStatus('error', errorText(error));
      flush();
      throw error;
    } finally {
      clearInterval(timer);
      this.going = null;
      release();
      flush();
    }
    const summary = await db.runs.get(runId);
    return summary!;
  }

  private async loadForResume(runId: string): Promise<RunRecord> {
    const run = await this.env.db.runs.get(runId);
    if (!run) throw new Error(`No stored run ${runId} to resume.`);
    if (run.status === 'done') throw new Error(`Run ${run.name} is finished; nothing to resume.`);
    const problem = resumeProblem(run, this.env.buildId);
    if (problem) throw new Error(problem);
    return run;
  }
}
