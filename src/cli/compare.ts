import { readFileSync } from 'node:fs';
import { TASK_KINDS, type TaskKind } from '../core/tasks/types';
import { pairedDifference, type Difference } from '../eval/compare';
import type { PerTaskScores } from '../eval/evaluate';
import { UsageError } from './args';
import type { CommandContext } from './commands';

/** What `compare` reads from an `eval --per-task --json` output. */
interface PerTaskEval {
  policy: string;
  samples: number;
  perTask: PerTaskScores;
}

/**
 * An evaluation saved by `lab eval --per-task --json` (its last JSON line: the file may hold the
 * progress lines printed before it).
 */
export function readPerTaskEval(path: string): PerTaskEval {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('{'))
    .at(-1);
  let parsed: Partial<PerTaskEval> | null = null;
  try {
    parsed = line ? (JSON.parse(line) as Partial<PerTaskEval>) : null;
  } catch {
    parsed = null;
  }
  if (!parsed)
    throw new UsageError(
      `${path} holds no JSON line: save an evaluation with \`npm run -s lab -- eval ... --per-task --json > ${path}\``,
    );
  if (typeof parsed.perTask !== 'object' || parsed.perTask === null)
    throw new UsageError(
      `${path} has no task scores (perTask): evaluate again with --per-task to compare task by task`,
    );
  return {
    policy: String(parsed.policy ?? path),
    samples: Number(parsed.samples ?? 1),
    perTask: parsed.perTask,
  };
}

const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
const err = (x: number, what = ''): string => (Number.isNaN(x) ? '' : ` ± ${x.toFixed(3)}${what}`);

/**
 * `compare <a.json> <b.json>`: two evaluations of the same tasks, each kind's mean reward of
 * `a` minus `b`, paired task by task (only tasks both scored), with its standard error and the
 * by-project one.
 */
export function compareCommand(ctx: CommandContext): Promise<Record<string, unknown>> {
  // A refusal rejects the promise, as it does in every other command.
  return new Promise((resolve) => resolve(compareEvaluations(ctx)));
}

function compareEvaluations(ctx: CommandContext): Record<string, unknown> {
  const [, fileA, fileB] = ctx.args.positional;
  if (!fileA || !fileB) throw new UsageError('compare <a.json> <b.json>');
  const [a, b] = [readPerTaskEval(fileA), readPerTaskEval(fileB)];
  const byKind: Partial<Record<TaskKind, Difference & { a: number; b: number }>> = {};
  for (const kind of TASK_KINDS) {
    const [sa, sb] = [a.perTask[kind], b.perTask[kind]];
    if (!sa || !sb) continue;
    const d = pairedDifference(sa, sb);
    if (!d) continue;
    const shared = Object.keys(sa).filter((id) => id in sb);
    const mean = (s: Record<string, number>) =>
      shared.reduce((t, id) => t + s[id]!, 0) / shared.length;
    byKind[kind] = { ...d, a: mean(sa), b: mean(sb) };
    ctx.print(
      `${kind.padEnd(14)} tasks ${String(d.tasks).padStart(5)}  ${mean(sa).toFixed(3)} - ${mean(sb).toFixed(3)} = ${signed(d.diff)}${err(d.stdErr)}${err(d.byProject, ' by project')}`,
    );
  }
  if (Object.keys(byKind).length === 0)
    throw new UsageError(
      `${fileA} and ${fileB} share no scored task: evaluate both on the same suite and skills`,
    );
  return { a: a.policy, b: b.policy, byKind };
}
