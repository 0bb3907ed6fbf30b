// `lab table`: the paper's (or the interference) table from evaluations made apart from an
// experiment, e.g. every checkpoint of a grid evaluated again on the whole test split.
import { TASK_KINDS } from '../core/tasks/types';
import { kindScore } from '../eval/evaluate';
import { flagString, UsageError } from './args';
import type { CommandContext } from './commands';
import { readPerTaskEval } from './compare';
import { GRID_BASELINES, gridNamed } from './experiment';
import type { GridResult, Scores } from './gridResult';

/** Each kind's mean reward and its standard error, from every task's score. */
export function scoresOf(perTask: GridResult['runs'][string]['perTask']): Scores {
  const scores: Scores = {};
  for (const kind of TASK_KINDS) {
    const values = Object.values(perTask?.[kind] ?? {});
    if (values.length > 0) scores[kind] = kindScore(values);
  }
  return scores;
}

/**
 * `table [--grid paper|interference] <baseline>=<eval.json> ...`: each file an `eval --per-task
 * --json` output or a run's eval.json, named by the baseline it stands for in the grid's table;
 * a baseline named again adds the kinds of another file.
 */
export function tableCommand(ctx: CommandContext): Promise<Record<string, unknown>> {
  return new Promise((resolve) => resolve(buildTable(ctx)));
}

function buildTable(ctx: CommandContext): Record<string, unknown> {
  const gridName = flagString(ctx.args, 'grid', 'paper');
  const grid = gridNamed(gridName);
  const names = GRID_BASELINES[gridName]!;
  const pairs = ctx.args.positional.slice(1);
  if (pairs.length === 0)
    throw new UsageError(
      `table needs evaluations named by baseline, e.g. table joint-rl=joint.json warm-start=warm.json; the ${gridName} grid's baselines are ${names.join(', ')}`,
    );
  const result: GridResult = { base: 'evaluations', seed: 0, backend: '', runs: {} };
  const files: Record<string, string[]> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const [name, file] = at > 0 ? [pair.slice(0, at), pair.slice(at + 1)] : ['', ''];
    if (!name || !file)
      throw new UsageError(
        `"${pair}" is not <baseline>=<file>: write e.g. joint-rl=joint.json (no spaces around =)`,
      );
    if (!names.includes(name))
      throw new UsageError(
        `unknown baseline "${name}": the ${gridName} grid's baselines are ${names.join(', ')}`,
      );
    const { perTask } = readPerTaskEval(file);
    // A baseline may come in several files (evaluations of different kinds made apart).
    const earlier = result.runs[name]?.perTask ?? {};
    const both = TASK_KINDS.find((k) => earlier[k] && perTask[k]);
    if (both)
      throw new UsageError(
        `${name}: ${both} is scored in both ${files[name]!.join(' and ')} and ${file}; give each kind of a baseline once`,
      );
    const merged = { ...earlier, ...perTask };
    result.runs[name] = { scores: scoresOf(merged), perTask: merged, seconds: 0, steps: 0 };
    files[name] = [...(files[name] ?? []), file];
  }
  const notes = sameTasks(result, files);
  const table = grid.table(result);
  ctx.print(table);
  for (const note of notes) ctx.print(`note: ${note}`);
  return { grid: gridName, runs: files, table, notes };
}

/**
 * Whether the baselines scoring a kind scored it on the same tasks (review 41cli F7). None in
 * common is refused: they were evaluated on other tasks (another suite, split or seed), and a
 * table of them compares nothing. Some in common is said, kind by kind: the cells are means over
 * different tasks, the differences paired over the shared ones.
 */
function sameTasks(result: GridResult, files: Record<string, string[]>): string[] {
  const notes: string[] = [];
  for (const kind of TASK_KINDS) {
    const scored = Object.entries(result.runs).flatMap(([name, run]) => {
      const tasks = run.perTask?.[kind];
      return tasks ? [{ name, ids: new Set(Object.keys(tasks)) }] : [];
    });
    // Every pair: two later baselines may be on other tasks than each other (review 42).
    for (const [i, first] of scored.entries())
      for (const other of scored.slice(i + 1)) {
        const shared = [...other.ids].filter((id) => first.ids.has(id)).length;
        const counts = `${first.name} ${first.ids.size}, ${other.name} ${other.ids.size}`;
        if (shared === 0)
          throw new UsageError(
            `${kind}: ${first.name} (${files[first.name]!.join(', ')}) and ${other.name} (${files[other.name]!.join(', ')}) share no scored task (${counts} tasks): they were evaluated on other tasks (another suite, split or seed); evaluate them on the same tasks`,
          );
        if (shared !== first.ids.size || shared !== other.ids.size)
          notes.push(
            `${kind}: ${counts} tasks, ${shared} in common: their cells are means over different tasks (the differences are paired over the ${shared})`,
          );
      }
  }
  return notes;
}
