import '../node/tf';
import * as tf from '@tensorflow/tfjs-core';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import type { TaskKind } from '../core/tasks/types';
import { evaluatePolicy } from '../eval/evaluate';
import { createNodeSandbox } from '../node/sandbox';
import { linesOfFile } from '../node/lines';
import { scratchDir } from '../node/scratchDir';
import type { EpisodeRecord } from '../protocol/episodes';
import { suiteLines } from '../core/tasks/suite';
import { parseArgs } from './args';
import { recordedSuite, suiteTasks } from './runSuite';
import { projectTasks, tinyRun } from './testFixtures';
import {
  checkpointPolicy,
  loadConfig,
  readCheckpoint,
  TEST_EPISODES_FILE,
  trainCommand,
  trainToDir,
} from './train';

const sandbox = createNodeSandbox({ size: 2 });
afterAll(() => sandbox.dispose());

describe('lab train / eval --policy <run dir>', () => {
  it('writes config, metrics, checkpoints and eval.json, and the checkpoint evaluates like the run', async () => {
    // wasm, the backend lab train uses by default (runs are checked for determinism on cpu in
    // src/rl/run.test.ts).
    await tf.setBackend('wasm');
    await tf.ready();
    const tasks = await projectTasks(sandbox);
    const out = scratchDir('lab-train');
    // Validating every 2 steps: the checkpoint at step 2 comes right after a validation.
    const config = { ...tinyRun, evalEvery: 2 };
    const lines: string[] = [];
    await trainToDir({
      config,
      splits: { train: tasks, val: tasks, test: tasks },
      sandbox,
      out,
      print: (t) => lines.push(t),
      checkpointEvery: 2,
      suite: { source: { builtin: 1 } },
    });
    // Where its tasks came from and which they were, for a resume to continue on.
    const splits = { train: tasks, val: tasks, test: tasks };
    expect(recordedSuite(out)).toEqual({ source: { builtin: 1 }, tasks: suiteTasks(splits) });
    for (const f of ['config.json', 'metrics.jsonl', 'eval.json', 'checkpoint.json'])
      expect(existsSync(join(out, f)), f).toBe(true);
    expect(existsSync(join(out, 'checkpoints', 'step-2.json'))).toBe(true);
    const metrics = readFileSync(join(out, 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string });
    expect(metrics.filter((m) => m.type === 'step')).toHaveLength(3);
    expect(metrics.some((m) => m.type === 'eval')).toBe(true);
    const evalJson = JSON.parse(readFileSync(join(out, 'eval.json'), 'utf8')) as {
      test: Record<string, { tasks: number; meanReward: number }>;
      steps: number;
      suiteTasks: unknown;
      testCutShort: Record<string, number>;
    };
    expect(evalJson.steps).toBe(3);
    expect(evalJson.suiteTasks).toEqual(suiteTasks(splits));
    expect(Object.keys(evalJson.test).length).toBeGreaterThan(0);
    // The final test evaluation's answers, each with its trace: what eval.json's scores average.
    const answers = [...linesOfFile(join(out, TEST_EPISODES_FILE))].map(
      (l) => JSON.parse(l) as EpisodeRecord,
    );
    for (const [kind, score] of Object.entries(evalJson.test)) {
      const mine = answers.filter((a) => a.kind === kind);
      expect(mine.length, kind).toBe(score.tasks * config.evalSamples);
      expect(mine.reduce((s, a) => s + a.reward, 0) / mine.length, kind).toBeCloseTo(
        score.meanReward,
        12,
      );
    }
    // Each kind's share of answers cut short at the step limit, as the answers' own flags say.
    expect(Object.keys(evalJson.testCutShort)).toEqual(Object.keys(evalJson.test));
    for (const [kind, share] of Object.entries(evalJson.testCutShort)) {
      const mine = answers.filter((a) => a.kind === kind);
      expect(share, kind).toBe(mine.filter((a) => a.truncated).length / mine.length);
    }
    expect(answers.every((a) => a.source === 'test' && a.step === 3)).toBe(true);
    expect(answers.every((a) => a.actionLabels.length === a.actions.length)).toBe(true);
    expect(lines.some((l) => l.includes('step 3/3'))).toBe(true);

    const checkpoint = readCheckpoint(out);
    expect(checkpoint.step).toBe(3);

    // Resumed from a checkpoint (interrupted mid-run, or between the final checkpoint and
    // eval.json), the log still holds each step and evaluation once, as the whole run logged it.
    const logged = () =>
      [...linesOfFile(join(out, 'metrics.jsonl'))].map((l) => {
        const { type, step, split, bySkill } = JSON.parse(l) as {
          type: string;
          step: number;
          split?: string;
          bySkill?: unknown;
        };
        return type === 'eval' ? { type, step, split, bySkill } : { type, step };
      });
    const whole = logged();
    expect(
      whole.map((m) => `${m.type}${'split' in m ? `:${m.split ?? ''}` : ''}@${m.step}`),
    ).toEqual([
      'eval:val@0',
      'step@0',
      'step@1',
      'eval:val@2',
      'step@2',
      'eval:val@3',
      'eval:test@3',
    ]);
    // An interruption may cut the last line short: it goes, the rest is kept.
    appendFileSync(join(out, 'metrics.jsonl'), '{"type":"step","st');
    for (const from of [join(out, 'checkpoints', 'step-2.json'), out]) {
      await trainToDir({
        config,
        splits: { train: tasks, val: tasks, test: tasks },
        sandbox,
        out,
        print: () => {},
        resume: readCheckpoint(from),
        checkpointEvery: 2,
      });
      expect(logged(), from).toEqual(whole);
    }
    // A resume whose suite now gives other tasks than the run recorded is refused before it
    // trains (here: the suite file the run names holds the tasks split by their own splits).
    const file = join(out, 'tasks.jsonl');
    writeFileSync(file, [...suiteLines('one-project', tasks, { seed: 5 })].join('\n') + '\n');
    writeFileSync(
      join(out, 'suite.json'),
      JSON.stringify({ source: { file }, tasks: suiteTasks(splits) }),
    );
    const before = readFileSync(join(out, 'metrics.jsonl'), 'utf8');
    const said: string[] = [];
    await expect(
      trainCommand({
        args: parseArgs(['train', '--out', out, '--resume', '--validated', '--steps', '5']),
        sandbox,
        quiet: true,
        print: (t) => said.push(t),
      }),
    ).rejects.toThrow(
      new RegExp(
        `cannot continue on the tasks it started on: its tasks were train ${tasks.length}, val ${tasks.length}, test ${tasks.length} tasks \\(digest [0-9a-f]{16}\\), the suite now gives train \\d+`,
      ),
    );
    expect(readFileSync(join(out, 'metrics.jsonl'), 'utf8')).toBe(before);
    expect(said[0]).toMatch(/^resuming "cli-test" \(seed 1\) at step 3 of 5 on wasm; writing to /);

    const { policy, dispose } = checkpointPolicy(checkpoint);
    const some = tasks.slice(0, 6);
    const result = await evaluatePolicy(policy, some, sandbox, createRng(1), { samples: 2 });
    const noTimes = (key: string, value: unknown) => (key === 'ms' ? undefined : value);
    const episodes = new Map<string, string[]>();
    const again = await evaluatePolicy(policy, some, sandbox, createRng(1), {
      samples: 2,
      gradeAhead: 4,
      onEpisode: (task, v) =>
        episodes.set(task.id, [...(episodes.get(task.id) ?? []), JSON.stringify(v, noTimes)]),
    });
    // Fewer tasks: the ones left get the same answers (each task has its own stream).
    const fewer = new Map<string, string[]>();
    await evaluatePolicy(policy, some.slice(2), sandbox, createRng(1), {
      samples: 2,
      onEpisode: (task, v) =>
        fewer.set(task.id, [...(fewer.get(task.id) ?? []), JSON.stringify(v, noTimes)]),
    });
    dispose();
    expect(result.episodes).toBe(12);
    // A seed repeats the evaluation, also when answers are graded while the next are drawn.
    expect(again).toEqual(result);
    expect([...fewer.keys()]).toEqual(some.slice(2).map((t) => t.id));
    // (Graded ahead, a task's two episodes may finish in either order.)
    for (const [id, answers] of fewer) expect(answers.sort(), id).toEqual(episodes.get(id)!.sort());
    // Every task's own score, and each kind's mean and standard error over them.
    for (const [kind, score] of Object.entries(result.bySkill)) {
      const perTask = Object.values(result.perTask?.[kind as TaskKind] ?? {});
      expect(perTask).toHaveLength(score.tasks);
      expect(perTask.every((x) => [0, 0.5, 1].includes(x))).toBe(true);
      const mean = perTask.reduce((a, b) => a + b, 0) / perTask.length;
      expect(score.meanReward).toBeCloseTo(mean, 12);
      const sd = Math.sqrt(perTask.reduce((a, x) => a + (x - mean) ** 2, 0) / (perTask.length - 1));
      // Unknown from a single task: left out.
      if (perTask.length < 2) expect(score.stdErr).toBeUndefined();
      else expect(score.stdErr).toBeCloseTo(sd / Math.sqrt(perTask.length), 12);
    }
  }, 300_000);

  it('refuses an unknown preset, a missing file and a bad field with what to do', () => {
    expect(() => loadConfig('nope')).toThrow(/neither a preset \(quick, untrained/);
    const dir = scratchDir('lab-config');
    const file = join(dir, 'c.json');
    writeFileSync(file, '{"extends": "quick", "groupSize": 1}');
    expect(() => loadConfig(file)).toThrow(/groupSize must be a whole number from 2 to 256/);
  });
});
