// `lab bundle`: a run trained in Node as a run bundle the app imports, so its curves, final
// scores and test answers show on the Train page beside the runs trained in the browser.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { hashString } from '../core/rng';
import { readGridResult, type GridResult } from '../eval/grid';
import { errorText } from '../protocol/errorText';
import type { TaskKind } from '../core/tasks/types';
import { linesOfFile } from '../node/lines';
import { finalScores, type EvalRecord, type StepPoint } from '../protocol/training';
import { decodeCheckpoint, type EncodedCheckpoint } from '../rl/checkpointCodec';
import { configGroup, type TrainConfig } from '../rl/config';
import { nodeSuiteKey, suiteKey, type SuiteSpec } from '../rl/suiteSource';
import { checkBundle, type RunBundle } from '../storage/bundle';
import type { EpisodeRecord, RunRecord } from '../storage/db';
import { flagString, UsageError } from './args';
import type { CommandContext } from './commands';
import { checkWritableFile } from './outPaths';
import type { RunSuiteSource } from './runSuite';
import { TEST_EPISODES_FILE } from './train';

/** What `lab bundle` reads of a run's eval.json (written when the run finished). */
interface FinishedRun {
  steps: number;
  seconds?: number;
  backend?: string;
  test?: EvalRecord['bySkill'];
  warmStartKinds?: TaskKind[];
  suite?: RunSuiteSource;
  buildId?: string;
}

