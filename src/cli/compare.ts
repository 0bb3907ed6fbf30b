import { readFileSync } from 'node:fs';
import { TASK_KINDS, type TaskKind } from '../core/tasks/types';
import { pairedDifference, type Difference } from '../eval/compare';
import type { PerTaskScores } from '../eval/evaluate';
import { UsageError } from './args';
import type { CommandContext } from './commands';

/** What `compare` reads: an evaluation's every task score. */
interface PerTaskEval {
  name: string;
  perTask: PerTaskScores;
}

/** The JSON object in a file: the whole text, or else its last line that is one. */
function jsonIn(text: string): Record<string, unknown> | null {
  const tryParse = (t: string): Record<string, unknown> | null => {
    try {
      const v: unknown = JSON.parse(t);
      return typeof v === 'object' && v !== null && !Array.isArray(v)
        ? (v as Record<string, unknown>)
        : null;
    } catch {
      return null;
    }
  };
  const whole = tryParse(text);
  if (whole) return whole;
  const last = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('{'))
    .at(-1);
  return last ? tryParse(last) : null;
}

/**
 * Task scores from an `eval --per-task --json` output (`perTask`; the file may hold progress
 * lines before its JSON line) or a run's `eval.json` (`testPerTask`: its final test evaluation).
 */
export function readPerTaskEval(path: string): PerTaskEval {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const parsed = jsonIn(text);
  if (!parsed)
    throw new UsageError(
      `${path} holds no JSON object: give a run's eval.json, or save an evaluation with \`npm run -s lab -- eval ... --per-task --json > ${path}\``,
    );
  const perTask = parsed.perTask ?? parsed.testPerTask;
  if (typeof perTask !== 'object' || perTask === null)
    throw new UsageError(
      `${path} has no task scores (perTask, or a run's testPerTask): evaluate again with --per-task to compare task by task`,
    );
  for (const [kind, scores] of Object.entries(perTask)) {
    const bad =
      typeof scores !== 'object' || scores === null
        ? kind
        : Object.entries(scores as Record<string, unknown>).find(
            ([, v]) => typeof v !== 'number' || !Number.isFinite(v),
          )?.[0];
    if (bad !== undefined)
      throw new UsageError(
        `${path}: the task scores of ${kind} are not all numbers (${bad}); give the file an evaluation wrote`,
      );
  }
  const name = parsed.policy ?? parsed.config;
  return { name: typeof name === 'string' ? name : path, perTask };
}

const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
const err = (x: number): string => (Number.isNaN(x) ? '' : ` ± ${x.toFixed(3)}`);

/**
 * `compare <a.json> <b.json>`: two evaluations of the same tasks (`eval --per-task` outputs, or
 * runs' eval.json), each kind's mean reward of `a` minus `b`, paired task by task (only tasks
 * both scored, said when some were not), with its standard error and the by-project one.
 */
export function compareCommand(ctx: CommandContext): Promise<Record<string, unknown>> {
  // A refusal rejects the promise, as it does in every other command.
  return new Promise((resolve) => resolve(compareEvaluations(ctx)));
}

function compareEvaluations(ctx: CommandContext): Record<string, unknown> {
  const [, fileA, fileB, ...extra] = ctx.args.positional;
  if (!fileA || !fileB || extra.length > 0)
    throw new UsageError(
      `compare takes two files, a and b, got ${ctx.args.positional.length - 1}: compare <a.json> <b.json>`,
    );
  const [a, b] = [readPerTaskEval(fileA), readPerTaskEval(fileB)];
  ctx.print(`a: ${fileA} (${a.name})`);
  ctx.print(`b: ${fileB} (${b.name})`);
  const byKind: Partial<Record<TaskKind, Difference & { a: number; b: number }>> = {};
  const oneSided: string[] = [];
  for (const kind of TASK_KINDS) {
    const [sa, sb] = [a.perTask[kind], b.perTask[kind]];
    if (!sa !== !sb) oneSided.push(`${kind} (${sa ? 'a' : 'b'} only)`);
    if (!sa || !sb) continue;
    const d = pairedDifference(sa, sb);
    if (!d) continue;
    const shared = Object.keys(sa).filter((id) => id in sb);
    const mean = (s: Record<string, number>) =>
      shared.reduce((t, id) => t + s[id]!, 0) / shared.length;
    byKind[kind] = { ...d, a: mean(sa), b: mean(sb) };
    const [na, nb] = [Object.keys(sa).length, Object.keys(sb).length];
    const of =
      na === d.tasks && nb === d.tasks ? '' : ` (of ${na} / ${nb}: only tasks both scored)`;
    ctx.print(
      `${kind.padEnd(14)} tasks ${String(d.tasks).padStart(5)}  a ${mean(sa).toFixed(3)} - b ${mean(sb).toFixed(3)} = ${signed(d.diff)}${err(d.stdErr)}${Number.isNaN(d.byProject) ? '' : ` (± ${d.byProject.toFixed(3)} by project)`}${of}`,
    );
  }
  if (oneSided.length > 0) ctx.print(`left out, scored by one side only: ${oneSided.join(', ')}`);
  if (Object.keys(byKind).length === 0)
    throw new UsageError(
      `${fileA} and ${fileB} share no scored task: evaluate both on the same suite and skills`,
    );
  return { a: a.name, b: b.name, byKind };
}
