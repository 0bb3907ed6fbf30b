/**
 * Training benchmark (part of `npm run bench`, a few minutes): milliseconds per GRPO step and
 * episodes per second of the default config (DEFAULT_CONFIG: 16 tasks × 8 samples, model
 * dModel 64 with 2+2 layers, one inner epoch, KL to a reference) on every TensorFlow.js backend
 * available: WASM and CPU in Node, WebGPU, WASM and CPU in headless Chromium, side by side.
 *
 * The tasks are real: built at bench time from three corpus projects with the built-in task
 * builder and validated by execution in Node; Chromium gets the same list. Each backend times
 * up to `--steps=N` GRPO steps (default 3) after `--warm-up=N` untimed ones (default 1), but
 * starts no further step once its timed steps took `--budget-s=N` (default 45); the slow
 * backends (CPU, and WebGPU on a software adapter such as SwiftShader), minutes per step, time
 * `--slow-steps=N` (default 1) without a warm-up. Grading goes
 * through the real sandbox pool (Node worker_threads / the app's Web Workers, two at a time as
 * in the lab CLI and the trainer worker). Exits non-zero when a backend that should run fails
 * or leaks tensors (never for speed).
 *
 * The Chromium half: bench/browser/training.ts (built, served and opened by
 * bench/browser/serve.ts).
 */
import '../src/node/tf';
import * as tf from '@tensorflow/tfjs-core';
import { cpus, loadavg } from 'node:os';
import { CORPUS } from '../src/core/corpus';
import { buildBuiltinTasks } from '../src/core/tasks/build';
import type { Task, TaskKind } from '../src/core/tasks/types';
import { validateTask } from '../src/core/tasks/validate';
import { createNodeSandbox } from '../src/node/sandbox/index';
import type { AdapterInfo } from '../src/protocol/backend';
import { intOption, listOption } from './args';
import { openBenchPage } from './browser/serve';
import {
  BENCH_CONFIG,
  splitByOverlap,
  timeTraining,
  type TrainingFigures,
} from './trainingWorkload';

const PROJECTS = ['money', 'roman-numerals', 'lru-cache'];
const BUILD_SEED = 7;
const MAX_MUTANTS = 8;
/**
 * The slow backends (CPU; WebGPU on a software adapter) take minutes per step here: by default
 * they time one step and skip the warm-up (so WebGPU's timed step includes compiling its
 * shaders; Adam's moments exist from the start, so tensors alive before and after the step
 * still show a leak).
 */
const SLOW_STEPS = 1;
const SLOW_WARM_UP_STEPS = 0;
/** No further timed step once a backend's timed steps took this long (`--budget-s=N`). */
const BUDGET_S = 45;
const BROWSER_STEP_TIMEOUT_MS = 15 * 60_000;
const now = () => performance.now();

/** `--only=Node/wasm,Chromium/webgpu`: time only these rows (all by default). */
const ONLY = listOption('only');
const ROWS = ['Node/wasm', 'Node/cpu', 'Chromium/webgpu', 'Chromium/wasm', 'Chromium/cpu'];
const wanted = (name: string) => !ONLY || ONLY.includes(name);

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

interface Row {
  name: string;
  figures: TrainingFigures | null;
  /** Why there are no figures. */
  error?: string;
  /** Load average when the row finished. */
  load: string;
}

async function buildTasks(): Promise<{ tasks: Task[]; ms: number; built: number }> {
  const started = now();
  const sandbox = createNodeSandbox({ size: 2 });
  try {
    const projects = PROJECTS.map((name) => {
      const p = CORPUS.find((x) => x.name === name);
      if (!p) throw new Error(`corpus project ${name} is missing`);
      return p;
    });
    const built = await buildBuiltinTasks(sandbox, {
      seed: BUILD_SEED,
      projects,
      maxMutants: MAX_MUTANTS,
    });
    const tasks: Task[] = [];
    for (const t of built.tasks) if ((await validateTask(t, sandbox)).ok) tasks.push(t);
    return { tasks, ms: now() - started, built: built.tasks.length };
  } finally {
    await sandbox.dispose();
  }
}

