import '../node/tf';
import * as tf from '@tensorflow/tfjs-core';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeBuildId } from '../node/buildId';
import { linesOfFile } from '../node/lines';
import { createNodeSandbox } from '../node/sandbox';
import { scratchDir } from '../node/scratchDir';
import type { EpisodeRecord } from '../protocol/episodes';
import { decodeCheckpoint } from '../rl/checkpointCodec';
import { configGroup } from '../rl/config';
import { suiteKey } from '../rl/suiteSource';
import { checkBundle, type RunBundle } from '../storage/bundle';
import { parseArgs } from './args';
import { bundleCommand, bundleRunDir } from './bundle';
import { projectTasks, tinyRun } from './testFixtures';
import { readCheckpoint, TEST_EPISODES_FILE, trainToDir } from './train';

const sandbox = createNodeSandbox({ size: 2 });
afterAll(() => sandbox.dispose());

describe('lab bundle', () => {
  it('makes a finished run directory one bundle the app imports: curves, evaluations, checkpoint, test answers', async () => {
    await tf.setBackend('cpu');
    const tasks = await projectTasks(sandbox);
    const out = scratchDir('lab-bundle');
    const config = { ...tinyRun, name: 'bundled', evalEvery: 2 };
    await trainToDir({
      config,
      splits: { train: tasks, val: tasks, test: tasks },
      sandbox,
      out: join(out, 'run'),
      print: () => {},
      suite: { source: { file: '/somewhere/roman.jsonl' } },
    });
    const dir = join(out, 'run');
    const evalJson = JSON.parse(readFileSync(join(dir, 'eval.json'), 'utf8')) as {
      buildId: string;
      suite: unknown;
      test: Record<string, { meanReward: number }>;
    };
    expect(evalJson.buildId).toBe(codeBuildId());
    expect(evalJson.suite).toEqual({ file: '/somewhere/roman.jsonl' });

    const bundle = bundleRunDir(dir);
    expect(checkBundle(bundle)).toBeNull();
    const { run } = bundle;
    expect(run).toMatchObject({ name: 'bundled', status: 'done', step: 3, steps: 3 });
    expect(run.tags).toEqual(['node']);
    expect(run.group).toBe(configGroup(config));
    expect(run.config).toEqual(config);
    for (const [kind, score] of Object.entries(evalJson.test))
      expect(run.finalRewards[kind as keyof typeof run.finalRewards]).toBe(score.meanReward);
    // Every step's metrics as logged, with the wall time summed along the way.
    const logged = [...linesOfFile(join(dir, 'metrics.jsonl'))].map(
      (l) => JSON.parse(l) as { type: string; step: number; wallMs?: number },
    );
    const steps = logged.filter((l) => l.type === 'step');
    expect(bundle.points.map((p) => p.step)).toEqual([0, 1, 2]);
    expect(bundle.points.map((p) => ({ type: 'step', ...p.point }))).toEqual(steps);
    expect(bundle.points.at(-1)!.elapsedMs).toBeCloseTo(
      steps.reduce((s, l) => s + (l.wallMs ?? 0), 0),
      6,
    );
    expect(bundle.evals.map((e) => `${e.split}@${e.step}`)).toEqual(
      logged
        .filter((l) => l.type === 'eval')
        .map((l) => `${(l as { split?: string }).split}@${l.step}`),
    );
    expect(bundle.evals.every((e) => e.runId === run.id)).toBe(true);
    // The test answers, under the bundle's run id; the final checkpoint, decodable as the run's.
    const answers = [...linesOfFile(join(dir, TEST_EPISODES_FILE))].map(
      (l) => JSON.parse(l) as EpisodeRecord,
    );
    expect(bundle.episodes).toHaveLength(answers.length);
    expect(bundle.episodes.map((e) => ({ ...e, runId: 'bundled' }))).toEqual(answers);
    expect(bundle.episodes.every((e) => e.runId === run.id)).toBe(true);
    expect(bundle.checkpoints).toHaveLength(1);
    const decoded = decodeCheckpoint(bundle.checkpoints[0]!.checkpoint);
    expect(decoded.step).toBe(3);
    expect(decoded.weights).toEqual(readCheckpoint(dir).weights);
    // Trained on a suite file: the app is told it cannot rebuild the observations.
    expect(run.suiteKey).toBe('node:file:roman.jsonl');
    expect(run.message).toContain('the suite file roman.jsonl');

    // On the built-in suite, with its build recorded: the key the app gives that suite.
    const evalFile = join(dir, 'eval.json');
    const original = readFileSync(evalFile, 'utf8');
    writeFileSync(evalFile, JSON.stringify({ ...JSON.parse(original), suite: { builtin: 5 } }));
    const builtin = bundleRunDir(dir).run;
    expect(builtin.suite).toEqual({ projects: 'all', seed: 5 });
    expect(builtin.suiteKey).toBe(suiteKey({ projects: 'all', seed: 5 }, codeBuildId()));
    // On the quick suite: the key of the app's quick demo suite.
    writeFileSync(evalFile, JSON.stringify({ ...JSON.parse(original), suite: { quick: 3 } }));
    const quick = bundleRunDir(dir).run;
    expect(quick.suite).toEqual({ projects: 'quick', seed: 3 });
    expect(quick.suiteKey).toBe(suiteKey({ projects: 'quick', seed: 3 }, codeBuildId()));
    // A run from before runs recorded them.
    const older = JSON.parse(original) as Record<string, unknown>;
    delete older.suite;
    delete older.buildId;
    writeFileSync(evalFile, JSON.stringify(older));
    expect(bundleRunDir(dir).run.suiteKey).toBe('node:unrecorded');
    writeFileSync(evalFile, original);

    // Through the command: written to --out, never over a file unless told.
    const file = join(out, 'bundled.json');
    const ctx = (argv: string[]) => ({
      args: parseArgs(['bundle', ...argv]),
      sandbox,
      quiet: true,
      print: () => {},
    });
    const summary = await bundleCommand(ctx(['--run', dir, '--out', file, '--name', 'from node']));
    expect(summary).toMatchObject({ run: 'from node', steps: 3, points: 3 });
    expect(checkBundle(JSON.parse(readFileSync(file, 'utf8')))).toBeNull();
    expect(() => bundleCommand(ctx(['--run', dir, '--out', file]))).toThrow(
      /exists already.*--force/,
    );
    // Unfinished runs, and directories that are no runs, are refused with what to do.
    const unfinished = join(out, 'unfinished');
    scratchCopy(dir, unfinished, ['config.json', 'metrics.jsonl', 'checkpoint.json']);
    expect(() => bundleRunDir(unfinished)).toThrow(/has not finished.*--resume/);
    expect(() => bundleRunDir(join(out, 'none'))).toThrow(/does not exist/);
    expect(() => bundleRunDir(out)).toThrow(/no config\.json/);

    // A whole experiment: a bundle per run its results.json lists, a reused warm start's from
    // where it was trained; every one checked before any is written.
    const exp = join(out, 'exp');
    scratchCopy(
      dir,
      join(exp, 'joint-rl'),
      readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name),
    );
    const score = { localization: { tasks: 2, meanReward: 0.5 } };
    const results = {
      runs: {
        'joint-rl': { scores: score, seconds: 1, steps: 3 },
        'warm-start': { scores: score, seconds: 1, steps: 0, reusedFrom: dir },
      },
    };
    writeFileSync(join(exp, 'results.json'), JSON.stringify(results));
    const folder = join(out, 'bundles');
    const lines: string[] = [];
    const argv = ['--experiment', exp, '--out', folder];
    await bundleCommand({ ...ctx(argv), print: (l: string) => void lines.push(l) });
    expect(readdirSync(folder).sort()).toEqual(['joint-rl.json', 'warm-start.json']);
    for (const f of readdirSync(folder)) {
      const made = JSON.parse(readFileSync(join(folder, f), 'utf8')) as RunBundle;
      expect(checkBundle(made)).toBeNull();
      expect(made.checkpoints[0]!.checkpoint).toEqual(bundle.checkpoints[0]!.checkpoint);
    }
    expect(lines.at(-1)).toMatch(/^2 bundles in .*bundles\. Open the app's Train page/);
    expect(() => bundleCommand(ctx(argv))).toThrow(
      /joint-rl\.json, .*warm-start\.json exist already.*--force/,
    );
    await bundleCommand(ctx([...argv, '--force']));
    expect(() => bundleCommand(ctx([...argv, '--run', dir]))).toThrow(/drop --run and --name/);
    expect(() => bundleCommand(ctx(['--experiment', dir, '--out', folder]))).toThrow(
      /no results\.json: it is not the --out of lab experiment/,
    );
    expect(() => bundleCommand(ctx(['--experiment', exp, '--out', file]))).toThrow(/is a file/);
    // A listed run whose folder is gone: refused, and nothing is written.
    rmSync(folder, { recursive: true });
    writeFileSync(
      join(exp, 'results.json'),
      JSON.stringify({ runs: { ...results.runs, 'single-editing': results.runs['joint-rl'] } }),
    );
    expect(() => bundleCommand(ctx(argv))).toThrow(/single-editing does not exist/);
    expect(existsSync(folder)).toBe(false);
  }, 120_000);
});

function scratchCopy(from: string, to: string, files: string[]): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const f of files) copyFileSync(join(from, f), join(to, f));
}
