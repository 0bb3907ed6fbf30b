import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ATOMIC_SKILLS, TASK_KINDS, type TaskKind } from '../core/tasks/types';
import {
  clusteredStdErr,
  meanOfEstimates,
  pairedDifference,
  projectCluster,
  taskDifferences,
  unpairedDifference,
  type Difference,
} from '../eval/compare';
import type { KindScore, PerTaskScores } from '../eval/evaluate';
import type { Checkpoint } from '../rl/checkpoint';
import { checkConfig, warmStartLearningRate, type TrainConfig } from '../rl/config';
import {
  baselineConfig,
  baselineName,
  INTERFERENCE_GRID,
  jointShareExact,
  PAPER_GRID,
  type Baseline,
} from '../rl/presets';
import { flagInt, flagString, UsageError } from './args';
import { parseKinds } from './suites';
import type { CommandContext } from './commands';
import {
  builtinSplits,
  loadConfig,
  clearRunDir,
  readCheckpoint,
  suiteFileFlag,
  trainToDir,
  useNodeBackend,
} from './train';

type Scores = Partial<Record<TaskKind, KindScore>>;

export interface GridResult {
  base: string;
  seed: number;
  backend: string;
  /** The whole base config every baseline was derived from (absent in older results). */
  config?: TrainConfig;
  /** Which tasks: the built-in suite's seed, or the suite file (absent in older results). */
  suite?: string;
  /** The warm-start directory every RL baseline forked from (absent in older results). */
  warmStart?: string;
  /** Test-split scores per baseline name. */
  runs: Record<
    string,
    {
      scores: Scores;
      /** Each test task's score (absent for runs that did not keep them). */
      perTask?: PerTaskScores | undefined;
      seconds: number;
      steps: number;
      reusedFrom?: string;
    }
  >;
}

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
} {
  const dir = existsSync(join(path, 'warm-start')) ? join(path, 'warm-start') : path;
  const checkpoint = readCheckpoint(dir);
  if (checkpoint.step !== 0 || checkpoint.config.steps !== 0) {
    throw new UsageError(
      `--warm-from ${path}: the checkpoint in ${dir} has RL steps (${checkpoint.step}); give the warm-start run of an earlier experiment`,
    );
  }
  const want = warmStartFields(config);
  const have = warmStartFields(checkpoint.config);
  for (const key of Object.keys(want)) {
    if (JSON.stringify(want[key]) !== JSON.stringify(have[key])) {
      throw new UsageError(
        `--warm-from ${path}: its warm start used ${key} ${JSON.stringify(have[key])}, this grid ${JSON.stringify(want[key])}; train a new warm start (leave out --warm-from)`,
      );
    }
  }
  let scores: Scores = {};
  let perTask: PerTaskScores | undefined;
  let seconds = 0;
  try {
    const evalJson = JSON.parse(readFileSync(join(dir, 'eval.json'), 'utf8')) as {
      test?: Scores;
      testPerTask?: PerTaskScores;
      seconds?: number;
    };
    scores = evalJson.test ?? {};
    perTask = evalJson.testPerTask;
    seconds = evalJson.seconds ?? 0;
  } catch (error) {
    throw new UsageError(
      `--warm-from ${path}: cannot read ${join(dir, 'eval.json')} (${(error as Error).message}); the warm-start run must have finished`,
    );
  }
  return { checkpoint, scores, perTask, seconds, dir };
}

const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
/** ` ± 0.045`, or nothing when the error is unknown (absent, or NaN from a single task). */
const plusMinus = (stdErr: number | undefined): string =>
  stdErr === undefined || Number.isNaN(stdErr) ? '' : ` ± ${stdErr.toFixed(3)}`;
const cell = (s: KindScore | undefined): string =>
  s ? `${s.meanReward.toFixed(3)}${plusMinus(s.stdErr)}` : '—';

