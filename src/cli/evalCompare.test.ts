import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ATOMIC_SKILLS, TASK_KINDS } from '../core/tasks/types';
import { suiteLines } from '../core/tasks/suite';
import { createNodeSandbox } from '../node/sandbox';
import { scratchDir } from '../node/scratchDir';
import { parseArgs } from './args';
import { evalCommand } from './commands';
import { compareCommand } from './compare';
import { tableCommand } from './table';
import { projectTasks } from './testFixtures';

const sandbox = createNodeSandbox({ size: 2 });
afterAll(() => sandbox.dispose());

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
      })) as { table: string; runs: Record<string, string[]>; notes: string[] };
      expect(printed).toEqual([out.table, ...out.notes.map((n) => `note: ${n}`)]);
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
    // Evaluations of other tasks (another suite, split or seed) are refused; some in common
    // are laid out, and said (review 41cli F7).
    const scoresOf = withTasks.perTask[kind]!;
    const renamed = (keep: number) =>
      Object.fromEntries(
        Object.entries(scoresOf).map(([id, v], i) => [i < keep ? id : `${id}-elsewhere`, v]),
      );
    const elsewhere = save('elsewhere.json', { policy: 'oracle', perTask: { [kind]: renamed(0) } });
    await expect(tableOf(`joint-rl=${oracleFile}`, `warm-start=${elsewhere}`)).rejects.toThrow(
      new RegExp(`${kind}: joint-rl .* and warm-start .* share no scored task`),
    );
    if (Object.keys(scoresOf).length > 1) {
      const part = save('part.json', { policy: 'oracle', perTask: { [kind]: renamed(1) } });
      const printed: string[] = [];
      const out = (await tableCommand({
        args: parseArgs(['table', `joint-rl=${oracleFile}`, `warm-start=${part}`]),
        sandbox,
        quiet: true,
        print: (t) => printed.push(t),
      })) as { notes: string[] };
      expect(out.notes).toEqual([
        expect.stringMatching(
          new RegExp(`^${kind}: joint-rl \\d+, warm-start \\d+ tasks, 1 in common`),
        ),
      ]);
      expect(printed.at(-1)).toBe(`note: ${out.notes[0]!}`);
    }
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
