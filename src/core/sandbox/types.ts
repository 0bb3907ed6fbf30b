/**
 * The sandbox contract: plain data in, plain data out. Every runner (in-process engine,
 * Node worker_threads pool, browser Web Worker pool) implements {@link SandboxRunner}.
 */

/** Why a test or a whole run did not pass. */
export type SandboxLabel = 'timeout' | 'memory' | 'stack' | 'syntax' | 'runtime' | 'assertion';

/** Files of a repository snapshot: POSIX-style relative paths (e.g. `src/lru.js`) to contents. */
export type SandboxFiles = Readonly<Record<string, string>>;

export interface SandboxRunRequest {
  /** Every file of the snapshot; modules are resolved from here only. */
  files: SandboxFiles;
  /** Test files to run, in order. Default: every path ending in `.test.js`, sorted. */
  testFiles?: readonly string[];
  /** Wall-clock budget for the whole run in ms (default 1000). */
  deadlineMs?: number;
  /**
   * Work budget for the whole run, in interrupt checks (QuickJS checks once per ~10,000
   * branches and calls of bytecode): past it the run ends in `timeout` ("step budget
   * exceeded") whatever the machine's speed or load, so a verdict that must be reproducible
   * (building a suite, grading) does not depend on the clock. Default: none. A long deadline
   * beside it still bounds real time.
   */
  stepBudget?: number;
  /** Cap on the interpreter's WebAssembly memory in MiB (default 64). */
  memoryMb?: number;
}

export interface TestResult {
  /** The test file the test was declared in. */
  file: string;
  /** Full name: enclosing `describe` names and the test name joined by ' > '. */
  name: string;
  status: 'pass' | 'fail';
  label?: SandboxLabel;
  message?: string;
  /** Where the failure was raised: `file:line:col` of the first frame in repository code. */
  at?: string;
  ms: number;
}

export interface SandboxResult {
  /**
   * `pass`: at least one test ran and all passed. `fail`: tests ran and at least one failed.
   * `error`: the run itself broke (syntax error, error at import, deadline, memory...) or no test ran.
   */
  verdict: 'pass' | 'fail' | 'error';
  /** Set when verdict is `error` (or a failure had one dominant label). */
  label?: SandboxLabel;
  message?: string;
  tests: TestResult[];
  /** Console output, bounded (lines are truncated and the list is capped). */
  console: string[];
  /** Values recorded by test code through the global `__record(key, value)` (JSON-cloned). */
  records: Record<string, unknown>;
  ms: number;
  /** Interrupt checks the run took (the unit of `stepBudget`); absent when its worker was cut off. */
  checks?: number;
}

export interface SandboxRunner {
  run(request: SandboxRunRequest): Promise<SandboxResult>;
  dispose(): Promise<void>;
}
