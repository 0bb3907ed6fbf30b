import { unmeasuredKinds } from '../protocol/heldOut';
import * as tf from '@tensorflow/tfjs-core';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import '../node/tf';
import { createRng } from '../core/rng';
import type { SandboxRunner } from '../core/sandbox/types';
import { TASK_KINDS, type TaskKind } from '../core/tasks/types';
import type { EvalResult, KindScore } from '../eval/evaluate';
import { linesOfFile, writeLines } from '../node/lines';
import { codeBuildId } from '../node/buildId';
import type { Checkpoint } from '../rl/checkpoint';
import { decodeCheckpoint, encodeCheckpoint } from '../rl/checkpointCodec';
import { checkConfig, warmStartKinds, type TrainConfig } from '../rl/config';
import { resolveConfig } from '../rl/configFile';
import { findPreset, PRESETS } from '../rl/presets';
import { evalEpisodeRows } from '../rl/episodeRows';
import { evalsKeptThrough, runTraining, type EvalPoint, type RunOutput } from '../rl/run';
import type { StepMetrics } from '../rl/grpo';
import { flagInt, flagString, UsageError } from './args';
import type { CommandContext } from './commands';
import { checkOutFolder } from './outPaths';
import {
  runSplits,
  recordedSuite,
  recordSuite,
  resumedSuiteDiffers,
  suiteTasks,
  type RecordedSuite,
  readRunJson,
  resumedSuite,
  SUITE_FILE,
  suiteFlag,
  type Splits,
} from './runSuite';

const BACKENDS = ['wasm', 'cpu'] as const;

/** Sets the TensorFlow.js backend for Node runs (--backend wasm|cpu; wasm by default). */
export async function useNodeBackend(name: string): Promise<string> {
  if (!(BACKENDS as readonly string[]).includes(name))
    throw new UsageError(`--backend must be wasm or cpu in Node, got "${name}"`);
  if (!(await tf.setBackend(name))) throw new Error(`the ${name} backend failed to initialise`);
  await tf.ready();
  return tf.getBackend();
}

