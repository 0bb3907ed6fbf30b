import '../node/tf';
import * as tf from '@tensorflow/tfjs-core';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import { ATOMIC_SKILLS, TASK_KINDS, type TaskKind } from '../core/tasks/types';
import { evaluatePolicy } from '../eval/evaluate';
import { createNodeSandbox } from '../node/sandbox';
import { linesOfFile } from '../node/lines';
import { scratchDir } from '../node/scratchDir';
import type { EpisodeRecord } from '../protocol/episodes';
import { suiteLines } from '../core/tasks/suite';
import { parseArgs } from './args';
import { evalCommand } from './commands';
import { compareCommand } from './compare';
import { tableCommand } from './table';
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
      suite: { builtin: 1 },
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

describe('lab eval --per-task, lab compare, lab table', () => {
  it("keeps every task's score in the JSON, under its kind, only when asked", async () => {
    const tasks = await projectTasks(sandbox);
    const file = join(scratchDir('lab-eval'), 'suite.jsonl');
    // Last kind first: the scores still come in the order of TASK_KINDS.
    const reversed = [...tasks].reverse();
    writeFileSync(file, [...suiteLines('one-project', reversed, { seed: 5 })].join('\n') + '\n');
    const evalOf = (...extra: string[]) =>
      evalCommand({
        args: parseArgs(['eval', '--policy', 'oracle', '--suite', file, ...extra]),
        sandbox,
        quiet: true,
        print: () => {},
      });
    const withTasks = (await evalOf('--per-task')) as {
      bySkill: Record<string, { tasks: number; meanReward: number }>;
      perTask: Record<string, Record<string, number>>;
    };
    const kinds = [...new Set(tasks.map((t) => t.kind))].sort();
    expect(Object.keys(withTasks.perTask).sort()).toEqual(kinds);
    expect(kinds.length).toBeGreaterThan(1);
    expect(Object.keys(withTasks.bySkill)).toEqual(TASK_KINDS.filter((k) => kinds.includes(k)));
    for (const kind of kinds) {
      const ids = tasks.filter((t) => t.kind === kind).map((t) => t.id);
      expect(Object.keys(withTasks.perTask[kind]!).sort()).toEqual(ids.sort());
      // Every valid task's oracle answer is rewarded; the kind's mean is its tasks' mean.
      expect(Object.values(withTasks.perTask[kind]!).every((s) => s === 1)).toBe(true);
      expect(withTasks.bySkill[kind]!.meanReward).toBe(1);
    }
    // Without --per-task (compare refuses it below, saved as bare.json).
    const withoutTasks = await evalOf();
    expect(withoutTasks).not.toHaveProperty('perTask');

    // compare pairs two such evaluations task by task: oracle - random.
    const dir = scratchDir('lab-compare');
    const save = (name: string, result: unknown) => {
      const path = join(dir, name);
      writeFileSync(path, `progress line\n${JSON.stringify(result)}\n`);
      return path;
    };
    const random = (await evalCommand({
      args: parseArgs(['eval', '--policy', 'random', '--suite', file, '--per-task']),
      sandbox,
      quiet: true,
      print: () => {},
    })) as typeof withTasks;
    const [oracleFile, randomFile] = [save('oracle.json', withTasks), save('random.json', random)];
    const lines: string[] = [];
    const compared = (await compareCommand({
      args: parseArgs(['compare', oracleFile, randomFile]),
      sandbox,
      quiet: true,
      print: (t) => lines.push(t),
    })) as { byKind: Record<string, { diff: number; tasks: number; a: number; b: number }> };
    expect(Object.keys(compared.byKind).sort()).toEqual(kinds);
    for (const kind of kinds) {
      const d = compared.byKind[kind]!;
      expect(d.tasks).toBe(tasks.filter((t) => t.kind === kind).length);
      expect(d.a).toBe(1);
      expect(d.b).toBeCloseTo(random.bySkill[kind]!.meanReward, 12);
      expect(d.diff).toBeCloseTo(1 - random.bySkill[kind]!.meanReward, 12);
    }
    expect(lines.some((l) => /^localization +tasks +\d+ +a 1\.000 - b /.test(l))).toBe(true);
    expect(lines.slice(0, 2)).toEqual([`a: ${oracleFile} (oracle)`, `b: ${randomFile} (random)`]);

    // A run's eval.json (its final test's testPerTask), pretty-printed, against an evaluation
    // of some of the same tasks: only tasks both scored are paired, and the line says so.
    const kind = kinds[0]!;
    const ids = Object.keys(withTasks.perTask[kind]!);
    const runEval = join(dir, 'eval.json');
    writeFileSync(
      runEval,
      JSON.stringify(
        { config: 'a-run', testPerTask: { [kind]: withTasks.perTask[kind] } },
        null,
        2,
      ),
    );
    const some = save('some.json', {
      policy: 'random',
      perTask: { [kind]: Object.fromEntries(ids.slice(1).map((id) => [id, 0])) },
    });
    lines.length = 0;
    const partial = (await compareCommand({
      args: parseArgs(['compare', runEval, some]),
      sandbox,
      quiet: true,
      print: (t) => lines.push(t),
    })) as { a: string; byKind: Record<string, { diff: number; tasks: number }> };
    expect(partial.a).toBe('a-run');
    expect(partial.byKind[kind]).toMatchObject({ diff: 1, tasks: ids.length - 1 });
    expect(lines[2]).toContain(`(of ${ids.length} / ${ids.length - 1}: only tasks both scored)`);
    // Kinds only one side scored are left out, and a line names them.
    lines.length = 0;
    await compareCommand({
      args: parseArgs(['compare', oracleFile, some]),
      sandbox,
      quiet: true,
      print: (t) => lines.push(t),
    });
    expect(kinds.length, 'the oracle scored more kinds than one').toBeGreaterThan(1);
    const leftOut = lines.find((l) => l.startsWith('left out, scored by one side only: '));
    for (const other of kinds.slice(1)) expect(leftOut).toContain(`${other} (a only)`);
    expect(leftOut).not.toContain(`${kind} (`);
    const run = (...files: string[]) =>
      compareCommand({
        args: parseArgs(['compare', ...files]),
        sandbox,
        quiet: true,
        print: () => {},
      });
    await expect(run(oracleFile, randomFile, some)).rejects.toThrow(
      /compare takes two files, a and b, got 3/,
    );
    const garbled = save('garbled.json', { perTask: { [kind]: { [ids[0]!]: 'high' } } });
    await expect(run(oracleFile, garbled)).rejects.toThrow(
      new RegExp(`the task scores of ${kind} are not all numbers`),
    );
    // An evaluation saved without --per-task is refused with what to do.
    const bare = save('bare.json', withoutTasks);
    await expect(
      compareCommand({
        args: parseArgs(['compare', oracleFile, bare]),
        sandbox,
        quiet: true,
        print: () => {},
      }),
    ).rejects.toThrow(
      /bare\.json has no task scores \(perTask, or a run's testPerTask\): evaluate again with --per-task/,
    );

    // table lays such evaluations out as the grid's table, each named by its baseline.
    const tableOf = async (...pairs: string[]) => {
      const printed: string[] = [];
      const out = (await tableCommand({
        args: parseArgs(['table', ...pairs]),
        sandbox,
        quiet: true,
        print: (t) => printed.push(t),
      })) as { table: string; runs: Record<string, string[]> };
      expect(printed).toEqual([out.table]);
      return out;
    };
    const skill = kinds.find((k) => (ATOMIC_SKILLS as readonly string[]).includes(k))!;
    const laid = await tableOf(
      `untrained=${runEval}`,
      `warm-start=${randomFile}`,
      `joint-rl=${oracleFile}`,
      `single-${skill}=${oracleFile}`,
    );
    expect(laid.runs).toEqual({
      untrained: [runEval],
      'warm-start': [randomFile],
      'joint-rl': [oracleFile],
      [`single-${skill}`]: [oracleFile],
    });
    const row = (k: string) =>
      laid.table
        .split('\n')
        .find((l) => l.startsWith(`| ${k} |`))!
        .split('|')
        .map((c) => c.trim());
    for (const k of kinds) {
      const cells = row(k);
      // The run's eval.json held only one kind's scores: the others have none.
      expect(cells[2]).toMatch(k === kind ? /^1\.000/ : /^—$/);
      expect(cells[3]).toMatch(new RegExp(`^${random.bySkill[k]!.meanReward.toFixed(3)}( ± |$)`));
      expect(cells[4]).toMatch(/^1\.000( ± |$)/);
    }
    // Joint RL against its single run (the same oracle scores): no difference.
    expect(row(skill)[5]).toMatch(/^1\.000/);
    expect(row(skill)[7]).toMatch(/^\+0\.000/);
    await expect(tableOf(`joint=${oracleFile}`)).rejects.toThrow(
      /unknown baseline "joint": the paper grid's baselines are untrained, warm-start, joint-rl/,
    );
    await expect(tableOf('joint-rl')).rejects.toThrow(/"joint-rl" is not <baseline>=<file>/);
    await expect(tableOf(`joint-rl=${oracleFile}`, `joint-rl=${randomFile}`)).rejects.toThrow(
      /joint-rl: [a-z-]+ is scored in both .*oracle\.json and .*random\.json; give each kind/,
    );
    // One baseline's kinds may come from several files: the other kinds of the run's eval.json.
    const rest = save('rest.json', {
      policy: 'oracle',
      perTask: Object.fromEntries(
        kinds.filter((k) => k !== kind).map((k) => [k, withTasks.perTask[k]]),
      ),
    });
    const split = await tableOf(`joint-rl=${runEval}`, `joint-rl=${rest}`);
    expect(split.runs).toEqual({ 'joint-rl': [runEval, rest] });
    const whole = await tableOf(`joint-rl=${oracleFile}`);
    expect(split.table).toBe(whole.table);
    await expect(tableOf()).rejects.toThrow(/table needs evaluations named by baseline/);
    await expect(tableOf(`joint-rl=${bare}`)).rejects.toThrow(/bare\.json has no task scores/);
  }, 300_000);
});