interface Plan {
  steps: number;
  budgetMs: number;
  warmUpSteps: number;
  slowSteps: number;
}

/** Timed and warm-up steps for a backend (the slow ones: fewer, see SLOW_STEPS). */
const stepsFor = (slow: boolean, plan: Plan) =>
  slow
    ? { steps: plan.slowSteps, warmUpSteps: SLOW_WARM_UP_STEPS, budgetMs: plan.budgetMs }
    : { steps: plan.steps, warmUpSteps: plan.warmUpSteps, budgetMs: plan.budgetMs };

async function runNode(tasks: Task[], plan: Plan): Promise<Row[]> {
  const rows: Row[] = [];
  for (const backend of ['wasm', 'cpu'] as const) {
    const name = `Node/${backend}`;
    if (!wanted(name)) continue;
    // WASM alternates the default step (every group sampled in one batch, then graded) with
    // sampling group by group and grading each while the next is sampled, step by step on one
    // model, so the two rows compare them under one load.
    const alternate = backend === 'wasm';
    const sandbox = createNodeSandbox({ size: 2 });
    try {
      if (!(await tf.setBackend(backend))) throw new Error(`${backend} failed to initialise`);
      await tf.ready();
      const figures = await timeTraining({
        tasks,
        sandbox,
        now,
        overlapGrading: alternate ? 'alternate' : false,
        ...stepsFor(backend === 'cpu', plan),
        ...(alternate ? { steps: 2 * plan.steps, budgetMs: 2 * plan.budgetMs } : {}),
      });
      if (alternate) {
        const { overlapped, sequential } = splitByOverlap(figures);
        const parts = [
          { name, figures: sequential },
          { name: `${name} (grading overlapped)`, figures: overlapped },
        ];
        for (const p of parts) {
          if (p.figures.steps.length === 0) continue;
          console.log(`  ${p.name}: ${p.figures.meanMs.toFixed(0)} ms/step (load ${load()})`);
          rows.push({ ...p, load: load() });
        }
        continue;
      }
      console.log(`  ${name}: ${figures.meanMs.toFixed(0)} ms/step (load ${load()})`);
      rows.push({ name, figures, load: load() });
    } catch (error) {
      console.log(`  ${name}: failed: ${String(error)}`);
      rows.push({ name, figures: null, error: String(error), load: load() });
    } finally {
      await sandbox.dispose();
    }
  }
  return rows;
}

interface BrowserEnvironment {
  version: string;
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  adapter: AdapterInfo | null;
  /** Why WebGPU is not available. */
  webgpu: string | null;
  wasm: { simd: boolean; threads: boolean } | null;
  foreign: string[];
}

