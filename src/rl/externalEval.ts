import { errorText } from '../protocol/errorText';
import { createRng, hashString } from '../core/rng';
import type { SandboxRunner } from '../core/sandbox/types';
import { KIND_LABELS, type TaskKind } from '../core/tasks/types';
import { evaluatePolicy } from '../eval/evaluate';
import { readTaskFile, type TaskFile } from '../eval/taskFile';
import {
  samplingProblem,
  type ExternalEvalProgress,
  type ExternalEvalRequest,
  type ExternalEvalResult,
} from '../protocol/external';
import type { LabDatabase } from '../storage/db';
import { checkpointPolicy } from './checkpointPolicy';

/** Thrown at a progress report once the evaluation was cancelled. */
export class ExternalEvalCancelled extends Error {
  override name = 'ExternalEvalCancelled';
  constructor() {
    super('Cancelled before it was scored.');
  }
}

/** The last file's tasks, kept: evaluating more runs on it does not make them again. */
export interface TaskFileCache {
  key: string;
  read: TaskFile;
}

/** A request's problem in words, or null: checked before any work. */
export function externalRequestProblem(r: ExternalEvalRequest): string | null {
  if (r.runIds.length === 0) return 'Pick at least one run to answer the tasks.';
  return samplingProblem(r);
}

/**
 * Scores runs' latest checkpoints on an external file's tasks, as `lab eval --policy <run>
 * --suite <file> --seed <seed> --samples <k>` does: the same tasks (made with the seed), each
 * answered k times from streams under `createRng(seed).fork('eval')`, graded in the sandbox.
 */
export async function evaluateExternal(
  env: { db: LabDatabase; sandbox: SandboxRunner },
  request: ExternalEvalRequest,
  progress: (p: ExternalEvalProgress) => void,
  cache: { last: TaskFileCache | null },
  cancelled: () => boolean = () => false,
): Promise<ExternalEvalResult> {
  // Cancelling is seen at the next progress report: between checked tasks, or graded answers.
  const onProgress = (p: ExternalEvalProgress): void => {
    if (cancelled()) throw new ExternalEvalCancelled();
    progress(p);
  };
  const problem = externalRequestProblem(request);
  if (problem) throw new Error(problem);
  const { db, sandbox } = env;
  // Every run is checked before the (slow) tasks are made; its checkpoint is read when it answers.
  const runs = [];
  for (const runId of request.runIds) {
    const run = await db.runs.get(runId);
    if (!run) throw new Error(`Run ${runId} is gone (deleted); pick another.`);
    if ((await db.checkpoints.where('runId').equals(runId).count()) === 0)
      throw new Error(`"${run.name}" has no checkpoint to answer with; pick a run that has one.`);
    runs.push(run);
  }
  // Read again at each evaluation (a File is a handle, not its bytes): moved, or changed on
  // disk since it was opened, it says so rather than evaluate something else.
  const text = await request.file.text().catch((e: unknown) => {
    throw new Error(
      `Could not read ${request.fileName} again (${errorText(e)}): was it moved or changed since it was opened? Open it again.`,
    );
  });
  if (text.trim() === '') throw new Error(`${request.fileName} is empty.`);
  const key = [
    request.fileName,
    text.length,
    hashString(text),
    request.seed,
    [...request.kinds].sort().join(','),
  ].join(':');
  if (cache.last?.key !== key) {
    cache.last = null;
    const read = await readTaskFile(
      text,
      request.fileName,
      request.kinds,
      sandbox,
      request.seed,
      (message) => onProgress({ stage: 'tasks', message }),
    );
    cache.last = { key, read };
  }
  const { format, skipped, offered } = cache.last.read;
  // A suite file's split is taken from the tasks made: another split of the same file and kinds
  // needs no making again.
  const split = format === 'suite' ? request.split : undefined;
  const tasks = split
    ? cache.last.read.tasks.filter((t) => t.split === split)
    : cache.last.read.tasks;
  if (tasks.length === 0)
    throw new Error(
      cache.last.read.tasks.length > 0 && split
        ? `${request.fileName} gave no valid tasks of the kinds ticked in its ${split} split: choose another split, or every split.`
        : noTasks(request, skipped, offered),
    );
  const counts: ExternalEvalResult['tasks'] = {};
  for (const t of tasks) counts[t.kind] = (counts[t.kind] ?? 0) + 1;
  const scored: ExternalEvalResult['runs'] = [];
  for (const run of runs) {
    const total = tasks.length * request.samples;
    let done = 0;
    // One run failing (its checkpoint gone meanwhile, a backend error) keeps the others' scores.
    let policy: ReturnType<typeof checkpointPolicy> | null = null;
    let step = 0;
    try {
      onProgress({ stage: 'answers', runId: run.id, done, total });
      const rows = await db.checkpoints.where('runId').equals(run.id).sortBy('step');
      const latest = rows.at(-1);
      if (!latest) throw new Error('its checkpoint is gone (deleted meanwhile)');
      step = latest.checkpoint.step;
      policy = checkpointPolicy(latest.checkpoint);
      const result = await evaluatePolicy(
        policy.policy,
        tasks,
        sandbox,
        createRng(request.seed).fork('eval'),
        {
          samples: request.samples,
          onEpisode: () => onProgress({ stage: 'answers', runId: run.id, done: ++done, total }),
        },
      );
      scored.push({
        runId: run.id,
        name: run.name,
        step,
        bySkill: result.bySkill,
        perTask: result.perTask ?? {},
      });
    } catch (error) {
      // Cancelled: the runs already scored are kept, this one and the rest say so.
      if (error instanceof ExternalEvalCancelled) {
        for (const r of runs.slice(scored.length))
          scored.push({
            runId: r.id,
            name: r.name,
            step: r === run ? step : 0,
            bySkill: {},
            perTask: {},
            error: error.message,
          });
        break;
      }
      scored.push({
        runId: run.id,
        name: run.name,
        step,
        bySkill: {},
        perTask: {},
        error: errorText(error),
      });
    } finally {
      policy?.dispose();
    }
  }
  return {
    fileName: request.fileName,
    format,
    ...(split ? { split } : {}),
    tasks: counts,
    skipped,
    notGiven: notGiven(request.kinds, offered),
    runs: scored,
    samples: request.samples,
    seed: request.seed,
  };
}