/** One run's mean score over the five skills, or — unless it scored all five. */
function meanScoreCell(result: GridResult, name: string): string {
  const parts = ATOMIC_SKILLS.map((k) => result.runs[name]?.scores[k]);
  if (!parts.every((p) => p !== undefined)) return '—';
  const m = meanOfEstimates(
    parts.map((p) => ({ value: p.meanReward, stdErr: p.stdErr ?? Number.NaN })),
  )!;
  return `${m.value.toFixed(3)}${plusMinus(m.stdErr)}`;
}

/** A run's name for each skill: one run for all (`joint-rl`), or one per skill (`single-<skill>`). */
type RunFor = (skill: TaskKind) => string;

/**
 * The by-project error of the mean over the five skills of run `a` minus run `b`, from every
 * task's paired difference (the skills share the test split's projects, so they are not
 * independent either). NaN unless both runs kept every skill's task scores.
 */
function meanDifferenceByProject(result: GridResult, a: RunFor, b: RunFor): number {
  const groups = ATOMIC_SKILLS.map((k) => {
    const [pa, pb] = [result.runs[a(k)]?.perTask?.[k], result.runs[b(k)]?.perTask?.[k]];
    return pa && pb ? taskDifferences(pa, pb) : [];
  });
  return groups.some((g) => g.length === 0) ? Number.NaN : clusteredStdErr(groups, projectCluster);
}

/** The mean over the five skills of run `a` minus run `b`, or null unless all five exist. */
function meanDifference(
  result: GridResult,
  a: RunFor,
  b: RunFor,
): { value: number; stdErr: number; byProject: number } | null {
  const diffs = ATOMIC_SKILLS.map((k) => difference(result, a(k), b(k), k));
  if (!diffs.every((d) => d !== null)) return null;
  const m = meanOfEstimates(diffs.map((d) => ({ value: d.diff, stdErr: d.stdErr })))!;
  return { ...m, byProject: meanDifferenceByProject(result, a, b) };
}

/** Run `a`'s score on `kind` minus run `b`'s: paired over tasks when both kept them. */
function difference(result: GridResult, a: string, b: string, kind: TaskKind): Difference | null {
  const [ra, rb] = [result.runs[a], result.runs[b]];
  const [sa, sb] = [ra?.scores[kind], rb?.scores[kind]];
  if (!sa || !sb) return null;
  const [pa, pb] = [ra?.perTask?.[kind], rb?.perTask?.[kind]];
  return (
    (pa && pb ? pairedDifference(pa, pb) : null) ??
    unpairedDifference(sa, sb) ?? {
      diff: sa.meanReward - sb.meanReward,
      stdErr: Number.NaN,
      byProject: Number.NaN,
      tasks: Math.min(sa.tasks, sb.tasks),
      paired: false,
    }
  );
}

/** ` (± 0.080 by project)`, or nothing when that error is unknown. */
const byProject = (stdErr: number): string =>
  Number.isNaN(stdErr) ? '' : ` (± ${stdErr.toFixed(3)} by project)`;
const diffCell = (d: Difference | null): string =>
  d ? `${signed(d.diff)}${plusMinus(d.stdErr)}${byProject(d.byProject)}` : '—';

/**
 * The paper-style table: rows are the five skills and five composite tasks; columns untrained,
 * warm start, joint RL, single-skill RL on the row's own skill, composite-only, joint RL minus
 * that single-skill run, and the gain of joint RL over warm start. Scores carry their standard
 * error over the test tasks where the runs recorded it; differences are paired over the same
 * tasks where the runs kept every task's score.
 */
