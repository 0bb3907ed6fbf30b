import { describe, expect, it } from 'vitest';
import { ATOMIC_SKILLS } from '../core/tasks/types';
import type { PerTaskScores } from '../eval/evaluate';
import { configDifferences } from './experimentDir';
import type { GridResult } from './gridResult';
import { gridTable, interferenceTable } from '../eval/gridTables';

/** A run whose every atomic skill scored `tasks` on tasks t0, t1... */
function run(tasks: number[], withPerTask = true): GridResult['runs'][string] {
  const perTask: PerTaskScores = {};
  const scores: GridResult['runs'][string]['scores'] = {};
  for (const skill of ATOMIC_SKILLS) {
    perTask[skill] = Object.fromEntries(tasks.map((x, i) => [`${skill}-t${i}`, x]));
    const mean = tasks.reduce((s, x) => s + x, 0) / tasks.length;
    const sd = Math.sqrt(tasks.reduce((s, x) => s + (x - mean) ** 2, 0) / (tasks.length - 1));
    scores[skill] = { tasks: tasks.length, meanReward: mean, stdErr: sd / Math.sqrt(tasks.length) };
  }
  return { scores, ...(withPerTask ? { perTask } : {}), seconds: 1, steps: 0 };
}

const rowOf = (table: string, name: string) =>
  table
    .split('\n')
    .find((l) => l.startsWith(`| ${name} |`))!
    .split('|')
    .map((c) => c.trim());

