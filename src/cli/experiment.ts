import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ATOMIC_SKILLS, TASK_KINDS } from '../core/tasks/types';
import type { Checkpoint } from '../rl/checkpoint';
import { checkConfig } from '../rl/config';
import {
  baselineConfig,
  baselineName,
  INTERFERENCE_GRID,
  jointShareExact,
  PAPER_GRID,
  type Baseline,
} from '../rl/presets';
import { flagInt, flagString, UsageError } from './args';
import { checkOutFolder } from './outPaths';
import type { CommandContext } from './commands';
import {
  checkSameExperiment,
  earlierExperiment,
  reuseWarmStart,
  warmStartDigest,
  warmStartName,
} from './experimentDir';
import type { GridResult } from './gridResult';
import { gridTable, interferenceTable } from '../eval/gridTables';
import { buildsNote } from '../eval/grid';
import { codeBuildId } from '../node/buildId';
import { parseKinds } from './suites';
import { fileDigest, recordSuite, runSplits, suiteFlag, tasksDiffer } from './runSuite';
import { loadConfig, clearRunDir, trainToDir, useNodeBackend } from './train';

const GRIDS: Record<string, { baselines: Baseline[]; table: (r: GridResult) => string }> = {
  paper: { baselines: PAPER_GRID, table: gridTable },
  interference: { baselines: INTERFERENCE_GRID, table: interferenceTable },
};

/** The grid `--grid` names, or a refusal that lists the grids there are. */
export function gridNamed(name: string): (typeof GRIDS)[string] {
  const grid = GRIDS[name];
  if (!grid)
    throw new UsageError(
      `--grid must be ${Object.keys(GRIDS)
        .map((g) => `"${g}"`)
        .join(' or ')}, got "${name}"`,
    );
  return grid;
}

/** Each grid's baseline names (of the default recipe), for the usage text. */
export const GRID_BASELINES: Record<string, string[]> = Object.fromEntries(
  Object.entries(GRIDS).map(([name, g]) => [name, g.baselines.map(baselineName)]),
);

export async function experimentCommand(ctx: CommandContext): Promise<Record<string, unknown>> {
  const gridName = flagString(ctx.args, 'grid', 'paper');
  const grid = gridNamed(gridName);
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
  // A new experiment's folder: its own entries are results.json, its tables and a folder per baseline of any grid.
  const ours = (name: string): boolean =>
    name === 'results.json' ||
    /^table(-[a-z]+)?\.md$/.test(name) ||
    Object.values(GRID_BASELINES).some((names) => names.includes(name));
  const previous = earlierExperiment(out, base, ctx.args.flags.has('force'));
  if (!previous) checkOutFolder(out, 'experiment', ours, ctx.args.flags.has('force'));
  const backend = await useNodeBackend(flagString(ctx.args, 'backend', 'wasm'));
  const suiteSeed = flagInt(ctx.args, 'suite-seed', 1);
  const suiteArg = suiteFlag(ctx);
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
    suite: !suiteArg
      ? `the built-in suite, seed ${suiteSeed}`
      : 'quick' in suiteArg
        ? `the quick suite, seed ${suiteSeed}`
        : `the file ${basename(suiteArg.path)} (sha256 ${fileDigest(suiteArg.path)}), suite seed ${suiteSeed}`,
    runs: { ...(previous?.runs ?? {}) },
  };
  let warm: Checkpoint | null = null;
  const warmFrom = ctx.args.flags.get('warm-from');
  let reused: ReturnType<typeof reuseWarmStart> | null = null;
  if (warmFrom !== undefined) {
    if (typeof warmFrom !== 'string' || warmFrom.trim() === '')
      throw new UsageError('--warm-from needs a directory');
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
  // Known now for a warm start reused; for one trained here, once it is.
  if (reused) result.warmStartDigest = warmStartDigest(reused.dir);
  else if (!forked && previous?.warmStartDigest) result.warmStartDigest = previous.warmStartDigest;
  if (previous) checkSameExperiment(out, previous, result);
  if (reused) {
    warm = reused.checkpoint;
    result.runs['warm-start'] = {
      scores: reused.scores,
      perTask: reused.perTask,
      seconds: reused.seconds,
      steps: 0,
      reusedFrom: reused.dir,
      ...(reused.buildId ? { buildId: reused.buildId } : {}),
    };
    ctx.print(`reusing the warm start in ${reused.dir}`);
  }
  const suite = await runSplits(ctx.sandbox, suiteSeed, ctx.quiet, suiteArg);
  // What each run records of its suite: the whole suite's tasks, though --test-skills narrows its test.
  const recorded = recordSuite(suiteSeed, suiteArg, suite);
  result.tasks = recorded.tasks!;
  const warmDir = reused?.dir;
  const warmChanged = tasksDiffer(reused?.tasks, result.tasks);
  if (warmChanged)
    throw new UsageError(
      `the warm start in ${warmDir} was trained on other tasks: ${warmChanged}; train a new warm start (leave out --warm-from), or give the suite it was trained on; nothing was trained`,
    );
  const changed = tasksDiffer(previous?.tasks, result.tasks);
  if (changed)
    throw new UsageError(
      `${out} holds an experiment trained on other tasks: ${changed} (the suite was built again, or its file changed, since). Its table would compare runs on different tasks: choose another --out; nothing was trained`,
    );
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
  // One table per grid: the runs of both can share a directory (--force adds to it).
  const tableFile = join(out, gridName === 'paper' ? 'table.md' : `table-${gridName}.md`);
  const tableText = (): string => {
    const note = buildsNote(result);
    return note ? `${grid.table(result)}\n\nNote: ${note}.` : grid.table(result);
  };
  for (const baseline of grid.baselines) {
    const config = baselineConfig(base, baseline, present);
    const rl = baseline.kind !== 'untrained' && baseline.kind !== 'warm-start';
    if (baseline.kind === 'warm-start' && warm) continue;
    if (!wanted(baseline) && !(baseline.kind === 'warm-start' && forked)) continue;
    const started = performance.now();
    // Its old scores go from the results before its files do: stopped half-way, the table then
    // lacks the run rather than showing scores its directory no longer holds.
    if (result.runs[config.name]) {
      delete result.runs[config.name];
      writeFileSync(join(out, 'results.json'), JSON.stringify(result, null, 2));
      writeFileSync(tableFile, `${tableText()}\n`);
    }
    clearRunDir(join(out, config.name));
    // Every RL baseline forks from the one warm-start checkpoint, as in the paper.
    const output = await trainToDir({
      config,
      splits,
      sandbox: ctx.sandbox,
      out: join(out, config.name),
      print: ctx.print,
      ...(rl && warm ? { initFrom: warm } : {}),
      suite: recorded,
    });
    if (baseline.kind === 'warm-start') {
      warm = output.checkpoint;
      result.warmStartDigest = warmStartDigest(join(out, config.name));
    }
    const test = output.evals.filter((e) => e.split === 'test').at(-1);
    result.runs[config.name] = {
      scores: test?.result.bySkill ?? {},
      perTask: test?.result.perTask,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      steps: output.checkpoint.step,
      ...(rl ? { trainKinds: config.trainKinds } : {}),
      buildId: codeBuildId(),
    };
    writeFileSync(join(out, 'results.json'), JSON.stringify(result, null, 2));
  }
  const table = tableText();
  writeFileSync(tableFile, `${table}\n`);
  ctx.print(table);
  return result as unknown as Record<string, unknown>;
}
