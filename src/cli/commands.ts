import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { createRng } from '../core/rng';
import type { SandboxRunner } from '../core/sandbox/types';
import { suiteLines } from '../core/tasks/suite';
import { writeLines } from '../node/lines';
import { SPLITS, TASK_KINDS, type TaskKind } from '../core/tasks/types';
import { evaluatePolicy, type KindScore } from '../eval/evaluate';
import { readModelAnswers, scoreModelAnswers } from '../eval/modelAnswers';
import { promptsFile } from '../eval/modelPrompt';
import { inKindOrder } from '../eval/stats';
import { oraclePolicy, randomPolicy } from '../eval/policies';
import { flagInt, flagString, UsageError, type CliArgs } from './args';
import { checkWritableFile } from './outPaths';
import {
  filterKinds,
  loadSuite,
  parseKinds,
  validateAll,
  wholeSuiteNote,
  type LoadedSuite,
} from './suites';
import { builtinSuite } from '../node/suiteCache';
import type { SuiteLineError } from '../core/tasks/suite';
import type { AnswerPolicy } from '../eval/evaluate';
import { checkpointPolicy, formatScore, readCheckpoint, useNodeBackend } from './train';
import { existsSync } from 'node:fs';

export interface CommandContext {
  args: CliArgs;
  sandbox: SandboxRunner;
  quiet: boolean;
  print: (text: string) => void;
}

type Result = Record<string, unknown>;

export async function validateCommand(ctx: CommandContext): Promise<Result> {
  const spec = ctx.args.positional[1];
  if (!spec) throw new UsageError('validate <file.jsonl | builtin>');
  const seed = flagInt(ctx.args, 'seed', 1);
  let checked: { kind: TaskKind; id: string; reason: string | null }[];
  let errors: SuiteLineError[] = [];
  let leftOut: LoadedSuite['leftOut'] = [];
  if (spec === 'builtin') {
    // Always built and validated afresh; the result refreshes the cache train and eval read.
    const suite = await builtinSuite(ctx.sandbox, seed, { quiet: ctx.quiet, refresh: true });
    checked = [
      ...suite.tasks.map((t) => ({ kind: t.kind, id: t.id, reason: null })),
      ...suite.invalid,
    ];
  } else {
    const loaded = await loadSuite(spec, ctx.sandbox, seed, ctx.quiet);
    errors = loaded.errors;
    leftOut = loaded.leftOut ?? [];
    const { invalid } = await validateAll(loaded.tasks, ctx.sandbox, ctx.quiet);
    const reasons = new Map(invalid.map((i) => [i.id, i.reason]));
    checked = loaded.tasks.map((t) => ({
      kind: t.kind,
      id: t.id,
      reason: reasons.get(t.id) ?? null,
    }));
  }
  for (const e of errors) ctx.print(`${e.file}:${e.line}: ${e.field}: ${e.message}`);
  for (const p of leftOut) ctx.print(`${p.project}: left out: ${p.reason}`);
  const counts = new Map<TaskKind, { valid: number; invalid: number }>();
  for (const c of checked) {
    const e = counts.get(c.kind) ?? { valid: 0, invalid: 0 };
    counts.set(c.kind, e);
    if (c.reason === null) e.valid++;
    else e.invalid++;
  }
  // In the order of TASK_KINDS, as eval and compare give kinds.
  const bySkill = inKindOrder((kind) => counts.get(kind));
  const invalid = checked.flatMap((c) =>
    c.reason === null ? [] : [{ id: c.id, reason: c.reason }],
  );
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
  const valid = checked.length - invalid.length;
  // Invalid tasks are what validation reports; a file with unreadable lines or no valid task
  // at all is a failure (exit 1), so a script does not take it for a suite.
  const failed = errors.length > 0 || valid === 0;
  if (checked.length === 0) ctx.print(`${spec}: no tasks`);
  return {
    tasks: checked.length,
    valid,
    invalid,
    bySkill,
    ...(errors.length ? { errors } : {}),
    ...(leftOut.length ? { leftOut } : {}),
    ...(failed ? { exitCode: 1 } : {}),
  };
}

/**
 * The tasks `--suite` (and `--skills`) name, and of them only those `only` names when given,
 * validated unless the suite says it was (the built-in one) or `--validated` does. `offered`:
 * how many tasks of each kind the suite (and `--skills`) has, before `only`.
 */
