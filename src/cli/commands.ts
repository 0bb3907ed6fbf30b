import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRng } from '../core/rng';
import type { SandboxRunner } from '../core/sandbox/types';
import { serializeSuite } from '../core/tasks/suite';
import { TASK_KINDS, type Task, type TaskKind } from '../core/tasks/types';
import { evaluatePolicy } from '../eval/evaluate';
import { oraclePolicy, randomPolicy } from '../eval/policies';
import { flagInt, flagString, UsageError, type CliArgs } from './args';
import { filterKinds, loadSuite, validateAll } from './suites';

export interface CommandContext {
  args: CliArgs;
  sandbox: SandboxRunner;
  quiet: boolean;
  print: (text: string) => void;
}

type Result = Record<string, unknown>;

function countByKind(tasks: Task[], invalidIds: Set<string>) {
  const bySkill: Partial<Record<TaskKind, { valid: number; invalid: number }>> = {};
  for (const t of tasks) {
    const e = (bySkill[t.kind] ??= { valid: 0, invalid: 0 });
    if (invalidIds.has(t.id)) e.invalid++;
    else e.valid++;
  }
  return bySkill;
}

export async function validateCommand(ctx: CommandContext): Promise<Result> {
  const spec = ctx.args.positional[1];
  if (!spec) throw new UsageError('validate <file.jsonl | builtin>');
  const seed = flagInt(ctx.args, 'seed', 1);
  const loaded = await loadSuite(spec, ctx.sandbox, seed, ctx.quiet);
  for (const e of loaded.errors) ctx.print(`${e.file}:${e.line}: ${e.field}: ${e.message}`);
  const { valid, invalid } = await validateAll(loaded.tasks, ctx.sandbox, ctx.quiet);
  const bySkill = countByKind(loaded.tasks, new Set(invalid.map((i) => i.id)));
  for (const kind of TASK_KINDS) {
    const e = bySkill[kind];
    if (e)
      ctx.print(
        `${kind.padEnd(14)} valid ${String(e.valid).padStart(5)}  invalid ${String(e.invalid).padStart(4)}`,
      );
  }
  for (const i of invalid.slice(0, 20)) ctx.print(`invalid ${i.id}: ${i.reason}`);
  if (invalid.length > 20)
    ctx.print(`... and ${invalid.length - 20} more invalid tasks (see --json)`);
  return {
    tasks: loaded.tasks.length,
    valid: valid.length,
    invalid,
    bySkill,
    ...(loaded.errors.length ? { errors: loaded.errors } : {}),
  };
}

export async function evalCommand(ctx: CommandContext): Promise<Result> {
  const policyName = flagString(ctx.args, 'policy');
  const policy =
    policyName === 'oracle' ? oraclePolicy : policyName === 'random' ? randomPolicy : null;
  if (!policy)
    throw new UsageError(
      `--policy must be oracle or random (trained checkpoints arrive with the trainer), got "${policyName}"`,
    );
  const seed = flagInt(ctx.args, 'seed', 1);
  const samples = Math.max(1, flagInt(ctx.args, 'samples', 1));
  const loaded = await loadSuite(flagString(ctx.args, 'suite'), ctx.sandbox, seed, ctx.quiet);
  const skills = ctx.args.flags.get('skills');
  const tasks = filterKinds(loaded.tasks, typeof skills === 'string' ? skills : undefined);
  const { valid, invalid } = await validateAll(tasks, ctx.sandbox, ctx.quiet);
  if (invalid.length)
    ctx.print(`${invalid.length} invalid tasks excluded (run \`validate\` for the reasons)`);
  const result = await evaluatePolicy(policy, valid, ctx.sandbox, createRng(seed).fork('eval'), {
    samples,
  });
  for (const [kind, s] of Object.entries(result.bySkill))
    ctx.print(
      `${kind.padEnd(14)} tasks ${String(s.tasks).padStart(5)}  mean reward ${s.meanReward.toFixed(3)}`,
    );
  return { policy: policy.name, samples, bySkill: result.bySkill };
}

function readFolder(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === 'node_modules' || name.startsWith('.')) continue;
      if (statSync(path).isDirectory()) visit(path);
      else if (name.endsWith('.js') || name.endsWith('.mjs'))
        files[relative(folder, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  try {
    visit(folder);
  } catch (error) {
    throw new UsageError(`cannot read the folder ${folder}: ${(error as Error).message}`);
  }
  if (!Object.keys(files).some((f) => f.endsWith('.test.js')))
    throw new UsageError(`${folder} has no *.test.js files to run`);
  return files;
}

export async function sandboxCommand(ctx: CommandContext): Promise<Result> {
  const folder = ctx.args.positional[1];
  if (!folder) throw new UsageError('sandbox <folder>');
  const result = await ctx.sandbox.run({
    files: readFolder(folder),
    deadlineMs: flagInt(ctx.args, 'deadline', 2000),
  });
  for (const t of result.tests)
    ctx.print(
      `${t.status === 'pass' ? 'PASS' : 'FAIL'} ${t.file} > ${t.name}${t.message ? ` — ${t.message}` : ''}`,
    );
  if (result.message) ctx.print(`${result.verdict}: ${result.label ?? ''} ${result.message}`);
  return {
    verdict: result.verdict,
    ...(result.label ? { label: result.label } : {}),
    ...(result.message ? { message: result.message } : {}),
    tests: result.tests.map((t) => ({
      file: t.file,
      name: t.name,
      status: t.status,
      ...(t.label ? { label: t.label } : {}),
      ms: t.ms,
    })),
  };
}

export async function suiteCommand(ctx: CommandContext): Promise<Result> {
  if (ctx.args.positional[1] !== 'export')
    throw new UsageError('suite export --split <train|val|test|all> --out <file.jsonl>');
  const split = flagString(ctx.args, 'split', 'all');
  const out = flagString(ctx.args, 'out');
  const seed = flagInt(ctx.args, 'seed', 1);
  const loaded = await loadSuite(
    split === 'all' ? 'builtin' : `builtin:${split}`,
    ctx.sandbox,
    seed,
    ctx.quiet,
  );
  const { valid, invalid } = await validateAll(loaded.tasks, ctx.sandbox, ctx.quiet);
  writeFileSync(
    out,
    serializeSuite(`builtin-${split}-seed${seed}`, valid, {
      seed,
      split,
      builder: 'atomic-skills-lab',
    }),
  );
  ctx.print(`wrote ${valid.length} valid tasks to ${out} (${invalid.length} invalid excluded)`);
  return { out, tasks: valid.length, excluded: invalid.length };
}