export function gridTable(result: GridResult): string {
  const runs = result.runs;
  const header =
    '| Task | Untrained | Warm start | Joint RL | Single-skill RL (own skill) | Composite-only RL | Joint - single | Joint vs warm start |';
  const lines = [header, '|---|---:|---:|---:|---:|---:|---:|---:|'];
  for (const kind of TASK_KINDS) {
    const warm = runs['warm-start']?.scores[kind];
    const joint = runs['joint-rl']?.scores[kind];
    const atomic = (ATOMIC_SKILLS as readonly string[]).includes(kind);
    const single = atomic ? cell(runs[`single-${kind}`]?.scores[kind]) : '—';
    const vsSingle = atomic ? diffCell(difference(result, 'joint-rl', `single-${kind}`, kind)) : '';
    const gain =
      warm && joint
        ? warm.meanReward > 0
          ? `${(((joint.meanReward - warm.meanReward) / warm.meanReward) * 100).toFixed(0)}%`
          : `${signed(joint.meanReward - warm.meanReward)} (abs)`
        : '—';
    lines.push(
      `| ${kind} | ${cell(runs.untrained?.scores[kind])} | ${cell(warm)} | ${cell(joint)} | ${single} | ${cell(runs['composite-only']?.scores[kind])} | ${vsSingle} | ${gain} |`,
    );
  }
  const mean = (name: string): string => meanScoreCell(result, name);
  const meanGain = meanDifference(
    result,
    () => 'joint-rl',
    () => 'warm-start',
  );
  const gainCell = meanGain
    ? `${signed(meanGain.value)}${plusMinus(meanGain.stdErr)}${byProject(meanGain.byProject)} (abs)`
    : '';
  lines.push(
    `| **mean of 5 skills** | ${mean('untrained')} | ${mean('warm-start')} | ${mean('joint-rl')} | | ${mean('composite-only')} | | ${gainCell} |`,
  );
  lines.push(
    '',
    '± is a standard error over the test tasks (each task scored by its mean reward over the samples); the mean of 5 skills combines the five as independent; "Joint - single" and the mean gain over the warm start are paired over the same tasks where the runs kept every task\'s score. "By project" is the paired error with each project\'s tasks taken together (cluster-robust: tasks made from one project need not be independent; with the few projects of a test split, this estimate is rough itself).',
  );
  return lines.join('\n');
}

/**
 * The interference table: for each skill, joint RL beside its single-skill run of as many steps
 * and its single-skill run of as many tasks of that skill (`matched-<skill>`), and the paired
 * differences that split a gap: joint - matched is what the other skills' updates cost (the
 * same data of this skill either way), matched - single what a smaller share of each batch
 * costs (the same skill alone, fewer tasks). Differences are paired over the same tasks where
 * both runs kept every task's score.
 */
export function interferenceTable(result: GridResult): string {
  const runs = result.runs;
  const lines = [
    "| Skill | Warm start | Joint RL | Single-skill RL (same steps) | Single-skill RL (joint's share) | Joint - single | Joint - matched (interference) | Matched - single (share) |",
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const skill of ATOMIC_SKILLS) {
    const [single, matched] = [`single-${skill}`, `matched-${skill}`];
    lines.push(
      `| ${skill} | ${cell(runs['warm-start']?.scores[skill])} | ${cell(runs['joint-rl']?.scores[skill])} | ${cell(runs[single]?.scores[skill])} | ${cell(runs[matched]?.scores[skill])} | ${diffCell(difference(result, 'joint-rl', single, skill))} | ${diffCell(difference(result, 'joint-rl', matched, skill))} | ${diffCell(difference(result, matched, single, skill))} |`,
    );
  }
  // The scores of single and matched runs come from five runs, so only differences are averaged.
  const joint: RunFor = () => 'joint-rl';
  const single: RunFor = (k) => `single-${k}`;
  const matched: RunFor = (k) => `matched-${k}`;
  const meanCell = (a: RunFor, b: RunFor): string => {
    const m = meanDifference(result, a, b);
    return m ? `${signed(m.value)}${plusMinus(m.stdErr)}${byProject(m.byProject)}` : '—';
  };
  lines.push(
    `| **mean of 5 skills** | ${meanScoreCell(result, 'warm-start')} | ${meanScoreCell(result, 'joint-rl')} | | | ${meanCell(joint, single)} | ${meanCell(joint, matched)} | ${meanCell(matched, single)} |`,
  );
  lines.push(
    '',
    "Every RL run forks from the same warm start and trains as many steps. A single-skill run of the same steps draws all of a step's tasks from its skill; the matched one draws as many as a joint step draws of that skill (its share of the mix), so it sees the same amount of its skill's data as joint RL. Joint - matched below zero is interference (the other skills' updates cost this skill); matched - single below zero is the cost of the smaller share. The mean row averages each difference over the five skills (only when all five have both runs), combining them as independent, and by project with every task's paired difference. ± as in the paper table: standard errors over the test tasks, differences paired over the same tasks where the runs kept every task's score.",
  );
  return lines.join('\n');
}

