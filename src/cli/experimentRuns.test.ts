import '../node/tf';
import * as tf from '@tensorflow/tfjs-core';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { suiteLines } from '../core/tasks/suite';
import { ATOMIC_SKILLS } from '../core/tasks/types';
import { createNodeSandbox } from '../node/sandbox';
import { scratchDir } from '../node/scratchDir';
import { baselineConfig } from '../rl/presets';
import { parseArgs } from './args';
import { experimentCommand } from './experiment';
import { reuseWarmStart } from './experimentDir';
import type { GridResult } from './gridResult';
import { projectTasks, tinyRun } from './testFixtures';
import { trainToDir } from './train';

const sandbox = createNodeSandbox({ size: 2 });
afterAll(() => sandbox.dispose());

describe('lab experiment --warm-from', () => {
  it('reuses a finished warm start with its test scores, and refuses one trained otherwise', async () => {
    await tf.setBackend('cpu');
    const tasks = await projectTasks(sandbox);
    const grid = scratchDir('lab-grid');
    const warmConfig = baselineConfig(tinyRun, { kind: 'warm-start' });
    await trainToDir({
      config: warmConfig,
      splits: { train: tasks, val: tasks, test: tasks },
      sandbox,
      out: join(grid, 'warm-start'),
      print: () => {},
    });
    const reused = reuseWarmStart(grid, baselineConfig(tinyRun, { kind: 'warm-start' }));
    expect(reused.dir).toBe(join(grid, 'warm-start'));
    expect(reused.checkpoint.step).toBe(0);
    const evalJson = JSON.parse(readFileSync(join(grid, 'warm-start', 'eval.json'), 'utf8')) as {
      test: unknown;
      testPerTask: unknown;
    };
    expect(reused.scores).toEqual(evalJson.test);
    // The warm start's task scores come along, for differences paired over the same tasks.
    expect(reused.perTask).toEqual(evalJson.testPerTask);
    expect(Object.keys(reused.perTask ?? {}).sort()).toEqual(Object.keys(reused.scores).sort());
    expect(Object.keys(reused.scores).length).toBeGreaterThan(0);
    // RL settings may differ (that is what a reused warm start is for); its own may not.
    const rlChanged = { ...tinyRun, episodeMean: true, learningRate: 5e-4 };
    expect(reuseWarmStart(grid, baselineConfig(rlChanged, { kind: 'warm-start' })).dir).toBe(
      reused.dir,
    );
    const otherWarm = { ...tinyRun, warmStartPerKind: 4 };
    expect(() => reuseWarmStart(grid, baselineConfig(otherWarm, { kind: 'warm-start' }))).toThrow(
      /warm start used warmStartPerKind 3 \(this grid 4\); train a new warm start/,
    );
    // Every differing field is named at once, a model's by its own field.
    const twoFields = { ...tinyRun, warmStartPerKind: 4, model: { ...tinyRun.model, dModel: 32 } };
    expect(() => reuseWarmStart(grid, baselineConfig(twoFields, { kind: 'warm-start' }))).toThrow(
      /warm start used model.dModel 16 \(this grid 32\), warmStartPerKind 3 \(this grid 4\); train/,
    );
    // Its test scores join this grid's table: measured otherwise, they would not compare.
    const otherTest = { ...tinyRun, evalSamples: tinyRun.evalSamples + 1 };
    expect(() => reuseWarmStart(grid, baselineConfig(otherTest, { kind: 'warm-start' }))).toThrow(
      new RegExp(
        `test scores were measured with evalSamples ${tinyRun.evalSamples} \\(this grid ${tinyRun.evalSamples + 1}\\)`,
      ),
    );
    const otherSeed = { ...tinyRun, seed: 2 };
    expect(() => reuseWarmStart(grid, baselineConfig(otherSeed, { kind: 'warm-start' }))).toThrow(
      /seed 1 \(this grid 2\)/,
    );
    expect(() => reuseWarmStart(join(grid, 'nothing-here'), warmConfig)).toThrow(
      /nothing-here does not exist/,
    );
  }, 300_000);
});