describe('the paper grid table', () => {
  it('prints scores with standard errors and paired differences', () => {
    const result: GridResult = {
      base: 'joint-rl',
      seed: 1,
      backend: 'wasm',
      runs: {
        untrained: run([0, 0, 0, 1]),
        'warm-start': run([0, 1, 0, 1]),
        'joint-rl': run([1, 1, 0, 1]),
        'single-editing': run([1, 1, 1, 1]),
      },
    };
    const table = gridTable(result);
    const editing = rowOf(table, 'editing');
    // Task | Untrained | Warm start | Joint RL | Single | Composite-only | Joint - single | gain
    expect(editing[2]).toBe('0.250 ± 0.250');
    expect(editing[3]).toBe('0.500 ± 0.289');
    expect(editing[4]).toBe('0.750 ± 0.250');
    expect(editing[5]).toBe('1.000 ± 0.000');
    expect(editing[6]).toBe('—');
    // Joint - single: differences 0, 0, -1, 0 over the same four tasks.
    // Every task its own cluster (these ids name no project): the by-project error is the same.
    expect(editing[7]).toBe('-0.250 ± 0.250 (± 0.250 by project)');
    expect(editing[8]).toBe('+50%');
    // No single-skill run for localization: no difference either.
    expect(rowOf(table, 'localization')[7]).toBe('—');
    const mean = rowOf(table, '**mean of 5 skills**');
    // Five independent skills, each 0.750 ± 0.250: the mean's error is 0.25 * sqrt(5) / 5.
    expect(mean[4]).toBe(`0.750 ± ${((0.25 * Math.sqrt(5)) / 5).toFixed(3)}`);
    // Joint minus warm start, paired per skill: differences 1, 0, 0, 0 (+0.25 ± 0.25 a skill).
    // By project (each of the 20 tasks its own cluster): influences (1 - 0.25) / 20 for each
    // skill's t0 and -0.25 / 20 for the others, summed in squares, times 20 / 19.
    const byProject = Math.sqrt((20 / 19) * 5 * ((0.75 / 20) ** 2 + 3 * (0.25 / 20) ** 2));
    expect(mean[8]).toBe(
      `+0.250 ± ${((0.25 * Math.sqrt(5)) / 5).toFixed(3)} (± ${byProject.toFixed(3)} by project) (abs)`,
    );
    expect(table).toContain('± is a standard error over the test tasks');
    // Cells give a by-project error here, so the note explains it.
    expect(table).toContain('"By project" is the paired error');
  });

  it('falls back to unpaired errors, or none, for runs saved without them', () => {
    const old = run([1, 1, 0, 1], false);
    const bare = run([1, 1, 1, 1], false);
    for (const s of Object.values(bare.scores)) delete s.stdErr;
    const table = gridTable({
      base: 'joint-rl',
      seed: 1,
      backend: 'wasm',
      runs: { 'joint-rl': old, 'single-review': run([0, 1, 0, 1], false), 'warm-start': bare },
    });
    const review = rowOf(table, 'review');
    // 0.75 - 0.5, the errors combined as independent: hypot(0.25, 0.289).
    expect(review[7]).toBe(`+0.250 ± ${Math.hypot(0.25, Math.sqrt(1 / 3) / 2).toFixed(3)}`);
    expect(review[3]).toBe('1.000');
    expect(rowOf(table, '**mean of 5 skills**')[8]).toBe('-0.250 (abs)');
  });

  it('splits a joint - single gap into interference and share in the interference table', () => {
    const table = interferenceTable({
      base: 'joint-rl',
      seed: 1,
      backend: 'wasm',
      runs: {
        'warm-start': run([0, 0, 0, 1]),
        'joint-rl': run([1, 0, 0, 1]),
        'single-reproduction': run([1, 1, 1, 1]),
        'matched-reproduction': run([1, 1, 0, 1]),
      },
    });
    const repro = rowOf(table, 'reproduction');
    // Skill | Warm start | Joint | Single | Matched | Joint - single | Joint - matched | Matched - single
    expect(repro.slice(2, 6)).toEqual([
      '0.250 ± 0.250',
      '0.500 ± 0.289',
      '1.000 ± 0.000',
      '0.750 ± 0.250',
    ]);
    expect(repro[6]).toMatch(/^-0\.500 ± 0\.289/);
    // Joint - matched: differences 0, -1, 0, 0.
    expect(repro[7]).toMatch(/^-0\.250 ± 0\.250/);
    // Matched - single: 0, 0, -1, 0.
    expect(repro[8]).toMatch(/^-0\.250 ± 0\.250/);
    // A skill without its runs shows dashes, not zeros.
    expect(rowOf(table, 'editing').slice(4, 9)).toEqual(['—', '—', '—', '—', '—']);
    expect(table).toContain('Joint - matched below zero is interference');
    // The mean row averages differences only when all five skills have both runs.
    const partial = rowOf(table, '**mean of 5 skills**');
    expect(partial.slice(2, 4)).toEqual(['0.250 ± 0.112', '0.500 ± 0.129']);
    expect(partial.slice(6, 9)).toEqual(['—', '—', '—']);
  });

  it('averages each difference over the five skills when every run is there', () => {
    const runs: GridResult['runs'] = { 'joint-rl': run([1, 0, 0, 1]) };
    for (const skill of ATOMIC_SKILLS) {
      runs[`single-${skill}`] = run([1, 1, 1, 1]);
      runs[`matched-${skill}`] = run([1, 1, 0, 1]);
    }
    const mean = rowOf(
      interferenceTable({ base: 'joint-rl', seed: 1, backend: 'wasm', runs }),
      '**mean of 5 skills**',
    );
    // Every skill: joint - single -0.5 ± 0.289, joint - matched -0.25 ± 0.25, matched - single
    // -0.25 ± 0.25; over five independent skills the errors shrink by sqrt(5).
    expect(mean[6]).toMatch(/^-0\.500 ± 0\.129/);
    expect(mean[7]).toMatch(/^-0\.250 ± 0\.112/);
    expect(mean[8]).toMatch(/^-0\.250 ± 0\.112/);
    expect(mean.slice(4, 6)).toEqual(['', '']);
  });
});

describe('configDifferences', () => {
  const saved = { learningRate: 1e-3, model: { dModel: 64, heads: 4 } };
  it('names each differing field by its path and skips fields a saved config lacks', () => {
    const now = { learningRate: 2e-3, model: { dModel: 64, heads: 8 }, newField: true };
    expect(configDifferences(saved, now)).toEqual([
      'learningRate 0.001 there, 0.002 here',
      'model.heads 4 there, 8 here',
    ]);
    expect(configDifferences(saved, { ...saved, newField: true })).toEqual([]);
  });
  it('counts a missing field as a difference when asked, in its own words', () => {
    const style = {
      missing: 'differs' as const,
      describe: (path: string, a: string, b: string) => `${path}: ${a} -> ${b}`,
    };
    expect(configDifferences(saved, { ...saved, tagToDecoder: false }, style)).toEqual([
      'tagToDecoder: unset -> false',
    ]);
    expect(configDifferences({ ...saved, extra: 1 }, saved, style)).toEqual(['extra: 1 -> unset']);
  });
});