async function evalTasks(ctx: CommandContext, seed: number, only?: ReadonlySet<string>) {
  const suiteSpec = flagString(ctx.args, 'suite');
  const skills = ctx.args.flags.get('skills');
  // Checked before the suite is read: building it can take many minutes.
  if (typeof skills === 'string') parseKinds(skills);
  const loaded = await loadSuite(suiteSpec, ctx.sandbox, seed, ctx.quiet);
  if (loaded.errors.length > 0) {
    const e = loaded.errors[0]!;
    throw new UsageError(
      `${suiteSpec}: ${loaded.errors.length} unreadable line(s), e.g. line ${e.line}: ${e.field}: ${e.message} (\`validate ${suiteSpec}\` lists them all); nothing was evaluated`,
    );
  }
  const whole = wholeSuiteNote(suiteSpec, loaded.tasks);
  // On stderr, as the progress is: beside the scores, not in output redirected from them.
  if (whole && !ctx.quiet) process.stderr.write(`${whole}\n`);
  const ofKinds = filterKinds(loaded.tasks, typeof skills === 'string' ? skills : undefined);
  const offered: Partial<Record<TaskKind, number>> = {};
  for (const t of ofKinds) offered[t.kind] = (offered[t.kind] ?? 0) + 1;
  const tasks = ofKinds.filter((t) => !only || only.has(t.id));
  if (tasks.length === 0)
    throw new UsageError(
      `${suiteSpec} has no tasks${skills ? ` of ${String(skills)}` : ''}${only ? ' that the answers name' : ''} to evaluate`,
    );
  const { valid, invalid } =
    loaded.validated || ctx.args.flags.has('validated')
      ? { valid: tasks, invalid: [] }
      : await validateAll(tasks, ctx.sandbox, ctx.quiet);
  if (invalid.length)
    ctx.print(`${invalid.length} invalid tasks excluded (run \`validate\` for the reasons)`);
  // Counted before validation unless the suite was validated already (its invalid tasks have
  // no prompt: `lab prompts` writes valid tasks only).
  return { valid, offered, offeredValid: loaded.validated || ctx.args.flags.has('validated') };
}

const printScores = (ctx: CommandContext, bySkill: Record<string, KindScore>): void => {
  for (const [kind, s] of Object.entries(bySkill))
    ctx.print(
      `${kind.padEnd(14)} tasks ${String(s.tasks).padStart(5)}  mean reward ${formatScore(s)}`,
    );
};