const GRIDS: Record<string, { baselines: Baseline[]; table: (r: GridResult) => string }> = {
  paper: { baselines: PAPER_GRID, table: gridTable },
  interference: { baselines: INTERFERENCE_GRID, table: interferenceTable },
};

/** Each grid's baseline names (of the default recipe), for the usage text. */
export const GRID_BASELINES: Record<string, string[]> = Object.fromEntries(
  Object.entries(GRIDS).map(([name, g]) => [name, g.baselines.map(baselineName)]),
);

/**
 * The experiment already in `out` (its results.json), or null when there is none. Refused
 * unless `force`, and refused anyway when it was run on another config or seed (one table
 * must not mix them).
 */
function earlierExperiment(out: string, base: TrainConfig, force: boolean): GridResult | null {
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

/**
 * `a.b` paths where two configs differ, with both values: `learningRate 0.001 there, 0.002
 * here`. A field the earlier config lacks (saved before the field existed) is not compared.
 */
export function configDifferences(there: unknown, here: unknown, path = ''): string[] {
  if (there === undefined) return [];
  const isObject = (x: unknown): x is Record<string, unknown> =>
    typeof x === 'object' && x !== null && !Array.isArray(x);
  if (isObject(there) && isObject(here)) {
    const keys = [...new Set([...Object.keys(there), ...Object.keys(here)])].sort();
    return keys.flatMap((k) => configDifferences(there[k], here[k], path ? `${path}.${k}` : k));
  }
  const [a, b] = [JSON.stringify(there), JSON.stringify(here)];
  return a === b ? [] : [`${path} ${a} there, ${b ?? 'unset'} here`];
}

/** The first 16 hex digits of a file's SHA-256 (what a suite file held, wherever it is now). */
function fileDigest(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
  } catch (error) {
    throw new UsageError(`--suite ${path}: cannot read it (${(error as Error).message})`);
  }
}

/**
 * A warm start's directory as results.json records it: `<out>/warm-start` when it lies inside
 * the experiment (so a moved or copied experiment keeps its identity), else its absolute path.
 */
function warmStartName(out: string, dir: string): string {
  const inside = relative(resolve(out), resolve(dir));
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)
    ? `<out>/${inside.split(sep).join('/')}`
    : resolve(dir);
}

/**
 * Refuses to add runs to an experiment whose runs were trained otherwise: another base config
 * (any field, not just the name), suite, backend or warm start would make one table compare
 * runs that differ in more than their baseline. Results from before these were recorded are
 * checked on what they hold.
 */
function checkSameExperiment(out: string, earlier: GridResult, now: GridResult): void {
  const problems = [
    ...(earlier.config ? configDifferences(earlier.config, now.config) : []),
    ...(earlier.suite !== undefined && earlier.suite !== now.suite
      ? [`tasks from ${earlier.suite} there, ${now.suite} here`]
      : []),
    ...(earlier.backend !== now.backend
      ? [`backend ${earlier.backend} there, ${now.backend} here`]
      : []),
    ...(earlier.warmStart !== undefined &&
    now.warmStart !== undefined &&
    earlier.warmStart !== now.warmStart
      ? [`RL runs forked from the warm start in ${earlier.warmStart} there, ${now.warmStart} here`]
      : []),
  ];
  if (problems.length > 0)
    throw new UsageError(
      `${out} holds an experiment trained otherwise (${problems.join('; ')}); choose another --out, or give the same config, suite, backend and --warm-from; nothing was trained`,
    );
}

