// What an experiment directory holds, and whether new runs may join it: its warm start (reused
// by --warm-from and by --force additions) and its results.json (checked before --force trains).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { PerTaskScores } from '../eval/evaluate';
import type { Checkpoint } from '../rl/checkpoint';
import { warmStartLearningRate, type TrainConfig } from '../rl/config';
import { UsageError } from './args';
import type { GridResult, Scores } from './gridResult';
import type { SuiteTasks } from '../eval/grid';
import { readCheckpoint } from './train';
import { isRecord } from '../core/guards';

/** The fields that decide what a warm start learns (besides the suite). */
function warmStartFields(c: TrainConfig): Record<string, unknown> {
  return {
    seed: c.seed,
    trainKinds: c.trainKinds,
    warmStartPerKind: c.warmStartPerKind,
    warmStartEpochs: c.warmStartEpochs,
    warmStartLearningRate: warmStartLearningRate(c),
    maxGradNorm: c.maxGradNorm,
    bufferTasksPerKind: c.bufferTasksPerKind,
    model: c.model,
    tagToDecoder: c.tagToDecoder === true,
  };
}

/**
 * A warm start saved by an earlier `experiment` (its directory, or the run's own `warm-start`
 * directory), checked to have been trained with the same warm-start fields as `config`, with
 * its test scores from that run's eval.json.
 */
export function reuseWarmStart(
  path: string,
  config: TrainConfig,
): {
  checkpoint: Checkpoint;
  scores: Scores;
  perTask: PerTaskScores | undefined;
  seconds: number;
  dir: string;
  /** Which tasks its suite gave (absent for runs from before they recorded it). */
  tasks?: SuiteTasks;
  /** The build of the code that made it (absent for runs from before they recorded it). */
  buildId?: string;
} {
  const dir = existsSync(join(path, 'warm-start')) ? join(path, 'warm-start') : path;
  const checkpoint = readCheckpoint(dir);
  if (checkpoint.step !== 0 || checkpoint.config.steps !== 0) {
    throw new UsageError(
      `--warm-from ${path}: the checkpoint in ${dir} has RL steps (${checkpoint.step}); give the warm-start run of an earlier experiment`,
    );
  }
  // A field the checkpoint lacks counts as a difference here: its warm start did not use it.
  const differences = configDifferences(
    warmStartFields(checkpoint.config),
    warmStartFields(config),
    {
      missing: 'differs',
      describe: (field, used, wanted) => `${field} ${used} (this grid ${wanted})`,
    },
  );
  if (differences.length > 0)
    throw new UsageError(
      `--warm-from ${path}: its warm start used ${differences.join(', ')}; train a new warm start (leave out --warm-from)`,
    );
  // Its test scores go into this grid's table beside the new runs': measured on other tasks, or
  // as a mean of another number of answers, its column would not compare (review 41cli F8).
  const testDifferences = configDifferences(
    {
      testTasksPerKind: checkpoint.config.testTasksPerKind,
      evalSamples: checkpoint.config.evalSamples,
    },
    { testTasksPerKind: config.testTasksPerKind, evalSamples: config.evalSamples },
    {
      missing: 'differs',
      describe: (field, used, wanted) => `${field} ${used} (this grid ${wanted})`,
    },
  );
  if (testDifferences.length > 0)
    throw new UsageError(
      `--warm-from ${path}: its test scores were measured with ${testDifferences.join(', ')}, so its column would be over other tasks or answers; give this grid the same test settings, or train a new warm start (leave out --warm-from)`,
    );
  let scores: Scores = {};
  let perTask: PerTaskScores | undefined;
  let seconds = 0;
  let tasks: SuiteTasks | undefined;
  let buildId: string | undefined;
  try {
    const evalJson = JSON.parse(readFileSync(join(dir, 'eval.json'), 'utf8')) as {
      test?: Scores;
      testPerTask?: PerTaskScores;
      seconds?: number;
      suiteTasks?: SuiteTasks;
      buildId?: string;
    };
    scores = evalJson.test ?? {};
    perTask = evalJson.testPerTask;
    seconds = evalJson.seconds ?? 0;
    tasks = evalJson.suiteTasks;
    buildId = typeof evalJson.buildId === 'string' ? evalJson.buildId : undefined;
  } catch (error) {
    throw new UsageError(
      `--warm-from ${path}: cannot read ${join(dir, 'eval.json')} (${(error as Error).message}); the warm-start run must have finished`,
    );
  }
  return {
    checkpoint,
    scores,
    perTask,
    seconds,
    dir,
    ...(tasks ? { tasks } : {}),
    ...(buildId ? { buildId } : {}),
  };
}

/**
 * The experiment already in `out` (its results.json), or null when there is none. Refused
 * unless `force`, and refused anyway when it was run on another config or seed (one table
 * must not mix them).
 */