/** Rejects after `ms` so a hung page cannot hang the bench. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runBrowser(
  tasks: Task[],
  plan: Plan,
): Promise<{ rows: Row[]; environment: BrowserEnvironment | null; error?: string }> {
  const rows: Row[] = [];
  const bench = await openBenchPage({
    page: 'bench/browser/training.html',
    ready: 'trainingStart',
    args: ['--enable-unsafe-webgpu'],
  });
  const { page } = bench;
  try {
    const env = await withTimeout(
      page.evaluate(() => window.trainingStart()),
      60_000,
      'Chromium: start',
    );
    const environment = { ...env, version: bench.version, foreign: bench.foreign };
    for (const backend of ['webgpu', 'wasm', 'cpu'] as const) {
      const name = `Chromium/${backend}`;
      if (!wanted(name)) continue;
      const slow = backend === 'cpu' || (backend === 'webgpu' && !!env.adapter?.isFallbackAdapter);
      if (backend === 'webgpu' && env.webgpu) {
        rows.push({ name, figures: null, error: env.webgpu, load: load() });
        continue;
      }
      try {
        const figures = await withTimeout(
          page.evaluate((o) => window.trainingTime(o), {
            backend,
            tasks,
            ...stepsFor(slow, plan),
          }),
          BROWSER_STEP_TIMEOUT_MS,
          name,
        );
        console.log(`  ${name}: ${figures.meanMs.toFixed(0)} ms/step (load ${load()})`);
        rows.push({ name, figures, load: load() });
      } catch (error) {
        console.log(`  ${name}: failed: ${String(error)}`);
        if (bench.errors.length > 0) console.error(bench.errors.join('\n'));
        rows.push({ name, figures: null, error: String(error), load: load() });
      }
    }
    await page.evaluate(() => window.trainingStop());
    return { rows, environment };
  } catch (error) {
    if (bench.errors.length > 0) console.error(bench.errors.join('\n'));
    return { rows, environment: null, error: String(error) };
  } finally {
    await bench.close();
  }
}

/** Left-aligns the first column, right-aligns the rest. */
function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Tensors alive after the warm-up and after each timed step; "flat" when they never grew. */
function tensorCell(f: TrainingFigures): string {
  const counts = [f.tensorsBefore, ...f.tensorsAfter];
  const flat = counts.every((c) => c === f.tensorsBefore);
  return `${counts.join('/')}${flat ? ' flat' : ' GROWING'}`;
}

function describeAdapter(env: BrowserEnvironment | null): string {
  if (!env) return 'Chromium did not start';
  if (!env.adapter) return `no WebGPU adapter (${env.webgpu ?? '?'})`;
  const a = env.adapter;
  const kind = a.isFallbackAdapter ? 'software fallback adapter' : 'hardware adapter';
  return `${a.vendor} / ${a.architecture}${a.description ? ` (${a.description})` : ''}: ${kind}`;
}

function report(rows: Row[], browser: BrowserEnvironment | null, tasks: Task[], plan: Plan) {
  const c = BENCH_CONFIG;
  const byKind = new Map<TaskKind, number>();
  for (const t of tasks) byKind.set(t.kind, (byKind.get(t.kind) ?? 0) + 1);
  const parameters = rows.find((r) => r.figures)?.figures?.parameters;
  console.log(
    [
      '',
      'Training benchmark',
      `  ${cpus().length} CPU(s) (${cpus()[0]?.model.trim() ?? '?'}), load average now ${load()} (shared machine: noisy)`,
      `  Node ${process.version}; Chromium ${browser?.version ?? '-'} headless, hardwareConcurrency ${browser?.hardwareConcurrency ?? '-'}, crossOriginIsolated ${browser?.crossOriginIsolated ?? '-'}, ${browser?.foreign.length ?? 0} request(s) beyond 127.0.0.1`,
      `  WebGPU: ${describeAdapter(browser)}`,
      `  Chromium WASM: ${browser?.wasm ? `SIMD ${browser.wasm.simd}, threads ${browser.wasm.threads}` : '-'}`,
      `  config: ${c.name} (DEFAULT_CONFIG): ${c.tasksPerStep} tasks x ${c.groupSize} samples per step, innerEpochs ${c.innerEpochs}, klCoef ${c.klCoef}; model dModel ${c.model.dModel}, ${c.model.encoderLayers}+${c.model.decoderLayers} layers, ffDim ${c.model.ffDim}, maxObsLen ${c.model.maxObsLen}, maxActLen ${c.model.maxActLen}${parameters ? `, ${parameters.toLocaleString('en')} parameters` : ''}`,
      `  tasks: ${tasks.length} validated from ${PROJECTS.join(', ')} (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')})`,
      `  untrained policy (no warm start); ${plan.warmUpSteps} warm-up step(s) untimed, then ${plan.steps} timed step(s) per backend,`,
      `  or fewer: no step starts after ${plan.budgetMs / 1000} s of timed steps (at least one is timed);`,
      `  slow backends (CPU; WebGPU on a software adapter; minutes per step): ${plan.slowSteps} timed step(s),`,
      '  no warm-up (WebGPU: its timed step includes compiling shaders); sandbox pool of 2',
      '  ms/step: wall time of a GRPO step (mean / median); model: sampling + reference log-probs +',
      '  update; sandbox wait: grading that sampling did not hide; grading: time any grading was in',
      '  flight (training samples every group of a step in one batch, then grades them; Node/wasm alternates',
      '  that with sampling group by group, each graded while the next is sampled, step by step on one',
      '  model: the "grading overlapped" row);',
      '  the rest is encoding and bookkeeping; tensors: tf.memory().numTensors',
      '  before the first timed step / after each',
      '',
    ].join('\n'),
  );
  const ok = rows.filter((r): r is Row & { figures: TrainingFigures } => r.figures !== null);
  const fastestMs = Math.min(...ok.map((r) => r.figures.meanMs));
  const lines = [
    [
      'backend',
      'steps',
      'mean ms/step',
      'median',
      'vs fastest',
      'episodes/s',
      'model ms',
      'sandbox wait ms',
      'grading ms',
      'model %',
      'warm-up ms',
      'tensors',
      'load avg',
    ],
  ];
  for (const r of rows) {
    const f = r.figures;
    if (!f) {
      lines.push([r.name, '-', 'unavailable', '-', '-', '-', '-', '-', '-', '-', '-', '-', r.load]);
      continue;
    }
    lines.push([
      r.name,
      String(f.steps.length),
      f.meanMs.toFixed(0),
      f.medianMs.toFixed(0),
      `${(f.meanMs / fastestMs).toFixed(2)}x`,
      f.episodesPerSecond.toFixed(1),
      f.modelMs.toFixed(0),
      f.sandboxMs.toFixed(0),
      f.gradingMs.toFixed(0),
      `${((100 * f.modelMs) / f.meanMs).toFixed(0)}%`,
      f.warmUpMs.toFixed(0),
      tensorCell(f),
      r.load,
    ]);
  }
  console.log(table(lines));
  for (const r of rows) if (r.error) console.log(`${r.name}: ${r.error}`);
}