/** `--config <preset id | file.json>` (a file holds TrainConfig fields over `extends`). */
export function loadConfig(spec: string): TrainConfig {
  const preset = findPreset(spec);
  if (preset) return preset.config;
  let text: string;
  try {
    text = readFileSync(spec, 'utf8');
  } catch {
    throw new UsageError(
      `--config: "${spec}" is neither a preset (${PRESETS.map((p) => p.id).join(', ')}) nor a readable file`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${spec}: not valid JSON (${(error as Error).message})`);
  }
  try {
    return resolveConfig(value, spec);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

const short: Partial<Record<TaskKind, string>> = {
  localization: 'loc',
  editing: 'edit',
  testgen: 'test',
  reproduction: 'repro',
  review: 'rev',
  bugfix: 'fix',
};

export function formatStep(m: StepMetrics, total: number): string {
  const parts = TASK_KINDS.filter((k) => m.reward[k] !== undefined).map(
    (k) => `${short[k] ?? k} ${m.reward[k]!.toFixed(2)}`,
  );
  const hidden = m.gradingMs === undefined ? '' : `, ${Math.round(m.gradingMs)} ms grading in all`;
  const split = (m.passes ?? 1) > 1 ? `, update in ${m.passes} passes` : '';
  const cut = m.truncated ? `  ${Math.round(m.truncated * 100)}% cut short` : '';
  return `step ${m.step + 1}/${total}  reward ${m.rewardMean.toFixed(3)} [${parts.join(' ')}]  kl ${m.kl.toFixed(4)}  H ${m.entropy.toFixed(2)}${cut}  ${m.episodesPerSecond.toFixed(1)} ep/s (model ${Math.round(m.modelMs)} ms, sandbox wait ${Math.round(m.sandboxMs)} ms${hidden}${split})`;
}

/** A score as `0.750` or, with its standard error, `0.750±0.048`. */
export const formatScore = (s: KindScore): string =>
  `${s.meanReward.toFixed(3)}${s.stdErr === undefined ? '' : `±${s.stdErr.toFixed(3)}`}`;

export function formatEval(point: EvalPoint): string {
  const parts = Object.entries(point.result.bySkill).map(
    ([k, s]) => `${short[k as TaskKind] ?? k} ${formatScore(s)}`,
  );
  // Kinds with answers cut short at the decoder's step limit, and what share of them.
  const cut = Object.entries(point.cutShort ?? {})
    .filter(([, share]) => share > 0)
    .map(([k, share]) => `${short[k as TaskKind] ?? k} ${Math.round(share * 100)}%`);
  return `eval ${point.split} @${point.step}: ${parts.join('  ')}${cut.length ? `  (cut short: ${cut.join(' ')})` : ''}`;
}

const summary = (r: EvalResult) => r.bySkill;

/** Writes a checkpoint as JSON (float arrays as base64); returns the path. */
export function writeCheckpoint(dir: string, checkpoint: Checkpoint): string {
  mkdirSync(join(dir, 'checkpoints'), { recursive: true });
  const text = JSON.stringify(encodeCheckpoint(checkpoint));
  const path = join(dir, 'checkpoints', `step-${checkpoint.step}.json`);
  writeFileSync(path, text);
  writeFileSync(join(dir, 'checkpoint.json'), text);
  return path;
}

/** A checkpoint from a run directory (its latest) or a checkpoint file. */
export function readCheckpoint(path: string): Checkpoint {
  if (!existsSync(path)) throw new UsageError(`${path} does not exist`);
  if (statSync(path).isDirectory() && !existsSync(join(path, 'checkpoint.json')))
    throw new UsageError(
      `${path} holds no checkpoint.json: it is not a run directory (train into it first, or give a checkpoint file)`,
    );
  const file = existsSync(join(path, 'checkpoint.json')) ? join(path, 'checkpoint.json') : path;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read a checkpoint from ${path}: ${(error as Error).message}`);
  }
  try {
    return decodeCheckpoint(value);
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
}

export interface TrainJob {
  config: TrainConfig;
  splits: Splits;
  sandbox: SandboxRunner;
  out: string;
  print: (text: string) => void;
  resume?: Checkpoint;
  initFrom?: Checkpoint;
  checkpointEvery?: number;
  /**
   * Where the tasks came from and which they were (suite.json, and eval.json; see
   * RunSuiteSource). Its `tasks` are the suite's when `splits` were narrowed (an experiment's
   * --test-skills); absent, they are those of `splits`.
   */
  suite?: RecordedSuite;
}

/**
 * A run resuming from its checkpoint at step `from` logs its later steps, and the evaluations
 * after evalsKeptThrough, again: what the file held of them (logged before an interruption)
 * goes, so that each is there once. A line cut short by the interruption goes too. The file is
 * replaced whole (written beside it, then renamed), so a second interruption loses nothing.
 */
export function keepResumedMetrics(file: string, from: number, steps: number): void {
  if (!existsSync(file)) return;
  const through = evalsKeptThrough(from, steps);
  const kept = [...linesOfFile(file)].filter((text) => {
    let line: { type?: string; step?: number };
    try {
      line = JSON.parse(text) as typeof line;
    } catch {
      return false;
    }
    if (typeof line.step !== 'number') return true;
    return line.type === 'eval' ? line.step <= through : line.step < from;
  });
  writeLines(`${file}.resuming`, kept);
  renameSync(`${file}.resuming`, file);
}

/** The final test evaluation's answers, in a run directory. */
export const TEST_EPISODES_FILE = 'test-episodes.jsonl';

/**
 * One run to a directory: config.json, metrics.jsonl, checkpoints, eval.json, and
 * test-episodes.jsonl (every answer of the final test evaluation with its decoded tokens and
 * verdict, one JSON record a line, as the app stores them).
 */
export async function trainToDir(job: TrainJob): Promise<RunOutput> {
  const { config, out, print } = job;
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'config.json'), JSON.stringify(config, null, 2));
  // Where the tasks come from, from the start: a resumed run reads it (eval.json comes at the end).
  const tasks = job.suite?.tasks ?? suiteTasks(job.splits);
  if (job.suite) writeFileSync(join(out, SUITE_FILE), JSON.stringify({ ...job.suite, tasks }));
  const metricsFile = join(out, 'metrics.jsonl');
  if (job.resume) keepResumedMetrics(metricsFile, job.resume.step, config.steps);
  else writeFileSync(metricsFile, '');
  const line = (value: unknown): void => appendFileSync(metricsFile, `${JSON.stringify(value)}\n`);
  const started = performance.now();
  const output = await runTraining(
    {
      config,
      ...job.splits,
      sandbox: job.sandbox,
      now: () => performance.now(),
      ...(job.resume ? { resume: job.resume } : {}),
      ...(job.initFrom ? { initFrom: job.initFrom } : {}),
    },
    {
      onPhase: (phase, detail) => print(`[${config.name}] ${phase}${detail ? ` ${detail}` : ''}`),
      onWarmEpoch: (epoch, loss) =>
        print(`[${config.name}] warm start epoch ${epoch + 1}: loss ${loss.toFixed(4)}`),
      onStep: (m) => {
        line({ type: 'step', ...m });
        print(`[${config.name}] ${formatStep(m, config.steps)}`);
      },
      onEval: (point) => {
        line({
          type: 'eval',
          step: point.step,
          split: point.split,
          bySkill: summary(point.result),
          cutShort: point.cutShort,
        });
        print(`[${config.name}] ${formatEval(point)}`);
      },
      // The test evaluation's answers only (a default run's validations would add some 15-20 MB).
      evalEpisodeSplits: ['test'],
      onEvalEpisodes: (point, episodes) => {
        writeLines(
          join(out, TEST_EPISODES_FILE),
          evalEpisodeRows(config.name, config.seed, point, episodes).map((r) => JSON.stringify(r)),
        );
      },
      onCheckpoint: (c) => void writeCheckpoint(out, c),
      checkpointEvery: job.checkpointEvery ?? 10,
    },
  );
  const lastEval = (split: 'val' | 'test') => output.evals.filter((e) => e.split === split).at(-1);
  const lastResult = (split: 'val' | 'test') => lastEval(split)?.result;
  const last = (split: 'val' | 'test') => lastResult(split)?.bySkill ?? {};
  const evalJson = {
    config: config.name,
    seed: config.seed,
    backend: tf.getBackend(),
    steps: output.checkpoint.step,
    parameters: output.parameters,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    warmStart: output.warmStart,
    warmStartKinds: warmStartKinds(config, job.initFrom?.config),
    test: last('test'),
    val: last('val'),
    bySkill: last('test'),
    // Each test task's score, so that runs on the same test tasks compare task by task.
    testPerTask: lastResult('test')?.perTask ?? {},
    // Each kind's share of test answers cut short at the decoder's step limit.
    testCutShort: lastEval('test')?.cutShort ?? {},
    ...(job.suite ? { suite: job.suite.source } : {}),
    suiteTasks: tasks,
    buildId: codeBuildId(),
  };
  writeFileSync(join(out, 'eval.json'), JSON.stringify(evalJson, null, 2));
  return output;
}