export function earlierExperiment(
  out: string,
  base: TrainConfig,
  force: boolean,
): GridResult | null {
  const file = join(out, 'results.json');
  if (!existsSync(file)) return null;
  if (!force)
    throw new UsageError(
      `${out} holds an experiment already (results.json): choose another --out, or add --force to train these baselines into it (the others keep their results)`,
    );
  let earlier: GridResult;
  try {
    earlier = JSON.parse(readFileSync(file, 'utf8')) as GridResult;
  } catch (error) {
    throw new UsageError(`${file}: cannot read it (${(error as Error).message})`);
  }
  if (earlier.base !== base.name || earlier.seed !== base.seed)
    throw new UsageError(
      `${out} holds the experiment of "${earlier.base}" seed ${earlier.seed}, not "${base.name}" seed ${base.seed}; choose another --out`,
    );
  return earlier;
}

/** How `configDifferences` treats a field the earlier config lacks, and words a difference. */
export interface DifferenceStyle {
  /** Not compared (the config was saved before the field existed), or a difference. */
  missing: 'skipped' | 'differs';
  /** One difference: the field's `a.b` path and both values as JSON (`unset` when absent). */
  describe: (path: string, there: string, here: string) => string;
}

const SAVED_CONFIG: DifferenceStyle = {
  missing: 'skipped',
  describe: (path, there, here) => `${path} ${there} there, ${here} here`,
};

/**
 * `a.b` paths where two configs differ, with both values: by default `learningRate 0.001
 * there, 0.002 here`, a field the earlier config lacks (saved before the field existed) not
 * compared.
 */
export function configDifferences(
  there: unknown,
  here: unknown,
  style: DifferenceStyle = SAVED_CONFIG,
  path = '',
): string[] {
  if (there === undefined && style.missing === 'skipped') return [];
  if (isRecord(there) && isRecord(here)) {
    const keys = [...new Set([...Object.keys(there), ...Object.keys(here)])].sort();
    return keys.flatMap((k) =>
      configDifferences(there[k], here[k], style, path ? `${path}.${k}` : k),
    );
  }
  const [a, b] = [JSON.stringify(there) ?? 'unset', JSON.stringify(here) ?? 'unset'];
  return a === b ? [] : [style.describe(path, a, b)];
}

/** `GridResult.warmStartDigest` of the warm-start run in `dir`. */
export const warmStartDigest = (dir: string): string =>
  createHash('sha256')
    .update(readFileSync(join(dir, 'checkpoint.json')))
    .digest('hex')
    .slice(0, 16);

/**
 * A warm start's directory as results.json records it: `<out>/warm-start` when it lies inside
 * the experiment (so a moved or copied experiment keeps its identity), else its absolute path.
 */
export function warmStartName(out: string, dir: string): string {
  const inside = relative(resolve(out), resolve(dir));
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)
    ? `<out>/${inside.split(sep).join('/')}`
    : resolve(dir);
}

/**
 * Whether two results' RL runs fork from one warm start: the same checkpoint (by its digest,
 * wherever it lies) when both know it, else the same directory.
 */
function sameWarmStart(earlier: GridResult, now: GridResult): boolean {
  if (earlier.warmStart === undefined || now.warmStart === undefined) return true;
  if (earlier.warmStartDigest !== undefined && now.warmStartDigest !== undefined)
    return earlier.warmStartDigest === now.warmStartDigest;
  return earlier.warmStart === now.warmStart;
}

const warmStartWords = (r: GridResult): string =>
  r.warmStartDigest ? `${r.warmStart} (sha256 ${r.warmStartDigest})` : `${r.warmStart}`;

/**
 * Refuses to add runs to an experiment whose runs were trained otherwise: another base config
 * (any field, not just the name), suite, backend or warm start would make one table compare
 * runs that differ in more than their baseline. Results from before these were recorded are
 * checked on what they hold.
 */
export function checkSameExperiment(out: string, earlier: GridResult, now: GridResult): void {
  const problems = [
    ...(earlier.config ? configDifferences(earlier.config, now.config) : []),
    ...(earlier.suite !== undefined && earlier.suite !== now.suite
      ? [`tasks from ${earlier.suite} there, ${now.suite} here`]
      : []),
    ...(earlier.backend !== now.backend
      ? [`backend ${earlier.backend} there, ${now.backend} here`]
      : []),
    ...(!sameWarmStart(earlier, now)
      ? [
          `RL runs forked from the warm start in ${warmStartWords(earlier)} there, ${warmStartWords(now)} here`,
        ]
      : []),
  ];
  if (problems.length > 0)
    throw new UsageError(
      `${out} holds an experiment trained otherwise (${problems.join('; ')}); choose another --out, or give the same config, suite, backend and --warm-from; nothing was trained`,
    );
}
