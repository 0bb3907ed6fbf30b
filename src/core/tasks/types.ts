import type { Answer, Verdict } from '../answers/types';

/** The paper's five atomic skills. */
export const ATOMIC_SKILLS = [
  'localization',
  'editing',
  'testgen',
  'reproduction',
  'review',
] as const;
export type AtomicSkill = (typeof ATOMIC_SKILLS)[number];

/** Composite tasks: held out from training unless a run asks for a composite-only baseline. */
export const COMPOSITE_KINDS = [
  'bugfix',
  'bugfix-multi',
  'tdd-fix',
  'refactor',
  'security-fix',
] as const;
export type CompositeKind = (typeof COMPOSITE_KINDS)[number];

export type TaskKind = AtomicSkill | CompositeKind;
export const TASK_KINDS: readonly TaskKind[] = [...ATOMIC_SKILLS, ...COMPOSITE_KINDS];

export const SPLITS = ['train', 'val', 'test'] as const;
export type Split = (typeof SPLITS)[number];

/** A split's name in the app's words. */
export const SPLIT_LABELS: Record<Split, string> = {
  train: 'training',
  val: 'validation',
  test: 'test',
};

export const isAtomicSkill = (k: string): k is AtomicSkill =>
  (ATOMIC_SKILLS as readonly string[]).includes(k);
export const isTaskKind = (k: string): k is TaskKind =>
  (TASK_KINDS as readonly string[]).includes(k);

/** Human names for tables and charts. */
export const KIND_LABELS: Record<TaskKind, string> = {
  localization: 'code localization',
  editing: 'code editing',
  testgen: 'unit-test generation',
  reproduction: 'issue reproduction',
  review: 'code review',
  bugfix: 'bug fixing',
  'bugfix-multi': 'multi-file bug fixing',
  'tdd-fix': 'test-driven fixing',
  refactor: 'refactoring',
  'security-fix': 'security fixing',
};

/** An exported function a test may call: the answer space of test-writing skills. */
export interface CallableFn {
  module: string;
  fn: string;
  arity: number;
}

/**
 * The set of valid answers, which a policy's decoder is constrained to. Every field lists
 * choices; an answer is valid when each of its parts comes from here.
 */
export interface AnswerSpace {
  /** Files that may be named (localization) or edited (editing-like skills). */
  files: string[];
  /** Literal values that may be copied into tests or edits (from the issue, docs and code). */
  literals: string[];
  /** Functions a generated test may call. */
  functions: CallableFn[];
  /** Most test cases one answer may hold. */
  maxCases: number;
  /** Whether test cases must state EXPECT (reproduction) or may leave it to the oracle. */
  expectRequired: boolean;
  /** Most edits one answer may hold. */
  maxEdits: number;
  /** Texts an EDIT may put in place of a token (edit vocabulary plus tokens copied from the code). */
  replacements: string[];
  /** Whole lines an INSERT may add (given by the task, e.g. a constant to extract). */
  insertLines: string[];
}

/** A structural property a refactoring must leave in place, checked on the final files. */
export type StructuralCheck =
  | { type: 'renamed'; from: string; to: string; module: string }
  | { type: 'constant'; name: string; value: string; module: string; fn: string };

/** Hidden material the verifier uses; never shown to the agent. */
export interface HiddenMaterial {
  /** Test files added to (or replacing) the repository when grading. */
  tests: Record<string, string>;
  /** The gold-fixed versions of the changed files (reproduction, review, composites). */
  fixedFiles?: Record<string, string>;
  /** Unit-test generation: mutated versions of the target module, each caught by the reference tests. */
  mutants?: { id: string; file: string; content: string; description: string }[];
  /** Code review: whether the candidate patch makes every hidden test pass (by execution). */
  label?: Verdict;
  structural?: StructuralCheck;
}

/** Everything about one task, whole: it can be exported, shared and imported as one JSON line. */
export interface Task {
  id: string;
  kind: TaskKind;
  split: Split;
  project: string;
  origin: 'builtin' | 'humanevalpack' | 'import';
  /** Title and text the agent reads: an issue, an instruction or a specification. */
  prompt: { title: string; body: string };
  /** The repository as the agent sees it. */
  files: Record<string, string>;
  /** Code review: the candidate patch (unified diff). */
  patch?: string;
  /** The place the task is about (editing, unit-test generation). */
  focus?: { file: string; fn?: string; startLine?: number; endLine?: number };
  gold: Answer;
  hidden: HiddenMaterial;
  space: AnswerSpace;
  /** Facts about how the task was made (mutation ids, operator, candidate type...). */
  meta: Record<string, string | number | boolean | string[]>;
}
