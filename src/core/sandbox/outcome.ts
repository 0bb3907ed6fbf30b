/**
 * Turning what happened in a run into labels and a verdict (see types.ts for the rules).
 */
import type { SandboxLabel, SandboxResult, TestResult } from './types';

/** A failure of a test, a file or the whole run. */
export interface Failure {
  label: SandboxLabel;
  message: string;
  /** `file:line:col` of the first frame in repository code, when known. */
  at?: string;
}

/**
 * Label for an error thrown inside QuickJS, from its name and message. Mirrors `classify` in
 * the prelude, which labels the errors a test's own code throws.
 */
export function classifyError(name: string, message: string): SandboxLabel {
  if (name === 'AssertionError') return 'assertion';
  if (/out of memory/i.test(message)) return 'memory';
  if (/call stack|stack overflow/i.test(message)) return 'stack';
  if (name === 'SyntaxError') return 'syntax';
  if (name === 'InternalError' && message === 'interrupted') return 'timeout';
  return 'runtime';
}

/** Labels that end the whole run: nothing after them can be trusted to run in time or space. */
export function isFatal(label: SandboxLabel): boolean {
  return label === 'timeout' || label === 'memory';
}

/**
 * A failure of the host side (an exception out of the wasm module itself, not a JS error
 * inside it). The wasm instance must be thrown away after one of these.
 */
export function hostFailure(error: unknown): Failure {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (/call stack/i.test(text)) return { label: 'stack', message: `host stack overflow (${text})` };
  if (/memory|OOM|enlarge/i.test(text))
    return { label: 'memory', message: `out of memory (${text})` };
  return { label: 'runtime', message: `sandbox engine failure (${text})` };
}

function dominantLabel(failed: readonly TestResult[]): SandboxLabel | undefined {
  const counts = new Map<SandboxLabel, number>();
  for (const test of failed) {
    if (test.label) counts.set(test.label, (counts.get(test.label) ?? 0) + 1);
  }
  let best: SandboxLabel | undefined;
  let bestCount = 0;
  for (const [label, count] of counts) {
    if (count > bestCount) [best, bestCount] = [label, count];
  }
  return best;
}

/** What a run produced before its verdict. */
export interface RunFacts {
  tests: TestResult[];
  console: string[];
  records: Record<string, unknown>;
  /** A failure that stopped the run (deadline, memory, engine failure). */
  fatal: Failure | null;
  /** Test files that could not be evaluated (syntax error, error at import, missing file). */
  fileErrors: Failure[];
  testFiles: readonly string[];
  ms: number;
  checks: number;
}

function verdictOf(facts: RunFacts): Pick<SandboxResult, 'verdict' | 'label' | 'message'> {
  const firstError = facts.fatal ?? facts.fileErrors[0];
  if (firstError) return { verdict: 'error', label: firstError.label, message: firstError.message };
  if (facts.tests.length === 0) {
    const where = facts.testFiles.length > 0 ? facts.testFiles.join(', ') : 'no test files';
    return { verdict: 'error', label: 'runtime', message: `no tests ran (${where})` };
  }
  const failed = facts.tests.filter((test) => test.status === 'fail');
  if (failed.length === 0) return { verdict: 'pass' };
  const message = `${failed.length} of ${facts.tests.length} tests failed`;
  return { verdict: 'fail', label: dominantLabel(failed), message };
}

/** The final result, applying the verdict rules of {@link SandboxResult}. */
export function summarize(facts: RunFacts): SandboxResult {
  const verdict = verdictOf(facts);
  const result: SandboxResult = {
    verdict: verdict.verdict,
    tests: facts.tests,
    console: facts.console,
    records: facts.records,
    ms: facts.ms,
    checks: facts.checks,
  };
  if (verdict.label !== undefined) result.label = verdict.label;
  if (verdict.message !== undefined) result.message = verdict.message;
  return result;
}