/** `eval --answers`: a model's answers (JSONL), read from their text and graded like a policy's. */
async function answersEval(ctx: CommandContext, file: string): Promise<Result> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --answers ${file}: ${(error as Error).message}`);
  }
  const { answers, errors } = readModelAnswers(text, file);
  if (errors.length > 0) {
    const e = errors[0]!;
    throw new UsageError(
      `${file}: ${errors.length} unreadable line(s), e.g. line ${e.line}: ${e.field}: ${e.message}; nothing was evaluated`,
    );
  }
  // Only the tasks answered are validated: a suite's others play no part.
  const {
    valid: tasks,
    offered,
    offeredValid,
  } = await evalTasks(ctx, flagInt(ctx.args, 'seed', 1), new Set(answers.map((a) => a.task)));
  const score = await scoreModelAnswers(tasks, answers, ctx.sandbox);
  printScores(ctx, score.bySkill);
  // Only what was answered is scored: say how much of the suite that is, kind by kind (an
  // answers file of the easy half would otherwise read as a perfect score).
  const coverage = Object.fromEntries(
    Object.keys(score.bySkill).map((kind) => [
      kind,
      {
        answered: Object.keys(score.perTask[kind as TaskKind] ?? {}).length,
        inSuite: offered[kind as TaskKind] ?? 0,
      },
    ]),
  );
  const partial = Object.entries(coverage).filter(([, c]) => c.answered < c.inSuite);
  if (partial.length)
    ctx.print(
      `scored over the tasks answered only: ${partial.map(([k, c]) => `${k} ${c.answered} of ${c.inSuite}`).join(', ')}${offeredValid ? '' : " (of the suite's tasks before validation: `lab validate` says which are valid)"}; a task left out counts for nothing (answer it, even with null, for a score over the whole suite)`,
    );
  if (score.unreadCount)
    ctx.print(
      `${score.unreadCount} answer(s) held no answer and scored 0, e.g. line ${score.unread[0]!.line}: ${score.unread[0]!.reason}`,
    );
  if (score.unknownTasks.length)
    ctx.print(
      `${score.unknownTasks.length} task id(s) are not in the suite and were not scored, e.g. ${score.unknownTasks[0]!}`,
    );
  return {
    policy: `answers:${basename(file)}`,
    answers: score.answers,
    bySkill: score.bySkill,
    unreadCount: score.unreadCount,
    unread: score.unread,
    unknownTasks: score.unknownTasks,
    coverage,
    ...(ctx.args.flags.has('per-task') ? { perTask: score.perTask } : {}),
  };
}

/** Refuses options that mean nothing for what was asked (taken silently, they would mislead). */
function refuseFlags(ctx: CommandContext, names: readonly string[], why: string): void {
  const given = names.filter((n) => ctx.args.flags.has(n));
  if (given.length > 0)
    throw new UsageError(`${given.map((n) => `--${n}`).join(' and ')}: ${why}; leave it out`);
}

export async function evalCommand(ctx: CommandContext): Promise<Result> {
  if (ctx.args.flags.has('answers')) {
    if (ctx.args.flags.has('policy')) throw new UsageError('give --policy or --answers, not both');
    refuseFlags(
      ctx,
      ['samples', 'backend'],
      'a file of answers is scored as it is (one answer a task, no model run)',
    );
    return answersEval(ctx, flagString(ctx.args, 'answers'));
  }
  const policyName = flagString(ctx.args, 'policy');
  let policy: AnswerPolicy;
  let dispose = (): void => {};
  if (policyName === 'oracle' || policyName === 'random')
    refuseFlags(ctx, ['backend'], `the ${policyName} policy runs no model`);
  if (policyName === 'oracle') policy = oraclePolicy;
  else if (policyName === 'random') policy = randomPolicy;
  else if (existsSync(policyName)) {
    await useNodeBackend(flagString(ctx.args, 'backend', 'wasm'));
    ({ policy, dispose } = checkpointPolicy(readCheckpoint(policyName)));
  } else
    throw new UsageError(
      `--policy must be oracle, random or a checkpoint (a run directory or its checkpoint file), got "${policyName}"`,
    );
  const seed = flagInt(ctx.args, 'seed', 1);
  const samples = flagInt(ctx.args, 'samples', 1, 1);
  let result;
  try {
    const { valid } = await evalTasks(ctx, seed);
    result = await evaluatePolicy(policy, valid, ctx.sandbox, createRng(seed).fork('eval'), {
      samples,
    });
  } finally {
    dispose();
  }
  printScores(ctx, result.bySkill);
  return {
    policy: policy.name,
    samples,
    bySkill: result.bySkill,
    ...(ctx.args.flags.has('per-task') ? { perTask: result.perTask } : {}),
  };
}

/** `prompts`: the tasks as prompts for a language model, one JSON line each (`eval --answers` scores the replies). */
export async function promptsCommand(ctx: CommandContext): Promise<Result> {
  const out = flagString(ctx.args, 'out');
  checkWritableFile(out, '--out', ctx.args.flags.has('force'));
  const { valid: tasks } = await evalTasks(ctx, flagInt(ctx.args, 'seed', 1));
  writeFileSync(out, promptsFile(tasks));
  ctx.print(`wrote ${tasks.length} prompts to ${out}`);
  return { out, prompts: tasks.length };
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
    // In ms; up to ten minutes (a timer cannot wait past 2^31 - 1 ms: it would fire at once).
    deadlineMs: flagInt(ctx.args, 'deadline', 2000, 1, 600_000),
    ...(ctx.args.flags.has('steps') ? { stepBudget: flagInt(ctx.args, 'steps', 0, 1) } : {}),
  });
  for (const t of result.tests)
    ctx.print(
      `${t.status === 'pass' ? 'PASS' : 'FAIL'} ${t.file} > ${t.name}${t.message ? ` — ${t.message}` : ''}`,
    );
  if (result.message) ctx.print(`${result.verdict}: ${result.label ?? ''} ${result.message}`);
  return {
    ...(result.verdict === 'pass' ? {} : { exitCode: 1 }),
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
  if (split !== 'all' && !(SPLITS as readonly string[]).includes(split))
    throw new UsageError(`--split must be ${SPLITS.join(', ')} or all, got "${split}"`);
  const out = flagString(ctx.args, 'out');
  checkWritableFile(out, '--out', ctx.args.flags.has('force'));
  const seed = flagInt(ctx.args, 'seed', 1);
  const loaded = await loadSuite(
    split === 'all' ? 'builtin' : `builtin:${split}`,
    ctx.sandbox,
    seed,
    ctx.quiet,
  );
  // The built-in suite keeps only tasks its build validated: no second pass over them.
  const { valid, invalid } = loaded.validated
    ? { valid: loaded.tasks, invalid: [] }
    : await validateAll(loaded.tasks, ctx.sandbox, ctx.quiet);
  writeLines(
    out,
    suiteLines(`builtin-${split}-seed${seed}`, valid, {
      seed,
      split,
      builder: 'atomic-skills-lab',
    }),
  );
  ctx.print(`wrote ${valid.length} valid tasks to ${out} (${invalid.length} invalid excluded)`);
  return { out, tasks: valid.length, excluded: invalid.length };
}
