import type { SandboxLabel, SandboxResult, TestResult } from '../sandbox/types';

/** One sandbox run made while grading, kept for the trace viewer. */
export interface GradingRun {
  /** What was run, in words (e.g. "hidden tests on the patched code"). */
  purpose: string;
  verdict: SandboxResult['verdict'];
  label?: SandboxLabel;
  message?: string;
  tests: TestResult[];
  console: string[];
  ms: number;
  /** Whether this run came out the way the reward needed. */
  asRequired: boolean;
}

/** The verdict on one answer: the paper's binary reward and the facts that decided it. */
export interface Verification {
  reward: 0 | 1;
  /** False when the answer was malformed or outside the task's answer space. */
  valid: boolean;
  /** Plain sentences explaining the reward, in order. */
  facts: string[];
  runs: GradingRun[];
  /** Secondary metrics (e.g. mutation score, localization overlap), each in [0, 1]. */
  secondary: Record<string, number>;
  /** The answer as the sandbox ran it, for the trace viewer (absent when nothing ran). */
  rendering?: AnswerRendering;
}

/**
 * How much of an answer to run. `untilDecided` stops at the first run that settles the reward
 * (training needs only the reward): unit-test generation's mutants stop at the first survivor
 * or are not run when the tests fail on the correct code, and a reproduction that passes on the
 * buggy code is not run on the fixed code. The reward is the same as full grading's; the facts
 * say what was not run, and secondary metrics that need the skipped runs are left out.
 */
export interface GradeOptions {
  untilDecided?: boolean;
}

/** An answer's rendering: its edits as a unified diff, its test cases as the test file. */
export interface AnswerRendering {
  /** The edits applied to the task's files, as a git-style unified diff. */
  patch?: string;
  /** The test file the answer's cases became (expected values recorded from the correct code). */
  tests?: string;
}

export const invalid = (reason: string): Verification => ({
  reward: 0,
  valid: false,
  facts: [`The answer is not valid for this task: ${reason}`],
  runs: [],
  secondary: {},
});

export function toRun(purpose: string, result: SandboxResult, asRequired: boolean): GradingRun {
  return {
    purpose,
    verdict: result.verdict,
    ...(result.label ? { label: result.label } : {}),
    ...(result.message ? { message: result.message } : {}),
    tests: result.tests,
    console: result.console,
    ms: result.ms,
    asRequired,
  };
}
