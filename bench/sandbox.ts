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
import { createInProcessSandbox, createNodeSandbox } from '../src/node/sandbox/index';
import { openBenchPage } from './browser/serve';
import {
  measureThroughput,
  runAdversarial,
  TARGET_EPISODES_PER_SECOND,
  VERDICT_BOUND_MS,
  type BrowserBenchOptions,
  type BrowserBenchResult,
  type CaseTiming,
  type Throughput,
} from './measure';

const BROWSER_TIMEOUT_MS = 300_000;
const now = () => performance.now();

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg === undefined ? NaN : Number(arg.slice(name.length + 3));
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

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

async function runNode(measureMs: number): Promise<NodeFigures> {
  const inProcessSandbox = createInProcessSandbox();
  const inProcess = await measureThroughput(inProcessSandbox, now, measureMs);
  await inProcessSandbox.dispose();

  // The pool's default grace, as the lab CLI uses it.
  const pool = createNodeSandbox({ size: 1 });
  try {
    const started = now();
    await pool.run(HEALTHY_RUN);
    const poolStartupMs = now() - started;
    const throughput = await measureThroughput(pool, now, measureMs);
    const cases = await runAdversarial(pool, now);
    return { inProcess, pool: throughput, poolStartupMs, cases };
  } finally {
    await pool.dispose();
  }
}

interface BrowserFigures extends BrowserBenchResult {
  version: string;
  /** Requests that tried to leave 127.0.0.1 (aborted). */
  foreign: string[];
}

async function runBrowser(measureMs: number): Promise<BrowserFigures> {
  const bench = await openBenchPage();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Chromium bench took over ${BROWSER_TIMEOUT_MS} ms`)),
      BROWSER_TIMEOUT_MS,
    );
  });
  try {
    const options: BrowserBenchOptions = { measureMs };
    const result = await Promise.race([
      bench.page.evaluate((o) => window.runBench(o), options),
      timeout,
    ]);
    return { ...result, version: bench.version, foreign: bench.foreign };
  } catch (error) {
    if (bench.errors.length > 0) console.error(bench.errors.join('\n'));
    throw error;
  } finally {
    clearTimeout(timer);
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
  return [
    name,
    t.rate.toFixed(0),
    t.meanMs.toFixed(2),
    t.medianMs.toFixed(2),
    String(t.episodes),
    `${(t.rate / TARGET_EPISODES_PER_SECOND).toFixed(2)}x`,
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
      '',
    ].join('\n'),
  );
  console.log(
    table([
      ['episodes', '/s', 'mean ms', 'median ms', 'runs', `vs ${TARGET_EPISODES_PER_SECOND}/s`],
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
  const measureMs = option('measure-ms', 4000);
  console.log(`load average at start ${load()} (2-core machine shared with other work: noisy)`);
  const nodeFigures = await runNode(measureMs);
  const browserFigures = await runBrowser(measureMs);
  console.log('');
  const wrong = report(nodeFigures, browserFigures, measureMs);
  if (wrong > 0) console.log(`\n${wrong} wrong verdict(s)`);
  return wrong > 0 ? 1 : 0;
}

process.exitCode = await main();
