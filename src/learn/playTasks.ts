import type { Answer } from '../core/answers/types';
import { renderAnswer } from '../core/answers/text';
import { verifyAnswer } from '../core/skills/verify';
import type { Task } from '../core/tasks/types';
import type { BugCatalog, BugTasks, CatalogProgress, PlayVerdict } from '../protocol/learn';
import { storedSuiteTasks, type SuiteStore } from '../rl/storedSuite';
import { QUICK_PROJECTS, type SuiteSpec } from '../rl/suiteSource';
import { bugCatalog, decomposeBug } from './decompose';

/** The suite the Learn page's bugs come from: the quick one a first training run uses too. */
export const PLAY_SUITE: SuiteSpec = { projects: 'quick', seed: 1 };

/**
 * The Learn page's tasks, in the trainer worker: read from the suite cache (or built and
 * cached, as a run would), listed by bug, and graded by the same verifiers in the same sandbox
 * as the policy's answers. Gold answers and hidden material never leave the worker unless a
 * person asks for a task's gold answer.
 */
export class PlayTasks {
  private loading: Promise<Task[]> | null = null;

  constructor(
    private readonly env: SuiteStore,
    private readonly suite: SuiteSpec = PLAY_SUITE,
  ) {}

  private tasks(onProgress?: (p: CatalogProgress) => void): Promise<Task[]> {
    this.loading ??= storedSuiteTasks(this.env, this.suite, (stage, done, total) =>
      onProgress?.({ stage, done, total }),
    ).catch((error: unknown) => {
      // A failed read or build is not kept: the next call tries again.
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  /** Every playable bug, building the suite first when it is not cached (about a minute). */
  async catalog(onProgress?: (p: CatalogProgress) => void): Promise<BugCatalog> {
    const tasks = await this.tasks(onProgress);
    const bugs = bugCatalog(tasks);
    const projects =
      this.suite.projects === 'quick'
        ? `the quick suite (${QUICK_PROJECTS.length} projects)`
        : 'the whole corpus';
    return {
      source: `${projects}, seed ${this.suite.seed}: ${tasks.length} tasks, ${bugs.length} bugs with a bug-fixing task`,
      bugs,
    };
  }

  /** One bug and the tasks made from it; a clear error when the id names no bug. */
  async bug(bugId: string): Promise<BugTasks> {
    const found = decomposeBug(await this.tasks(), bugId);
    if (!found)
      throw new Error(
        `No bug-fixing task "${bugId}" in ${this.suite.projects} suite seed ${this.suite.seed}: pick a bug from the list.`,
      );
    return found;
  }

  private async task(taskId: string): Promise<Task> {
    const task = (await this.tasks()).find((t) => t.id === taskId);
    if (!task) throw new Error(`No task "${taskId}" in the Learn page's suite: reload the bug.`);
    return task;
  }

  /** Grades a person's answer in full (every sandbox run, as an evaluation does). */
  async grade(taskId: string, answer: Answer): Promise<PlayVerdict> {
    const task = await this.task(taskId);
    const verdict = await verifyAnswer(task, answer, this.env.sandbox);
    return { ...verdict, taskId, answer };
  }

  /** A task's gold answer, as text in the answer language. */
  async gold(taskId: string): Promise<string> {
    return renderAnswer((await this.task(taskId)).gold);
  }
}
