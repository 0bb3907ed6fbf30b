/**
 * Running a snapshot's test files in one session: evaluate each file, collect what it
 * declares, run its tests one at a time and record each result as soon as it is known.
 */
import { hostFailure, isFatal, type Failure } from './outcome';
import type { Session } from './session';
import type { TestResult } from './types';

/** Called with each test's result as soon as it is known. */
export type TestListener = (test: TestResult) => void;

/** What a run has produced so far. */
export interface RunState {
  tests: TestResult[];
  fatal: Failure | null;
  fileErrors: Failure[];
  onTest: TestListener | undefined;
  /** Interrupt checks the run took (see SandboxRunRequest.stepBudget). */
  checks: number;
}

/** Characters kept of a test's name and of its failure message (test code chooses both). */
export const MAX_NAME_CHARS = 500;
export const MAX_MESSAGE_CHARS = 4_000;

const cut = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max)}... (${text.length - max} more chars)` : text;

function addTest(state: RunState, whole: TestResult): void {
  // Kept with the episode that graded it: a name or message of megabytes is cut to size.
  const test = { ...whole, name: cut(whole.name, MAX_NAME_CHARS) };
  if (test.message !== undefined) test.message = cut(test.message, MAX_MESSAGE_CHARS);
  state.tests.push(test);
  state.onTest?.(test);
}

function failTest(file: string, name: string, failure: Failure, ms: number): TestResult {
  const test: TestResult = {
    file,
    name,
    status: 'fail',
    label: failure.label,
    message: failure.message,
    ms,
  };
  if (failure.at !== undefined) test.at = failure.at;
  return test;
}

const DEADLINE: Failure = { label: 'timeout', message: 'deadline exceeded' };
const OVER_BUDGET: Failure = { label: 'timeout', message: 'step budget exceeded' };

/** Why a run stopped at its limit: out of steps, or out of time. */
const stopped = (session: Session): Failure =>
  session.checks().overBudget ? OVER_BUDGET : DEADLINE;
const STALLED: Failure = {
  label: 'timeout',
  message: 'test never finished: it awaits a promise that nothing can settle',
};

interface Collected {
  names: string[];
  topLevelAsserts: number;
  topLevelFailures: string[];
}

/** Evaluates one test file and collects what it declares; null when it could not load. */
function loadFile(session: Session, file: string, state: RunState): Collected | null {
  // Stopped here, the runner would still hold the previous file's tests.
  const begun = session.callRunner('beginFile');
  if (begun.kind !== 'fulfilled') {
    state.fatal = begun.kind === 'rejected' ? begun.failure : stopped(session);
    return null;
  }
  const loaded = session.evalModule(file);
  if (loaded.kind === 'deadline') state.fatal = stopped(session);
  else if (loaded.kind === 'stalled')
    state.fileErrors.push({ ...STALLED, message: `${file}: top-level await never settles` });
  else if (loaded.kind === 'rejected') {
    if (isFatal(loaded.failure.label)) state.fatal = loaded.failure;
    else state.fileErrors.push(loaded.failure);
  }
  if (loaded.kind !== 'fulfilled') return null;
  const collected = session.callRunner('collect');
  if (collected.kind !== 'fulfilled') {
    state.fatal = collected.kind === 'rejected' ? collected.failure : stopped(session);
    return null;
  }
  return JSON.parse(String(collected.value)) as Collected;
}

function addTopLevel(file: string, collected: Collected, state: RunState): void {
  if (collected.topLevelAsserts === 0 && collected.topLevelFailures.length === 0) return;
  const name = '(top level)';
  const [first] = collected.topLevelFailures;
  if (first === undefined) addTest(state, { file, name, status: 'pass', ms: 0 });
  else addTest(state, failTest(file, name, { label: 'assertion', message: first }, 0));
}

function runFile(session: Session, file: string, state: RunState, now: () => number): void {
  if (!Object.prototype.hasOwnProperty.call(session.files, file)) {
    state.fileErrors.push({ label: 'runtime', message: `test file not found: ${file}` });
    return;
  }
  const collected = loadFile(session, file, state);
  if (collected === null) return;
  addTopLevel(file, collected, state);
  for (const [index, name] of collected.names.entries()) {
    const started = now();
    const outcome = session.runTest(index);
    const ms = now() - started;
    if (outcome.kind === 'fulfilled') {
      const test = JSON.parse(String(outcome.value)) as Omit<TestResult, 'file' | 'ms'>;
      addTest(state, { ...test, file, ms });
      if (test.label !== undefined && isFatal(test.label)) {
        const message = `${cut(test.name, MAX_NAME_CHARS)}: ${test.message ?? ''}`;
        state.fatal = { label: test.label, message: cut(message, MAX_MESSAGE_CHARS) };
      }
    } else if (outcome.kind === 'stalled') addTest(state, failTest(file, name, STALLED, ms));
    else {
      const failure = outcome.kind === 'deadline' ? stopped(session) : outcome.failure;
      addTest(state, failTest(file, name, failure, ms));
      state.fatal = failure;
    }
    if (state.fatal) return;
  }
}

/**
 * Runs every test file in a fresh session from `open`. Returns false when the wasm instance
 * must be thrown away (an engine failure, a failed dispose, or memory exhaustion).
 */
export function runSession(
  open: () => Session,
  testFiles: readonly string[],
  state: RunState,
  now: () => number,
): boolean {
  let session: Session | null = null;
  let healthy = true;
  try {
    session = open();
    for (const file of testFiles) {
      runFile(session, file, state, now);
      if (state.fatal) break;
    }
  } catch (error) {
    state.fatal = hostFailure(error);
    healthy = false;
  }
  if (session) {
    const { taken, overBudget } = session.checks();
    state.checks = taken;
    // The interrupt fires once per check: code that ran on after it must not make a pass.
    if (overBudget && !state.fatal) state.fatal = OVER_BUDGET;
    if (!session.dispose()) healthy = false;
  }
  return healthy && state.fatal?.label !== 'memory';
}