const readJson = (path: string, what: string): unknown => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${what} from ${path}: ${(error as Error).message}`);
  }
};

/**
 * Where the run's tasks came from, as the app keeps it. A run on the built-in suite (or the quick
 * suite), with the build id of the code that made it, gets the key the app gives its "Whole
 * corpus" (or "Quick demo") suite under that build: an app of the same build rebuilds what the
 * run's policy saw once that suite is cached. Otherwise (a suite file, or a run from before runs recorded their build) the key
 * says so, and the app shows the run's answers without its observations.
 */
function runSuite(done: FinishedRun): { suite: SuiteSpec; suiteKey: string; note: string } {
  const source = done.suite;
  if (source && 'builtin' in source && done.buildId) {
    const suite: SuiteSpec = { projects: 'all', seed: source.builtin };
    return {
      suite,
      suiteKey: suiteKey(suite, done.buildId),
      note: `the built-in suite (seed ${source.builtin}), build ${done.buildId}`,
    };
  }
  if (source && 'quick' in source && done.buildId) {
    const suite: SuiteSpec = { projects: 'quick', seed: source.quick };
    return {
      suite,
      suiteKey: suiteKey(suite, done.buildId),
      note: `the quick suite (seed ${source.quick}), build ${done.buildId}`,
    };
  }
  const note =
    source && 'file' in source
      ? `the suite file ${basename(source.file)}`
      : 'a suite this run did not record (trained before runs recorded their suite and build)';
  return {
    suite: { projects: 'all', seed: source && 'builtin' in source ? source.builtin : 1 },
    suiteKey: nodeSuiteKey(source && 'file' in source ? basename(source.file) : undefined),
    note,
  };
}

/** A finished run directory of `lab train` (or of an experiment) as one run bundle. */
export function bundleRunDir(dir: string, name?: string): RunBundle {
  if (!existsSync(dir)) throw new UsageError(`${dir} does not exist`);
  if (!existsSync(join(dir, 'config.json')))
    throw new UsageError(`${dir} holds no config.json: it is not a run directory of lab train`);
  if (!existsSync(join(dir, 'eval.json')) || !existsSync(join(dir, 'checkpoint.json')))
    throw new UsageError(
      existsSync(join(dir, 'checkpoint.json'))
        ? `${dir} has not finished (no eval.json): finish it with \`npm run lab -- train --out ${dir} --resume\`, then bundle it`
        : `${dir} has not finished and holds no checkpoint to resume from: train it again (in an experiment, \`npm run lab -- experiment ... --force --only ${basename(dir)}\`), then bundle it`,
    );
  const config = readJson(join(dir, 'config.json'), 'the config') as TrainConfig;
  const done = readJson(join(dir, 'eval.json'), 'the final evaluation') as FinishedRun;
  const checkpoint = readJson(join(dir, 'checkpoint.json'), 'the checkpoint') as EncodedCheckpoint;
  try {
    decodeCheckpoint(checkpoint);
  } catch (error) {
    throw new UsageError(`${join(dir, 'checkpoint.json')}: ${(error as Error).message}`);
  }
  if (checkpoint.step !== done.steps)
    throw new UsageError(
      `${dir}: its checkpoint is at step ${checkpoint.step} but eval.json at step ${done.steps}: the run was resumed and not finished; finish it with \`npm run lab -- train --out ${dir} --resume\``,
    );

  const metricsText = existsSync(join(dir, 'metrics.jsonl'))
    ? readFileSync(join(dir, 'metrics.jsonl'), 'utf8')
    : '';
  const id = `node-${config.name}-s${config.seed}-${hashString(metricsText).toString(16)}`;
  const points: RunBundle['points'] = [];
  const evals: RunBundle['evals'] = [];
  let elapsed = 0;
  for (const [i, text] of metricsText.split('\n').entries()) {
    if (!text.trim()) continue;
    let line: { type?: string; step?: number; wallMs?: number };
    try {
      line = JSON.parse(text) as typeof line;
    } catch {
      throw new UsageError(`${join(dir, 'metrics.jsonl')}: line ${i + 1} is not JSON`);
    }
    const { type, ...rest } = line;
    if (type === 'step') {
      elapsed += line.wallMs ?? 0;
      points.push({ runId: id, step: line.step!, elapsedMs: elapsed, point: rest as StepPoint });
    } else if (type === 'eval') evals.push({ runId: id, ...(rest as EvalRecord) });
  }
  const episodesFile = join(dir, TEST_EPISODES_FILE);
  const episodes: EpisodeRecord[] = [];
  if (existsSync(episodesFile)) {
    let at = 0;
    for (const l of linesOfFile(episodesFile)) {
      at++;
      if (!l.trim()) continue;
      try {
        episodes.push({ ...(JSON.parse(l) as EpisodeRecord), runId: id });
      } catch {
        throw new UsageError(
          `${episodesFile}: line ${at} is not JSON (the file was cut short or edited); nothing was written`,
        );
      }
    }
  }
  const { suite, suiteKey: key, note } = runSuite(done);
  const backend = (['webgpu', 'wasm', 'cpu'] as const).find((b) => b === done.backend) ?? null;
  const run: RunRecord = {
    id,
    name: name ?? config.name,
    status: 'done',
    tags: ['node'],
    backend,
    createdAt: Math.round(statSync(join(dir, 'config.json')).mtimeMs),
    step: done.steps,
    steps: config.steps,
    elapsedMs: Math.round((done.seconds ?? elapsed / 1000) * 1000),
    ...finalScores(done.test ?? {}),
    message: `Trained in Node (npm run lab -- train) on ${note}; bundled from ${basename(dir)}.`,
    group: configGroup(config),
    mix: config.mix,
    trainKinds: config.trainKinds,
    ...(done.warmStartKinds ? { warmStartKinds: done.warmStartKinds } : {}),
    config,
    suite,
    suiteKey: key,
  };
  const bundle: RunBundle = {
    format: 'atomic-skills-lab/run-bundle',
    version: 1,
    exportedAt: new Date().toISOString(),
    run,
    points,
    evals,
    events: [],
    checkpoints: [
      {
        runId: id,
        step: checkpoint.step,
        savedAt: Math.round(statSync(join(dir, 'checkpoint.json')).mtimeMs),
        checkpoint,
      },
    ],
    episodes,
  };
  // What the app's import checks, checked here: a bundle this writes is one the app takes.
  const problem = checkBundle(bundle);
  if (problem) throw new UsageError(`${dir} does not make a bundle the app imports: ${problem}`);
  return bundle;
}