export async function experimentCommand(ctx: CommandContext): Promise<Record<string, unknown>> {
  const gridName = flagString(ctx.args, 'grid', 'paper');
  const grid = GRIDS[gridName];
  if (!grid)
    throw new UsageError(
      `--grid must be ${Object.keys(GRIDS)
        .map((g) => `"${g}"`)
        .join(' or ')}, got "${gridName}"`,
    );
  const out = flagString(ctx.args, 'out', `runs/${gridName}-grid`);
  let base = loadConfig(flagString(ctx.args, 'config', 'joint-rl'));
  if (ctx.args.flags.has('seed')) base = { ...base, seed: flagInt(ctx.args, 'seed', 1) };
  if (ctx.args.flags.has('steps')) base = { ...base, steps: flagInt(ctx.args, 'steps', 0) };
  const only = ctx.args.flags.get('only');
  if (only === true)
    throw new UsageError('--only needs baseline names, e.g. --only joint-rl,single-editing');
  const names = grid.baselines.map((b) => baselineConfig(base, b).name);
  const unknown = typeof only === 'string' ? only.split(',').filter((n) => !names.includes(n)) : [];
  if (unknown.length > 0)
    throw new UsageError(
      `--only: unknown baseline ${unknown.join(', ')}; the ${gridName} grid's baselines are ${names.join(', ')}`,
    );
  // Every run's config is checked before any training (a refusal after hours helps no one).
  const wanted = (b: Baseline): boolean =>
    typeof only !== 'string' || only.split(',').includes(baselineConfig(base, b).name);
  for (const b of grid.baselines) {
    if (!wanted(b)) continue;
    const config = baselineConfig(base, b);
    const problem = checkConfig(config);
    if (problem) throw new UsageError(`${config.name}: ${problem}; nothing was trained`);
  }
  const previous = earlierExperiment(out, base, ctx.args.flags.has('force'));
  const backend = await useNodeBackend(flagString(ctx.args, 'backend', 'wasm'));
  const suiteSeed = flagInt(ctx.args, 'suite-seed', 1);
  const suiteFile = suiteFileFlag(ctx);
  const testSkills = ctx.args.flags.get('test-skills');
  if (testSkills === true)
    throw new UsageError('--test-skills needs task kinds, e.g. --test-skills atomic');
  const testKinds =
    testSkills === undefined ? null : TASK_KINDS.filter((k) => parseKinds(testSkills).includes(k));
  // With --force, the baselines this run does not train keep their earlier results.
  const result: GridResult = {
    base: base.name,
    seed: base.seed,
    backend,
    config: base,
    suite: suiteFile
      ? `the file ${basename(suiteFile.path)} (sha256 ${fileDigest(suiteFile.path)}), suite seed ${suiteSeed}`
      : `the built-in suite, seed ${suiteSeed}`,
    runs: { ...(previous?.runs ?? {}) },
  };
  let warm: Checkpoint | null = null;
  const warmFrom = ctx.args.flags.get('warm-from');
  let reused: ReturnType<typeof reuseWarmStart> | null = null;
  if (warmFrom !== undefined) {
    if (typeof warmFrom !== 'string') throw new UsageError('--warm-from needs a directory');
    reused = reuseWarmStart(warmFrom, baselineConfig(base, { kind: 'warm-start' }));
  }
  // The warm start runs when wanted or when an RL baseline forks from it.
  const forked = grid.baselines.some((b) => wanted(b) && b.kind !== 'untrained');
  // Adding RL runs to an experiment (--force): they fork from its own finished warm start,
  // reused rather than trained again, unless the warm start itself is asked for.
  if (
    !reused &&
    previous &&
    forked &&
    !grid.baselines.some((b) => b.kind === 'warm-start' && wanted(b)) &&
    existsSync(join(out, 'warm-start', 'eval.json'))
  )
    reused = reuseWarmStart(out, baselineConfig(base, { kind: 'warm-start' }));
  if (reused || forked)
    result.warmStart = warmStartName(out, reused?.dir ?? join(out, 'warm-start'));
  else if (previous?.warmStart) result.warmStart = previous.warmStart;
  if (previous) checkSameExperiment(out, previous, result);
  if (reused) {
    warm = reused.checkpoint;
    result.runs['warm-start'] = {
      scores: reused.scores,
      perTask: reused.perTask,
      seconds: reused.seconds,
      steps: 0,
      reusedFrom: reused.dir,
    };
    ctx.print(`reusing the warm start in ${reused.dir}`);
  }
  const suite = await builtinSplits(ctx.sandbox, suiteSeed, ctx.quiet, suiteFile);
  // --test-skills: every run's final test on those kinds only (the composites' are the slow ones).
  const splits = testKinds
    ? { ...suite, test: suite.test.filter((t) => testKinds.includes(t.kind)) }
    : suite;
  if (testKinds && splits.test.length === 0)
    throw new UsageError(
      `--test-skills: the suite has no test tasks of ${testKinds.join(', ')}; nothing was trained`,
    );
  ctx.print(
    `${gridName} grid on "${base.name}" (seed ${base.seed}, ${base.steps} RL steps, ${backend}): train ${splits.train.length}, val ${splits.val.length}, test ${splits.test.length} tasks`,
  );
  // A joint step draws only the skills the training tasks have: matched runs take that share.
  const kinds = new Set(splits.train.map((t) => t.kind));
  const present = ATOMIC_SKILLS.filter((k) => kinds.has(k));
  const rlWanted = grid.baselines.filter(
    (b) => wanted(b) && b.kind !== 'untrained' && b.kind !== 'warm-start',
  );
  for (const b of rlWanted) {
    if (b.kind !== 'matched') continue;
    const config = baselineConfig(base, b, present);
    const exact = jointShareExact(base, b.skill, present);
    const why =
      present.length < ATOMIC_SKILLS.length
        ? `, as the training tasks have only ${present.join(', ')}`
        : '';
    if (exact !== config.tasksPerStep || why)
      ctx.print(
        `${config.name}: ${config.tasksPerStep} tasks a step${why} (a joint step draws ${exact.toFixed(2)} of ${b.skill} on average)`,
      );
  }
  const instead =
    typeof only === 'string' ? 'leave it out of --only' : 'name the others with --only';
  for (const config of rlWanted.map((b) => baselineConfig(base, b, present)))
    if (config.steps > 0 && !config.trainKinds.some((k) => kinds.has(k)))
      throw new UsageError(
        `${config.name}: the suite has no training tasks of ${config.trainKinds.join(', ')} (it has ${[...kinds].join(', ') || 'none'}); ${instead} or give a suite that has them; nothing was trained`,
      );
  for (const baseline of grid.baselines) {
    const config = baselineConfig(base, baseline, present);
    const rl = baseline.kind !== 'untrained' && baseline.kind !== 'warm-start';
    if (baseline.kind === 'warm-start' && warm) continue;
    if (!wanted(baseline) && !(baseline.kind === 'warm-start' && forked)) continue;
    const started = performance.now();
    clearRunDir(join(out, config.name));
    // Every RL baseline forks from the one warm-start checkpoint, as in the paper.
    const output = await trainToDir({
      config,
      splits,
      sandbox: ctx.sandbox,
      out: join(out, config.name),
      print: ctx.print,
      ...(rl && warm ? { initFrom: warm } : {}),
    });
    if (baseline.kind === 'warm-start') warm = output.checkpoint;
    const test = output.evals.filter((e) => e.split === 'test').at(-1);
    result.runs[config.name] = {
      scores: test?.result.bySkill ?? {},
      perTask: test?.result.perTask,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      steps: output.checkpoint.step,
    };
    writeFileSync(join(out, 'results.json'), JSON.stringify(result, null, 2));
  }
  const table = grid.table(result);
  // One table per grid: the runs of both can share a directory (--force adds to it).
  writeFileSync(
    join(out, gridName === 'paper' ? 'table.md' : `table-${gridName}.md`),
    `${table}\n`,
  );
  ctx.print(table);
  return result as unknown as Record<string, unknown>;
}