async function main(): Promise<number> {
  const unknownRows = (ONLY ?? []).filter((name) => !ROWS.includes(name));
  if (unknownRows.length > 0) {
    console.error(`--only: unknown ${unknownRows.join(', ')}; rows are ${ROWS.join(', ')}`);
    return 2;
  }
  const plan: Plan = {
    steps: intOption('steps', 3),
    warmUpSteps: intOption('warm-up', 1),
    slowSteps: intOption('slow-steps', SLOW_STEPS),
    budgetMs: intOption('budget-s', BUDGET_S) * 1000,
  };
  console.log(`\nTraining benchmark: load average at start ${load()}`);
  const { tasks, ms, built } = await buildTasks();
  console.log(
    `  built ${built} tasks from ${PROJECTS.join(', ')}, ${tasks.length} valid (${(ms / 1000).toFixed(0)} s)`,
  );
  const nodeRows = await runNode(tasks, plan);
  const browser = await runBrowser(tasks, plan);
  const rows = [...nodeRows, ...browser.rows];
  report(rows, browser.environment, tasks, plan);
  if (browser.error) console.log(`Chromium: ${browser.error}`);
  // WebGPU may be missing on a machine; everything else must run, and no backend may leak.
  const failed = rows.filter((r) => !r.figures && !r.name.endsWith('/webgpu'));
  const leaking = rows.filter(
    (r) => r.figures && r.figures.tensorsAfter.some((n) => n !== r.figures!.tensorsBefore),
  );
  if (browser.error || failed.length > 0 || leaking.length > 0) {
    console.log(
      `\ntraining bench failed: ${[...(browser.error ? ['Chromium'] : []), ...failed.map((r) => r.name), ...leaking.map((r) => `${r.name} leaks tensors`)].join(', ')}`,
    );
    return 1;
  }
  return 0;
}

process.exitCode = await main();
