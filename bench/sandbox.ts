/**
 * Sandbox benchmark (`npm run bench`, about a minute): episodes per second in Node (in process
 * and through a worker_threads pool of size 1) and in headless Chromium (through the app's Web
 * Worker pool of size 1), and how long each adversarial case takes to reach its verdict against
 * its deadline, through both pools. Prints one table; exits non-zero only when a verdict or
 * label is wrong (never for speed: on a shared machine the timings are noisy).
 *
 * The Chromium half: bench/browser/ (built, served and opened by bench/browser/serve.ts).
 *
 * Options: `--measure-ms=N` (time spent timing episodes per runner, default 4000).
 */
import { arch, cpus, loadavg, platform } from 'node:os';
import { HEALTHY_RUN } from '../src/core/sandbox/adversarial';
import { DEFAULT_GRACE_MS } from '../src/core/sandbox/pool';
import type { SandboxRunner } from '../src/core/sandbox/types';
import { createInProcessSandbox, createNodeSandbox } from '../src/node/sandbox/index';
import { intOption } from './args';
import { openBenchPage } from './browser/serve';
import { childrenCpuMs, ownCpuMs } from './cpu';
import {
  runAdversarial,
  TARGET_EPISODES_PER_SECOND,
  timeEpisodes,
  VERDICT_BOUND_MS,
  warmUp,
  type BrowserEnvironment,
  type CaseTiming,
  type Throughput,
} from './measure';

const BROWSER_STEP_TIMEOUT_MS = 180_000;
const now = () => performance.now();

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

interface NodeFigures {
  inProcess: Throughput;
  pool: Throughput;
  poolStartupMs: number;
  cases: CaseTiming[];
}

/** Times the episode on `sandbox`, with the CPU time `cpu` reports over the timed part. */
async function timeWithCpu(
  sandbox: SandboxRunner,
  measureMs: number,
  cpu: () => number | null,
): Promise<Throughput> {
  await warmUp(sandbox);
  const before = cpu();
  const t = await timeEpisodes(sandbox, now, measureMs);
  const after = cpu();
  return before === null || after === null ? t : { ...t, cpuMs: (after - before) / t.episodes };
}

async function runNode(measureMs: number): Promise<NodeFigures> {
  const inProcessSandbox = createInProcessSandbox();
  const inProcess = await timeWithCpu(inProcessSandbox, measureMs, ownCpuMs);
  await inProcessSandbox.dispose();

  // The pool's default grace, as the lab CLI uses it.
  const pool = createNodeSandbox({ size: 1 });
  try {
    const started = now();
    await pool.run(HEALTHY_RUN);
    const poolStartupMs = now() - started;
    // This process's CPU: the main thread's side of the pool and the worker thread.
    const throughput = await timeWithCpu(pool, measureMs, ownCpuMs);
    const cases = await runAdversarial(pool, now);
    return { inProcess, pool: throughput, poolStartupMs, cases };
  } finally {
    await pool.dispose();
  }
}

interface BrowserFigures extends BrowserEnvironment {
  version: string;
  /** Requests that tried to leave 127.0.0.1 (aborted). */
  foreign: string[];
  throughput: Throughput;
  cases: CaseTiming[];
}

/** Rejects after `ms` so a hung page cannot hang the bench. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runBrowser(measureMs: number): Promise<BrowserFigures> {
  const bench = await openBenchPage();
  const { page } = bench;
  const step = <T>(what: string, fn: () => Promise<T>) =>
    withTimeout(fn(), BROWSER_STEP_TIMEOUT_MS, `Chromium: ${what}`);
  try {
    const environment = await step('start', () => page.evaluate(() => window.benchStart()));
    await step('warm-up', () => page.evaluate(() => window.benchWarmUp()));
    // Every Chromium process: the page's main thread (the pool) and its sandbox worker.
    const before = childrenCpuMs();
    const timed = await step('timing', () =>
      page.evaluate((ms) => window.benchTime(ms), measureMs),
    );
    const after = childrenCpuMs();
    const throughput =
      before === null || after === null
        ? timed
        : { ...timed, cpuMs: (after - before) / timed.episodes };
    const cases = await step('adversarial cases', () => page.evaluate(() => window.benchCases()));
    await page.evaluate(() => window.benchStop());
    return { ...environment, version: bench.version, foreign: bench.foreign, throughput, cases };
  } catch (error) {
    if (bench.errors.length > 0) console.error(bench.errors.join('\n'));
    throw error;
  } finally {
    await bench.close();
  }
}

/** Left-aligns the first column, right-aligns the rest (unless told otherwise). */
function table(rows: string[][], leftColumns = 1): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) =>
          i < leftColumns ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function throughputRow(name: string, t: Throughput): string[] {
  const perCpuSecond = t.cpuMs === undefined ? undefined : 1000 / t.cpuMs;
  return [
    name,
    String(t.episodes),
    t.rate.toFixed(0),
    t.meanMs.toFixed(2),
    t.medianMs.toFixed(2),
    t.cpuMs === undefined ? '-' : t.cpuMs.toFixed(2),
    perCpuSecond === undefined ? '-' : perCpuSecond.toFixed(0),
    perCpuSecond === undefined ? '-' : `${(perCpuSecond / TARGET_EPISODES_PER_SECOND).toFixed(2)}x`,
  ];
}

