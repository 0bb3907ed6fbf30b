import { applyEdits } from '../answers/apply';
import {
  GENERATED_TEST_FILE,
  PROBE_TEST_FILE,
  readOutcomes,
  renderProbe,
  renderTests,
  type Outcome,
} from '../answers/testSource';
import type { Edit, TestCase } from '../answers/types';
import type { SandboxResult, SandboxRunner } from '../sandbox/types';
import type { Task } from '../tasks/types';

/**
 * Work budget of every run that grades an answer or builds a task, in interrupt checks: the
 * verdict that code is "too slow" must not depend on the machine or its load, or rewards and
 * the suite built from the corpus change with them. The corpus's reference tests take at most
 * 13 checks and the slowest valid run seen in a built suite 428; loop code ran 3,000-5,000
 * checks a second on this 2-core machine (an empty loop ~40,000), so an endless loop ends
 * within about 0.6 s.
 */
export const GRADE_STEP_BUDGET = 2000;
/**
 * Wall-clock backstop per run, for work that takes time without taking checks: checks come
 * from bytecode, so a loop whose every turn spends long in built-ins (growing an array and
 * searching it) takes few. The slowest valid run seen takes ~0.55 s here, so the clock decides
 * a valid run's verdict only on a machine about 3.5 times slower (or as loaded).
 */
export const GRADE_DEADLINE_MS = 2000;
/** The limits of a grading or task-building run. */
export const GRADE_LIMITS = { deadlineMs: GRADE_DEADLINE_MS, stepBudget: GRADE_STEP_BUDGET };

export const isTestPath = (p: string): boolean => p.endsWith('.test.js');

/** The repository with the hidden tests laid over it (agents cannot weaken hidden tests). */
export function withHiddenTests(
  task: Task,
  files: Readonly<Record<string, string>>,
): Record<string, string> {
  return { ...files, ...task.hidden.tests };
}

/** Runs the hidden tests on a version of the repository. */
export function runHidden(
  sandbox: SandboxRunner,
  task: Task,
  files: Readonly<Record<string, string>>,
): Promise<SandboxResult> {
  return sandbox.run({
    files: withHiddenTests(task, files),
    testFiles: Object.keys(task.hidden.tests).sort(),
    ...GRADE_LIMITS,
  });
}

/** Applies edits, turning an EditError into a message. */
export function tryApply(
  files: Readonly<Record<string, string>>,
  edits: readonly Edit[],
): { files: Record<string, string> } | { error: string } {
  try {
    return { files: applyEdits(files, edits) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Records what each case returns on a version of the code (for cases without EXPECT). */
export async function probeCases(
  sandbox: SandboxRunner,
  files: Readonly<Record<string, string>>,
  cases: readonly TestCase[],
): Promise<{ outcomes: (Outcome | null)[]; result: SandboxResult }> {
  const result = await sandbox.run({
    files: { ...files, [PROBE_TEST_FILE]: renderProbe(cases) },
    testFiles: [PROBE_TEST_FILE],
    ...GRADE_LIMITS,
  });
  return { outcomes: readOutcomes(result.records, cases.length), result };
}

/** Runs an answer's test cases (as one generated test file) on a version of the code. */
export function runCases(
  sandbox: SandboxRunner,
  files: Readonly<Record<string, string>>,
  cases: readonly TestCase[],
  recorded: readonly (Outcome | null)[] = [],
): Promise<SandboxResult> {
  return sandbox.run({
    files: { ...files, [GENERATED_TEST_FILE]: renderTests(cases, recorded) },
    testFiles: [GENERATED_TEST_FILE],
    ...GRADE_LIMITS,
  });
}

export const passCount = (r: SandboxResult): number =>
  r.tests.filter((t) => t.status === 'pass').length;

export function summary(r: SandboxResult): string {
  if (r.verdict === 'error')
    return `the run broke (${r.label ?? 'error'}: ${r.message ?? 'no message'})`;
  return `${passCount(r)} of ${r.tests.length} tests passed`;
}
