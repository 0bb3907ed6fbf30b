/** What a run's policy saw of a task, rebuilt for the trace viewer (not stored with episodes). */
import type { Task } from '../core/tasks/types';
import { encodeTask, SEGMENTS } from '../policy/encode/observation';
import { vocabularyFromWords } from '../policy/encode/vocab';
import { gradingTests, type ObservationView, type TaskFilesView } from '../protocol/episodes';
import type { LabDatabase, RunRecord } from '../storage/db';
import { loadSuiteTask } from '../storage/suites';
import { nodeSuiteOf, QUICK_PROJECTS, suiteKey } from './suiteSource';

/** Segment names by number (the observation's segment ids). */
const SEGMENT_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(SEGMENTS).map(([name, id]) => [id, name]),
);

/**
 * Why a run's tasks cannot be read when its suite is not in this browser: an imported run brings
 * none, and Storage can clear them. Said with the suite to build and where it gets built.
 */
export function notBuilt(run: Pick<RunRecord, 'suite'>): string {
  const { projects, seed } = run.suite;
  const which =
    projects === 'quick'
      ? `the quick suite (${QUICK_PROJECTS.length} projects), seed ${seed}`
      : `the whole corpus, seed ${seed}`;
  const learn = projects === 'quick' && seed === 1 ? '; the Learn page builds it too' : '';
  return `This run's tasks (${which}) are not built in this browser: an imported run brings none, and Storage can clear them. Starting any run on the same tasks and seed builds them${learn}; then they show here.`;
}

/**
 * Rebuilds an observation from the run's cached task (only when this build's task and
 * observation code is the run's, the build id in its suite key, so it is exactly what the policy
 * saw) and its latest checkpoint's vocabulary. Reads only the stored part of the suite that
 * holds the task, and keeps the last part it read.
 */
export class ObservationReader {
  private readonly parts = new Map<string, Task[]>();

  constructor(private readonly env: () => { db: LabDatabase; buildId: string }) {}

  /** The run's task as this build made it, or why it cannot be read. */
  private async task(
    runId: string,
    taskId: string,
  ): Promise<{ ok: true; task: Task; run: RunRecord } | { ok: false; reason: string }> {
    const { db, buildId } = this.env();
    const run = await db.runs.get(runId);
    if (!run) return { ok: false, reason: 'The run is gone (deleted).' };
    // A run trained in Node (`lab bundle`) on a suite file, or before runs recorded their build.
    const node = nodeSuiteOf(run.suiteKey);
    if (node)
      return {
        ok: false,
        reason: `This run was trained in Node on ${node.file ? `the suite file ${node.file}` : 'tasks whose build it did not record'}, so the app cannot rebuild its tasks.`,
      };
    const key = suiteKey(run.suite, buildId);
    if (key !== run.suiteKey)
      return {
        ok: false,
        reason:
          "Another version of the app built this run's tasks or laid them out for the policy differently, so this one cannot rebuild them exactly.",
      };
    const task = await loadSuiteTask(db, key, taskId, this.parts);
    if (task === null) return { ok: false, reason: notBuilt(run) };
    if (!task) return { ok: false, reason: `Task ${taskId} is not among this run's tasks.` };
    return { ok: true, task, run };
  }

  /**
   * The task's files as the policy was given them, and which test files grade it (their names,
   * and whether each is among the files shown; the gold answer stays out).
   */
  async files(runId: string, taskId: string): Promise<TaskFilesView> {
    const read = await this.task(runId, taskId);
    if (!read.ok) return read;
    const { files, focus, hidden } = read.task;
    return {
      ok: true,
      files,
      ...(focus ? { focus } : {}),
      graders: gradingTests(files, hidden.tests),
    };
  }

  async read(runId: string, taskId: string): Promise<ObservationView> {
    const read = await this.task(runId, taskId);
    if (!read.ok) return read;
    const { task, run } = read;
    const { db } = this.env();
    const latest = (await db.checkpoints.where('runId').equals(runId).sortBy('step')).at(-1);
    if (!latest)
      return { ok: false, reason: 'The run has no checkpoint, so no vocabulary to read it with.' };
    const vocab = vocabularyFromWords(latest.checkpoint.vocabulary);
    const encoded = encodeTask(task, vocab, run.config.model.maxObsLen);
    return {
      ok: true,
      tokens: encoded.texts.map((text, i) => ({
        text,
        word: vocab.words[encoded.tokens[i] ?? -1] ?? '?',
        segment: SEGMENT_NAMES[encoded.segments[i] ?? -1] ?? '?',
      })),
    };
  }
}
