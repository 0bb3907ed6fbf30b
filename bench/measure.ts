/**
 * The sandbox benchmark's workload and measuring loops, shared by Node (bench/sandbox.ts) and
 * headless Chromium (bench/browser/main.ts): plain TypeScript, no Node or DOM API, so both run
 * the very same episode and adversarial cases through whatever {@link SandboxRunner} they have.
 */
import { ADVERSARIAL_CASES, HEALTHY_RUN } from '../src/core/sandbox/adversarial';
import type { SandboxRunner, SandboxRunRequest } from '../src/core/sandbox/types';

/** Episodes per second the issue asks for, on one core. */
export const TARGET_EPISODES_PER_SECOND = 300;
/** An adversarial case must reach its verdict within its deadline plus this. */
export const VERDICT_BOUND_MS = 100;
/** Deadline of the adversarial cases that do not set their own. */
export const CASE_DEADLINE_MS = 500;
/** Runs before timing starts (loads the wasm instance, warms the interpreter and the JIT). */
const WARM_UP_RUNS = 20;
/**
 * ... and at least this long: Chromium's other processes are still busy with their own
 * start-up for a while after the page opens, which the CPU figure would otherwise count.
 */
const WARM_UP_MS = 1500;

/** An episode: 10 small tests over 4 modules (3 library modules and a test file). */
export const EPISODE: SandboxRunRequest = {
  files: {
    'src/math.js': 'export const add = (a, b) => a + b;\nexport const mul = (a, b) => a * b;',
    'src/sum.js': "import { add } from './math.js';\nexport const sum = (xs) => xs.reduce(add, 0);",
    'src/stack.js': [
      'export class Stack {',
      '  constructor() { this.items = []; }',
      '  push(x) { this.items.push(x); return this; }',
      '  pop() { return this.items.pop(); }',
      '  get size() { return this.items.length; }',
      '}',
    ].join('\n'),
    'src/lib.test.js': [
      "import { add, mul } from './math.js';",
      "import { sum } from './sum.js';",
      "import { Stack } from './stack.js';",
      "describe('lib', () => {",
      ...Array.from({ length: 10 }, (_, i) =>
        [
          `  it('case ${i}', () => {`,
          `    expect(add(${i}, 1)).toBe(${i + 1});`,
          `    expect(sum([1, 2, ${i}])).toEqual(${3 + i});`,
          `    expect(mul(${i}, 2)).toBeGreaterThanOrEqual(0);`,
          `    expect(new Stack().push(${i}).size).toBe(1);`,
          '  });',
        ].join('\n'),
      ),
      '});',
    ].join('\n'),
  },
  deadlineMs: 2000,
};

export interface Throughput {
  episodes: number;
  /** Episodes per wall-clock second. */
  rate: number;
  meanMs: number;
  medianMs: number;
  /**
   * CPU time the runner's process(es) spent per episode, when the caller can read it. On a
   * machine shared with other work, 1000 / cpuMs is what one dedicated core would sustain.
   */
  cpuMs?: number;
}

/**
 * Warm-up before timing (at least 20 runs and 1.5 s): loads the wasm instance, warms the
 * interpreter and the JIT, and lets a just-started browser settle. Throws if the episode does
 * not pass with its 10 tests (a wrong verdict, not a slow machine).
 */
export async function warmUp(
  sandbox: SandboxRunner,
  now: () => number = () => performance.now(),
): Promise<void> {
  const started = now();
  for (let i = 0; i < WARM_UP_RUNS || now() - started < WARM_UP_MS; i++) await sandbox.run(EPISODE);
  const first = await sandbox.run(EPISODE);
  if (first.verdict !== 'pass' || first.tests.length !== 10) {
    throw new Error(`episode did not pass: ${JSON.stringify(first)}`);
  }
}

/** Runs {@link EPISODE} back to back for `measureMs` (after {@link warmUp}). */
export async function timeEpisodes(
  sandbox: SandboxRunner,
  now: () => number,
  measureMs: number,
): Promise<Throughput> {
  const times: number[] = [];
  const started = now();
  while (now() - started < measureMs) {
    const t = now();
    await sandbox.run(EPISODE);
    times.push(now() - t);
  }
  const meanMs = (now() - started) / times.length;
  times.sort((a, b) => a - b);
  return {
    episodes: times.length,
    rate: 1000 / meanMs,
    meanMs,
    medianMs: times[times.length >> 1] ?? 0,
  };
}

export interface CaseTiming {
  name: string;
  /** `verdict/label` expected and got. */
  expected: string;
  got: string;
  /** Wall-clock time from `run()` to its result. */
  ms: number;
  deadlineMs: number;
  /** The verdict and label are the expected ones, and the next healthy run passes. */
  correct: boolean;
  /** Verdict of the healthy run made right after the case (must be `pass`). */
  next: string;
}

/** Runs every adversarial case through `pool`, each followed by a healthy run. */
export async function runAdversarial(
  pool: SandboxRunner,
  now: () => number,
): Promise<CaseTiming[]> {
  const rows: CaseTiming[] = [];
  for (const c of ADVERSARIAL_CASES) {
    const deadlineMs = c.deadlineMs ?? CASE_DEADLINE_MS;
    const started = now();
    const result = await pool.run({ files: c.files, deadlineMs, memoryMb: c.memoryMb });
    const ms = now() - started;
    // A generous deadline: after a watchdog kill this run also waits for the new worker.
    const next = await pool.run({ ...HEALTHY_RUN, deadlineMs: 5000 });
    const expected = `${c.verdict}/${c.label}`;
    const got = `${result.verdict}/${result.label ?? '-'}`;
    rows.push({
      name: c.name,
      expected,
      got,
      ms,
      deadlineMs,
      correct: (got === expected || got === `${c.orVerdict}/${c.label}`) && next.verdict === 'pass',
      next: next.verdict,
    });
  }
  return rows;
}

/** What the bench page (bench/browser/main.ts) offers the Node script, step by step. */
export interface BenchPageApi {
  /** Creates the Web Worker pool (size 1, default grace) and waits for its first result. */
  benchStart(): Promise<BrowserEnvironment>;
  benchWarmUp(): Promise<void>;
  benchTime(measureMs: number): Promise<Throughput>;
  benchCases(): Promise<CaseTiming[]>;
  benchStop(): Promise<void>;
}

export interface BrowserEnvironment {
  userAgent: string;
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  /** From creating the pool to the first run's result (worker start, wasm compile, warm-up). */
  startupMs: number;
}
