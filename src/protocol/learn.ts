/**
 * The Learn page's view of the built-in tasks: one bug (a bug-fixing task) and the atomic tasks
 * made from the same bug, as a person plays them. Tasks cross the worker boundary without their
 * gold answers and hidden material (test contents, mutants, review labels): grading stays in the
 * worker. Only the names of the test files that grade a task cross, with whether each is shown.
 */
import type { Answer } from '../core/answers/types';
import type { Verification } from '../core/skills/types';
import type { AnswerSpace, Split, Task, TaskKind } from '../core/tasks/types';
import type { GradingTest } from './episodes';

/** A task as the person playing it sees it: what the policy is shown, nothing hidden. */
export interface PlayTask {
  id: string;
  kind: TaskKind;
  split: Split;
  project: string;
  prompt: Task['prompt'];
  files: Record<string, string>;
  patch?: string;
  focus?: Task['focus'];
  space: AnswerSpace;
  /** The test files that grade it: their names, and whether each is among `files` as it is. */
  graders?: GradingTest[];
}

/** One bug of the list: its bug-fixing task's id, project, split and issue title. */
export interface BugSummary {
  id: string;
  project: string;
  split: Split;
  title: string;
  /**
   * The title as the list shows it: different bugs may share an issue title (two mutations of
   * one function), so a shared title is followed by the call the issue shows.
   */
  listTitle: string;
  /** The file the bug is in is not named here: finding it is the first skill. */
  skills: number;
}

/**
 * A bug decomposed: the composite tasks (bug fixing: localization then editing; test-driven
 * fixing: reproduction then editing) and the atomic tasks made from the same bug.
 */
export interface BugTasks {
  bug: BugSummary;
  bugfix: PlayTask;
  localization: PlayTask;
  editing: PlayTask;
  reproduction: PlayTask | null;
  tddFix: PlayTask | null;
  /** Candidate patches for this bug to review (the gold fix and a flawed one, in a fixed order). */
  review: PlayTask[];
  /** Unit-test generation for the function the bug is in (its correct code), when there is one. */
  testgen: PlayTask | null;
}

export interface BugCatalog {
  /** Which suite the bugs come from, in words (e.g. "the quick suite, seed 1: 1,234 tasks"). */
  source: string;
  bugs: BugSummary[];
}

export interface CatalogProgress {
  stage: string;
  done: number;
  total: number;
}

/** A graded answer: the verifier's verdict on exactly the answer sent. */
export interface PlayVerdict extends Verification {
  taskId: string;
  answer: Answer;
}
