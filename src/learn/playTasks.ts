import type { Answer } from '../core/answers/types';
import { renderAnswer } from '../core/answers/text';
import { verifyAnswer } from '../core/skills/verify';
import type { Split, Task } from '../core/tasks/types';
import {
  answerCoverage,
  NoTaskAnswered,
  readModelAnswers,
  scoreModelAnswers,
} from '../eval/modelAnswers';
import { promptsFile } from '../eval/modelPrompt';
import type {
  ModelPromptsFile,
  ModelScoreProgress,
  ModelScoreRequest,
  ModelScoreResult,
} from '../protocol/models';
import type { BugCatalog, BugTasks, CatalogProgress, PlayVerdict } from '../protocol/learn';
import { storedSuiteTasks, type SuiteStore } from '../rl/storedSuite';
import { QUICK_PROJECTS, type SuiteSpec } from '../rl/suiteSource';
import { bugCatalog, decomposeBug } from './decompose';
import { learnerVerdict } from './verdict';
import { plural } from '../protocol/plural';

/** The suite the Learn page's bugs come from: the quick one a first training run uses too. */
export const PLAY_SUITE: SuiteSpec = { projects: 'quick', seed: 1 };

/**
 * The Learn page's tasks, in the trainer worker: read from the suite cache (or built and
 * cached, as a run would), listed by bug, and graded by the same verifiers in the same sandbox
 * as the policy's answers. Gold answers and hidden material never leave the worker unless a
 * person asks for a task's gold answer.
 */
export class PlayTasks {
  private loaded: Task[] | null = null;

  constructor(
    private readonly env: SuiteStore,
    private readonly suite: SuiteSpec = PLAY_SUITE,
  ) {}

  /**
   * The suite's tasks, whole: read or built once, then kept. Each caller hears the progress of
   * the one read or build going on (storedSuiteTasks joins them); a failure is not kept.
   */
  async tasks(onProgress?: (p: CatalogProgress) => void): Promise<Task[]> {
    if (this.loaded) return this.loaded;
    const tasks = await storedSuiteTasks(this.env, this.suite, (stage, done, total) =>
      onProgress?.({ stage, done, total }),
    );
    this.loaded ??= tasks;
    return this.loaded;
  }

  /** Every playable bug, building the suite first when it is not cached (about a minute). */
  async catalog(onProgress?: (p: CatalogProgress) => void): Promise<BugCatalog> {
    const tasks = await this.tasks(onProgress);
    const bugs = bugCatalog(tasks);
    return {
      source: `${this.name()}: ${tasks.length} tasks, ${bugs.length} bugs with a bug-fixing task`,
      bugs,
    };
  }

  /** The suite in words: "the quick suite (8 projects), seed 1". */
  name(): string {
    const projects =
      this.suite.projects === 'quick'
        ? `the quick suite (${QUICK_PROJECTS.length} projects)`
        : 'the whole corpus';
    return `${projects}, seed ${this.suite.seed}`;
  }

  /** The tasks of one split as prompts for a language model (`lab prompts`), as a file. */
  async prompts(
    split: Split,
    onProgress?: (p: CatalogProgress) => void,
  ): Promise<ModelPromptsFile> {
    const tasks = (await this.tasks(onProgress)).filter((t) => t.split === split);
    const { projects, seed } = this.suite;
    return {
      fileName: `prompts-${projects}-seed${seed}-${split}.jsonl`,
      text: promptsFile(tasks),
      tasks: tasks.length,
    };
  }

  /**
   * A model's answers (JSONL: task id and text a line) graded on the suite's tasks, as
   * `lab eval --answers` does. A file with unreadable lines is refused, naming the first.
   */
  async scoreModel(
    request: ModelScoreRequest,
    onProgress: (p: ModelScoreProgress) => void,
  ): Promise<ModelScoreResult> {
    const { answers, errors } = readModelAnswers(request.text, request.fileName);
    const e = errors[0];
    if (e)
      throw new Error(
        `${plural(errors.length, 'unreadable line')}, e.g. line ${e.line}: ${e.field === '(line)' ? '' : `${e.field}: `}${e.message}; nothing was scored.`,
      );
    if (answers.length === 0)
      throw new Error(
        `it holds no answers: one JSON line an answer, {"task": <id>, "answer": <text>}.`,
      );
    const tasks = await this.tasks((p) => onProgress(p));
    const score = await scoreModelAnswers(tasks, answers, this.env.sandbox, (done, total) =>
      onProgress({ stage: 'grading answers', done, total }),
    ).catch((error: unknown) => {
      if (!(error instanceof NoTaskAnswered)) throw error;
      throw new Error(
        `${error.message}. Answer the prompts this page downloads (${this.name()}), keeping each line's task id.`,
      );
    });
    return {
      ...score,
      fileName: request.fileName,
      suite: this.name(),
      coverage: answerCoverage(tasks, score.perTask),
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

  /**
   * Grades a person's answer in full (every sandbox run, as an evaluation does); the verdict
   * says why without giving away the gold answer or hidden material (learnerVerdict).
   */
  async grade(taskId: string, answer: Answer): Promise<PlayVerdict> {
    const task = await this.task(taskId);
    const verdict = learnerVerdict(
      task,
      answer,
      await verifyAnswer(task, answer, this.env.sandbox),
    );
    return { ...verdict, taskId, answer };
  }

  /** A task's gold answer, as text in the answer language. */
  async gold(taskId: string): Promise<string> {
    return renderAnswer((await this.task(taskId)).gold);
  }
}