/** `ms`, overshoot past the deadline, and whether it is within the bound. */
function timingCells(c: CaseTiming | undefined): string[] {
  if (!c) return ['-', '-', '-', '-'];
  const over = c.ms - c.deadlineMs;
  return [
    c.got,
    c.ms.toFixed(0),
    over > 0 ? `+${over.toFixed(0)}` : '-',
    over <= VERDICT_BOUND_MS ? 'OK' : 'over',
  ];
}

function report(nodeFigures: NodeFigures, browserFigures: BrowserFigures, measureMs: number) {
  const cpu = cpus();
  console.log(
    [
      'Sandbox benchmark',
      `  Node ${process.version} on ${platform()}/${arch()}, ${cpu.length} CPU(s) (${cpu[0]?.model.trim() ?? '?'})`,
      `  Chromium ${browserFigures.version} headless: hardwareConcurrency ${browserFigures.hardwareConcurrency}, crossOriginIsolated ${browserFigures.crossOriginIsolated}, ${browserFigures.foreign.length} request(s) beyond 127.0.0.1`,
      `  pool start-up (first run): Node ${nodeFigures.poolStartupMs.toFixed(0)} ms (worker + tsx + wasm), Chromium ${browserFigures.startupMs.toFixed(0)} ms (worker + wasm)`,
      `  watchdog grace (pool default): ${DEFAULT_GRACE_MS} ms; load average now ${load()}`,
      `  episode: 10 small tests over 4 modules; ${measureMs} ms of back-to-back runs after a warm-up`,
      '  wall /s: episodes per wall-clock second (falls with the load of other work on this machine);',
      '  CPU ms: CPU time per episode of the process(es) running it (Node: main thread + worker;',
      '  Chromium: all its processes); per CPU-s = 1000 / CPU ms, what one dedicated core would',
      `  sustain, compared with the ${TARGET_EPISODES_PER_SECOND}/s target`,
      '',
    ].join('\n'),
  );
  console.log(
    table([
      [
        'episodes',
        'runs',
        'wall /s',
        'mean ms',
        'median ms',
        'CPU ms',
        'per CPU-s',
        `vs ${TARGET_EPISODES_PER_SECOND}/s`,
      ],
      throughputRow('Node, in process', nodeFigures.inProcess),
      throughputRow('Node, worker pool (1)', nodeFigures.pool),
      throughputRow('Chromium, Web Worker pool (1)', browserFigures.throughput),
    ]),
  );
  console.log(
    `\nadversarial cases through the pools: ms from run() to verdict; OK = within deadline + ${VERDICT_BOUND_MS} ms`,
  );
  const rows = [
    [
      'case',
      'expected',
      'deadline',
      'Node got',
      'ms',
      'over',
      '',
      'Chromium got',
      'ms',
      'over',
      '',
    ],
  ];
  for (const c of nodeFigures.cases) {
    const b = browserFigures.cases.find((x) => x.name === c.name);
    rows.push([c.name, c.expected, `${c.deadlineMs}`, ...timingCells(c), ...timingCells(b)]);
  }
  console.log(table(rows, 2));
  const wrong = [
    ...nodeFigures.cases.filter((c) => !c.correct).map((c) => ({ where: 'Node', c })),
    ...browserFigures.cases.filter((c) => !c.correct).map((c) => ({ where: 'Chromium', c })),
  ];
  for (const { where, c } of wrong) {
    console.log(
      `WRONG (${where}): ${c.name}: expected ${c.expected}, got ${c.got}; next healthy run: ${c.next}`,
    );
  }
  return wrong.length;
}

async function main(): Promise<number> {
  const measureMs = intOption('measure-ms', 4000);
  console.log(`load average at start ${load()} (2-core machine shared with other work: noisy)`);
  const nodeFigures = await runNode(measureMs);
  const browserFigures = await runBrowser(measureMs);
  console.log('');
  const wrong = report(nodeFigures, browserFigures, measureMs);
  if (wrong > 0) console.log(`\n${wrong} wrong verdict(s)`);
  return wrong > 0 ? 1 : 0;
}

process.exitCode = await main();