/** One bundle written: where, and what the summary line says of it. */
interface Written {
  out: string;
  run: string;
  steps: number;
  points: number;
  evals: number;
  episodes: number;
  megabytes: number;
}

function writeBundle(out: string, bundle: RunBundle): Written {
  const text = JSON.stringify(bundle);
  writeFileSync(out, text);
  return {
    out,
    run: bundle.run.name,
    steps: bundle.run.step,
    points: bundle.points.length,
    evals: bundle.evals.length,
    episodes: bundle.episodes.length,
    megabytes: Math.round(text.length / 1e5) / 10,
  };
}

const describeWritten = (w: Written): string =>
  `wrote ${w.out}: run "${w.run}", ${w.steps} steps, ${w.evals} evaluations, ${w.episodes} test answers (${w.megabytes} MB)`;

const IMPORT_HINT =
  'Open the app\'s Train page and choose "import bundle" to see it beside the browser\'s runs.';

/**
 * Every run of a `lab experiment` directory (as its results.json lists them; a reused warm start
 * from where it was trained) as a bundle each, `<out>/<run>.json`: all of them checked before
 * any is written, so a refusal leaves `out` as it was.
 */
export function bundleExperimentDir(
  dir: string,
  out: string,
  force: boolean,
): { file: string; bundle: RunBundle }[] {
  const resultsFile = join(dir, 'results.json');
  if (!existsSync(resultsFile))
    throw new UsageError(
      `${dir} holds no results.json: it is not the --out of lab experiment (bundle one run with --run <dir>)`,
    );
  let result: GridResult;
  try {
    result = readGridResult(JSON.parse(readFileSync(resultsFile, 'utf8')));
  } catch (error) {
    throw new UsageError(`${resultsFile}: cannot read it (${errorText(error)})`);
  }
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new UsageError(
      `${out} is a file: with --experiment, --out is a folder for one bundle per run`,
    );
  const made = Object.entries(result.runs).map(([name, run]) => ({
    file: join(out, `${name}.json`),
    bundle: bundleRunDir(run.reusedFrom ?? join(dir, name)),
  }));
  if (made.length === 0) throw new UsageError(`${resultsFile} lists no runs`);
  const there = made.filter((m) => existsSync(m.file)).map((m) => m.file);
  if (there.length > 0 && !force)
    throw new UsageError(
      `${there.join(', ')} exist${there.length === 1 ? 's' : ''} already: choose another --out, or add --force to replace ${there.length === 1 ? 'it' : 'them'}`,
    );
  mkdirSync(out, { recursive: true });
  return made;
}

export function bundleCommand(ctx: CommandContext): Promise<Record<string, unknown>> {
  const out = flagString(ctx.args, 'out');
  const force = ctx.args.flags.has('force');
  if (ctx.args.flags.has('experiment')) {
    if (ctx.args.flags.has('run') || ctx.args.flags.has('name'))
      throw new UsageError(
        '--experiment bundles every run of an experiment under its own name: drop --run and --name, or bundle one run with --run alone',
      );
    const made = bundleExperimentDir(flagString(ctx.args, 'experiment'), out, force);
    const written = made.map((m) => writeBundle(m.file, m.bundle));
    for (const w of written) ctx.print(describeWritten(w));
    ctx.print(
      `${written.length} bundles in ${out}. Open the app's Train page and choose "import bundle" with all of them selected to see the experiment beside the browser's runs (the Evaluate page's grid then reads them).`,
    );
    return Promise.resolve({ out, bundles: written });
  }
  const dir = flagString(ctx.args, 'run');
  checkWritableFile(out, '--out', force);
  const name = ctx.args.flags.has('name') ? flagString(ctx.args, 'name') : undefined;
  const summary = writeBundle(out, bundleRunDir(dir, name));
  ctx.print(`${describeWritten(summary)}. ${IMPORT_HINT}`);
  return Promise.resolve({ ...summary });
}