/** The kinds ticked that the file gives no task of (none ticked: every kind, so none missed). */
export const notGiven = (ticked: readonly TaskKind[], offered: readonly TaskKind[]): TaskKind[] =>
  ticked.filter((k) => !offered.includes(k));

/** Why a file gave no task to answer, and what to do: tick other kinds, or open another file. */
export function noTasks(
  request: ExternalEvalRequest,
  skipped: readonly string[],
  offered: readonly TaskKind[],
): string {
  const labels = (kinds: readonly TaskKind[]) => kinds.map((k) => KIND_LABELS[k]).join(', ');
  const missed = offered.filter((k) => !request.kinds.includes(k));
  if (request.kinds.length > 0 && missed.length > 0)
    return `${request.fileName} gave no valid tasks of ${labels(request.kinds)}; it gives ${labels(missed)}: tick those.`;
  const why = skipped.length ? ` (${skipped.length} left out; the first: ${skipped[0]})` : '';
  return `${request.fileName} gave no valid tasks${why}: open HumanEvalPack-style records (task_id, prompt, buggy_solution, test…) or a suite file from lab suite export.`;
}

/**
 * The trainer worker's evaluations of external tasks: one at a time, cancellable, the last
 * file's tasks kept for the next.
 */
export class ExternalEvaluations {
  private readonly cache: { last: TaskFileCache | null } = { last: null };
  private cancelAsked = false;
  /** An evaluation is going. */
  going = false;

  constructor(private readonly env: { db: LabDatabase; sandbox: SandboxRunner }) {}

  async run(
    request: ExternalEvalRequest,
    onProgress: (p: ExternalEvalProgress) => void,
  ): Promise<ExternalEvalResult> {
    if (this.going) throw new Error('An evaluation of external tasks is already going.');
    this.going = true;
    this.cancelAsked = false;
    try {
      return await evaluateExternal(
        this.env,
        request,
        onProgress,
        this.cache,
        () => this.cancelAsked,
      );
    } catch (error) {
      if (error instanceof ExternalEvalCancelled)
        throw new Error('Cancelled while making the tasks; nothing was scored.');
      throw error;
    } finally {
      this.going = false;
    }
  }

  /** Stops the evaluation going at its next answer (the runs scored are kept). */
  cancel(): void {
    if (this.going) this.cancelAsked = true;
  }
}