describe('lab experiment on a suite without some skills', () => {
  it('gives matched runs the share of the skills there are, refuses a run with no tasks before any training, and tests on the kinds asked', async () => {
    await tf.setBackend('cpu');
    // The first task of each kind a test task, the rest training tasks; no editing at all.
    const tasks = (await projectTasks(sandbox))
      .filter((t) => t.kind !== 'editing')
      .map((t, i, all) => ({
        ...t,
        split:
          all.findIndex((u) => u.kind === t.kind) === i ? ('test' as const) : ('train' as const),
      }));
    const dir = scratchDir('lab-grid-skills');
    const file = join(dir, 'suite.jsonl');
    writeFileSync(file, [...suiteLines('no-editing', tasks)].join('\n') + '\n');
    // 12 tasks a step: 2.4 of each of five skills (rounded 2), 3 of each of the four there are.
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ ...tinyRun, extends: 'quick', tasksPerStep: 12 }));
    const lines: string[] = [];
    const out = join(dir, 'grid');
    const gridIn = (where: string, only: string, ...extra: string[]) =>
      experimentCommand({
        args: parseArgs(
          ['experiment', '--grid', 'interference', '--config', config, '--suite', file].concat([
            '--validated',
            '--only',
            only,
            '--out',
            where,
            ...extra,
          ]),
        ),
        sandbox,
        quiet: true,
        print: (t) => lines.push(t),
      });
    const grid = (only: string, ...extra: string[]) => gridIn(out, only, ...extra);
    await expect(grid('matched-review,single-editing')).rejects.toThrow(
      /^single-editing: the suite has no training tasks of editing \(it has (?!.*editing).*review.*\); leave it out of --only or give a suite that has them; nothing was trained$/,
    );
    expect(lines).toContain(
      'matched-review: 3 tasks a step, as the training tasks have only localization, testgen, reproduction, review (a joint step draws 3.00 of review on average)',
    );
    expect(existsSync(join(out, 'warm-start'))).toBe(false);
    expect(existsSync(join(out, 'results.json'))).toBe(false);
    await expect(grid('warm-start', '--test-skills', 'editing')).rejects.toThrow(
      /^--test-skills: the suite has no test tasks of editing; nothing was trained$/,
    );
    await expect(grid('warm-start', '--test-skills', 'atomic,fixing')).rejects.toThrow(
      /^unknown skill "fixing": use localization, .* or atomic \(the five skills\)/,
    );
    // The warm start's final test on the five skills alone, though the suite has composites.
    const composites = new Set(tasks.filter((t) => t.split === 'test').map((t) => t.kind));
    expect([...composites].some((k) => !ATOMIC_SKILLS.includes(k as never))).toBe(true);
    const result = (await grid('warm-start', '--test-skills', 'atomic')) as unknown as GridResult;
    const tested = Object.keys(result.runs['warm-start']!.scores).sort();
    expect(tested).toEqual(
      [...composites].filter((k) => ATOMIC_SKILLS.includes(k as never)).sort(),
    );
    // The suite by its contents (a moved or copied file is the same suite).
    expect(result.suite).toMatch(/^the file suite\.jsonl \(sha256 [0-9a-f]{16}\), suite seed 1$/);
    expect(result.warmStart).toBe('<out>/warm-start');
    // A run added with --force forks from the experiment's own warm start, not a new one.
    const before = readFileSync(join(out, 'warm-start', 'checkpoint.json'), 'utf8');
    lines.length = 0;
    const added = (await grid('matched-review', '--force')) as unknown as GridResult;
    expect(lines).toContain(`reusing the warm start in ${join(out, 'warm-start')}`);
    expect(readFileSync(join(out, 'warm-start', 'checkpoint.json'), 'utf8')).toBe(before);
    expect(Object.keys(added.runs).sort()).toEqual(['matched-review', 'warm-start']);
    expect(added.runs['matched-review']!.steps).toBe(3);
    // Which tasks the suite gave, recorded: runs added later must have had the same ones.
    expect(added.tasks).toEqual(result.tasks);
    expect(result.tasks?.digest).toMatch(/^[0-9a-f]{16}$/);
    expect(result.tasks).toMatchObject({ train: tasks.length - composites.size, val: 0 });
    // A grid forked from another's warm start takes more runs from the same checkpoint moved
    // elsewhere (known by its digest), not from another one (review 41cli F20).
    const forked = join(dir, 'forked');
    const fromOut = (await gridIn(
      forked,
      'matched-review',
      '--warm-from',
      out,
    )) as unknown as GridResult;
    expect(fromOut.warmStart).toBe(join(out, 'warm-start'));
    expect(fromOut.warmStartDigest).toMatch(/^[0-9a-f]{16}$/);
    expect(added.warmStartDigest).toBe(fromOut.warmStartDigest);
    const moved = join(dir, 'moved');
    cpSync(join(out, 'warm-start'), moved, { recursive: true });
    const more = (await gridIn(
      forked,
      'single-review',
      '--force',
      '--warm-from',
      moved,
    )) as unknown as GridResult;
    expect(Object.keys(more.runs).sort()).toEqual([
      'matched-review',
      'single-review',
      'warm-start',
    ]);
    expect(more.warmStart).toBe(moved);
    // Changed where it lies now, it is another warm start.
    const checkpoint = join(moved, 'checkpoint.json');
    writeFileSync(
      checkpoint,
      JSON.stringify(JSON.parse(readFileSync(checkpoint, 'utf8')), null, 1),
    );
    await expect(gridIn(forked, 'single-review', '--force', '--warm-from', moved)).rejects.toThrow(
      /RL runs forked from the warm start in .*moved \(sha256 [0-9a-f]{16}\) there, .*moved \(sha256 [0-9a-f]{16}\) here/,
    );
    const recorded = readFileSync(join(out, 'results.json'), 'utf8');
    const other = { ...added, tasks: { ...added.tasks!, digest: '0000000000000000' } };
    writeFileSync(join(out, 'results.json'), JSON.stringify(other));
    await expect(grid('matched-review', '--force')).rejects.toThrow(
      /holds an experiment trained on other tasks: its tasks were train \d+, val 0, test \d+ tasks \(digest 0{16}\), the suite now gives .*; nothing was trained$/,
    );
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'))).toEqual(other);
    expect(recorded).toContain(added.tasks!.digest);
    // Nor does a warm start trained on other tasks seed its RL runs.
    writeFileSync(join(out, 'results.json'), recorded);
    const warmEval = join(out, 'warm-start', 'eval.json');
    const warm = JSON.parse(readFileSync(warmEval, 'utf8')) as { suiteTasks: unknown };
    expect(warm.suiteTasks).toEqual(added.tasks);
    writeFileSync(warmEval, JSON.stringify({ ...warm, suiteTasks: other.tasks }));
    await expect(grid('matched-review', '--force')).rejects.toThrow(
      /^the warm start in .*warm-start was trained on other tasks: its tasks were .*digest 0{16}.*; train a new warm start/,
    );
  }, 300_000);
});