/** The files a run writes into its directory (see trainToDir). */
const RUN_FILES = [
  'config.json',
  SUITE_FILE,
  'metrics.jsonl',
  'eval.json',
  TEST_EPISODES_FILE,
  'checkpoint.json',
  'checkpoints',
];

/** Whether an entry of a run's directory is one of its files (or one being written). */
export const isRunFile = (name: string): boolean =>
  RUN_FILES.some((f) => name === f || name.startsWith(`${f}.`));

/** The run files already in a directory (none when it does not exist). */
export const runFilesIn = (dir: string): string[] =>
  existsSync(dir) ? RUN_FILES.filter((f) => existsSync(join(dir, f))) : [];

/** Removes a run's files from its directory, so a new run there never mixes with the old. */
export function clearRunDir(dir: string): void {
  for (const f of runFilesIn(dir)) rmSync(join(dir, f), { recursive: true });
}

export async function trainCommand(ctx: CommandContext): Promise<Record<string, unknown>> {
  const { flags } = ctx.args;
  const out = flagString(ctx.args, 'out');
  const resumeFlag = flags.has('resume');
  if (resumeFlag && flags.has('config'))
    throw new UsageError(
      '--config cannot be given with --resume: a run resumes with its own config (--steps N trains it further)',
    );
  // A run resumes on its own seed: another would fork new task streams from its checkpoint and
  // record a run trained on two seeds as one of the second.
  if (resumeFlag && flags.has('seed'))
    throw new UsageError(
      '--seed cannot be given with --resume: a run resumes with its own seed (train a new run for another)',
    );
  if (!resumeFlag && !flags.has('config'))
    throw new UsageError(
      `--config is required: a preset (${PRESETS.map((p) => p.id).join(', ')}) or a config file`,
    );
  const existing = runFilesIn(out);
  if (!resumeFlag && existing.length > 0 && !flags.has('force'))
    throw new UsageError(
      `${out} holds a run already (${existing.join(', ')}): continue it with --resume, choose another --out, or add --force to replace it`,
    );
  if (!resumeFlag) checkOutFolder(out, 'run', isRunFile, flags.has('force'));
  const resume = resumeFlag ? readCheckpoint(out) : undefined;
  let config = resume ? resume.config : loadConfig(flagString(ctx.args, 'config'));
  if (flags.has('seed')) config = { ...config, seed: flagInt(ctx.args, 'seed', 1) };
  if (flags.has('steps')) config = { ...config, steps: flagInt(ctx.args, 'steps', 0) };
  if (resume && flags.has('steps') && config.steps < resume.step)
    throw new UsageError(
      `--steps ${config.steps} is below the step ${out} is at already (${resume.step}): give --steps ${resume.step} or more`,
    );
  // Checked before anything is written (or, with --force, removed).
  const problem = checkConfig(config);
  if (problem) throw new UsageError(`invalid training config: ${problem}; nothing was done`);
  const checkpointEvery = flagInt(ctx.args, 'checkpoint-every', 10, 1);
  const recorded = resume ? recordedSuite(out) : undefined;
  const { seed: suiteSeed, arg: suiteArg } = resume
    ? resumedSuite(ctx, out, recorded)
    : { seed: flagInt(ctx.args, 'suite-seed', 1), arg: suiteFlag(ctx) };
  if (resume && resume.step >= config.steps && existsSync(join(out, 'eval.json'))) {
    ctx.print(
      `${out} finished at step ${resume.step} of ${config.steps} already; --steps N (more than ${resume.step}) trains it further`,
    );
    return readRunJson(join(out, 'eval.json')) as Record<string, unknown>;
  }
  const backend = await useNodeBackend(flagString(ctx.args, 'backend', 'wasm'));
  ctx.print(
    resume
      ? `resuming "${config.name}" (seed ${config.seed}) at step ${resume.step} of ${config.steps} on ${backend}; writing to ${out}`
      : `training "${config.name}" (seed ${config.seed}) on ${backend}; writing to ${out}`,
  );
  const splits = await runSplits(ctx.sandbox, suiteSeed, ctx.quiet, suiteArg);
  const suite = recordSuite(suiteSeed, suiteArg, splits);
  const changed = resumedSuiteDiffers(recorded, suite);
  if (changed)
    throw new UsageError(
      `${out} cannot continue on the tasks it started on: ${changed}. Train a new run (another --out, or --force to replace this one); nothing was trained`,
    );
  const kinds = new Set(splits.train.map((t) => t.kind));
  if (config.steps > 0 && !config.trainKinds.some((k) => kinds.has(k)))
    throw new UsageError(
      `the suite has no training tasks of ${config.trainKinds.join(', ')} (it has ${[...kinds].join(', ') || 'none'}); nothing was trained`,
    );
  const unmeasured = unmeasuredKinds(config.trainKinds, [...splits.val, ...splits.test]);
  if (unmeasured && config.steps > 0) ctx.print(`note: ${unmeasured}`);
  // --force: the old run's files go, so the directory never mixes two runs; only now, with the
  // config and the suite checked, so a mistake in either loses nothing.
  if (!resumeFlag) clearRunDir(out);
  await trainToDir({
    config,
    splits,
    sandbox: ctx.sandbox,
    out,
    print: ctx.print,
    ...(resume ? { resume } : {}),
    checkpointEvery,
    suite,
  });
  return JSON.parse(readFileSync(join(out, 'eval.json'), 'utf8')) as Record<string, unknown>;
}

export { checkpointPolicy } from '../rl/checkpointPolicy';

export const evalRng = (seed: number) => createRng(seed).fork('eval');
