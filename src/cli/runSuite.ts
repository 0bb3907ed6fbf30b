import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SandboxRunner } from '../core/sandbox/types';
import type { Task } from '../core/tasks/types';
import type { SuiteTasks } from '../eval/grid';
import { flagInt, UsageError } from './args';
import type { CommandContext } from './commands';
import { loadCachedSuite, loadSuiteFile, validateAll } from './suites';

// Which tasks a `lab train` or `lab experiment` run uses (`--suite`), and what it records of them.

export interface Splits {
  train: Task[];
  val: Task[];
  test: Task[];
}

/** What `--suite` names for a run: the quick suite, or a suite file (absent: the built-in one). */
export type SuiteFlag = { quick: true } | { path: string; validated: boolean };

/**
 * The tasks a run trains and evaluates on, by split: the cached, validated built-in suite, the
 * quick suite (`--suite quick`), or (`--suite <file.jsonl>`) a suite file. A file is validated
 * first unless `--validated` says it was written by `lab validate builtin` or `lab suite
 * export`, which keep only valid tasks.
 */
export async function runSplits(
  sandbox: SandboxRunner,
  seed: number,
  quiet: boolean,
  suite?: SuiteFlag,
): Promise<Splits> {
  let tasks: Task[];
  const file = suite && 'path' in suite ? suite : undefined;
  if (file) {
    const loaded = await loadSuiteFile(file.path, sandbox, seed, quiet);
    if (loaded.errors.length)
      throw new UsageError(
        `${file.path}: ${loaded.errors.length} malformed lines, e.g. line ${loaded.errors[0]!.line}: ${loaded.errors[0]!.message}`,
      );
    tasks = file.validated ? loaded.tasks : (await validateAll(loaded.tasks, sandbox, quiet)).valid;
  } else tasks = (await loadCachedSuite(suite ? 'quick' : 'builtin', sandbox, seed, quiet)).tasks;
  return {
    train: tasks.filter((t) => t.split === 'train'),
    val: tasks.filter((t) => t.split === 'val'),
    test: tasks.filter((t) => t.split === 'test'),
  };
}

/** A run's RecordedSuite, written when it starts. */
export const SUITE_FILE = 'suite.json';

/** The SuiteTasks of a run's splits. */
export function suiteTasks(splits: Splits): SuiteTasks {
  const hash = createHash('sha256');
  for (const split of ['train', 'val', 'test'] as const)
    for (const task of splits[split]) hash.update(`${split}\t${task.id}\n`);
  return {
    train: splits.train.length,
    val: splits.val.length,
    test: splits.test.length,
    digest: hash.digest('hex').slice(0, 16),
  };
}

export const describeTasks = (t: SuiteTasks): string =>
  `train ${t.train}, val ${t.val}, test ${t.test} tasks (digest ${t.digest})`;

/**
 * Why `now` is not the tasks a run or experiment recorded (`then`), or null when they are the
 * same (or nothing was recorded).
 */
export function tasksDiffer(then: SuiteTasks | undefined, now: SuiteTasks): string | null {
  const same =
    then?.train === now.train &&
    then.val === now.val &&
    then.test === now.test &&
    then.digest === now.digest;
  if (!then || same) return null;
  return `its tasks were ${describeTasks(then)}, the suite now gives ${describeTasks(now)}`;
}

/** What suite.json holds: where a run's tasks came from, and which they were. */
export interface RecordedSuite {
  source: RunSuiteSource;
  /** Absent in suite.json files written before runs recorded their tasks. */
  tasks?: SuiteTasks;
  /** A suite file's content (its SHA-256's first 16 hex digits) and whether it was validated. */
  file?: { sha256: string; validated: boolean };
}

/** What a run starting now records of its suite: its tasks are always known. */
export type CurrentSuite = RecordedSuite & { tasks: SuiteTasks };

/** The first 16 hex digits of a file's SHA-256 (what a suite file held, wherever it is now). */
export function fileDigest(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
  } catch (error) {
    throw new UsageError(`--suite ${path}: cannot read it (${(error as Error).message})`);
  }
}

/** What a run on `splits` from `--suite`/`--suite-seed` records of its suite. */
export function recordSuite(
  seed: number,
  suite: SuiteFlag | undefined,
  splits: Splits,
): CurrentSuite {
  const file = suite && 'path' in suite ? suite : undefined;
  return {
    source: suiteSource(seed, suite),
    tasks: suiteTasks(splits),
    ...(file ? { file: { sha256: fileDigest(file.path), validated: file.validated } } : {}),
  };
}

/**
 * Why a resumed run cannot continue on the suite as it is now (`now`), or null when it can:
 * its tasks differ from those it recorded, or its suite file's content does.
 */
export function resumedSuiteDiffers(
  recorded: RecordedSuite | undefined,
  now: CurrentSuite,
): string | null {
  if (recorded?.file && now.file && recorded.file.sha256 !== now.file.sha256)
    return `its suite file held sha256 ${recorded.file.sha256} when it started, ${now.file.sha256} now (the file changed; give the file it started on with --suite <path>)`;
  const tasks = tasksDiffer(recorded?.tasks, now.tasks);
  const why = now.file
    ? 'the same file, validated again, kept other tasks'
    : 'the suite was built again and came out otherwise';
  return tasks && `${tasks} (${why})`;
}

/**
 * Where a run's tasks came from: the built-in suite of a seed (the whole corpus, as the app's
 * "Whole corpus" suite builds it), the quick suite of a seed (as the app's quick demo builds it)
 * or a suite file. eval.json keeps it with the build id of the code that made the tasks and
 * their observations, so that `lab bundle` can tell the app whether it can rebuild what the
 * run's policy saw.
 */
export type RunSuiteSource = { builtin: number } | { quick: number } | { file: string };

/** `--suite` or the built-in suite of `--suite-seed`, as eval.json records it. */
export const suiteSource = (seed: number, suite: SuiteFlag | undefined): RunSuiteSource =>
  !suite ? { builtin: seed } : 'quick' in suite ? { quick: seed } : { file: resolve(suite.path) };

/**
 * The suite a resumed run continues on: the one it recorded when it started (`recorded`, absent
 * for runs from before runs recorded it), which `--suite` or `--suite-seed` may only name again.
 * A suite file may be named at another path (moved, or the run copied elsewhere) when its content
 * is the recorded one; suite.json then records the new path.
 */
export function resumedSuite(
  ctx: CommandContext,
  out: string,
  run: RecordedSuite | undefined,
): { seed: number; arg: SuiteFlag | undefined } {
  const given = { seed: flagInt(ctx.args, 'suite-seed', 1), arg: suiteFlag(ctx) };
  const recorded = run?.source;
  if (!recorded) return given;
  if ('file' in recorded) return resumedFile(ctx, out, recorded.file, run.file, given);
  const asFlags = ctx.args.flags.has('suite') || ctx.args.flags.has('suite-seed');
  if (asFlags && JSON.stringify(suiteSource(given.seed, given.arg)) !== JSON.stringify(recorded))
    throw new UsageError(
      `${out} was started on ${JSON.stringify(recorded)}, not ${JSON.stringify(suiteSource(given.seed, given.arg))}: resume it without --suite and --suite-seed (it continues on its own suite)`,
    );
  if ('quick' in recorded) return { seed: recorded.quick, arg: { quick: true } };
  return { seed: recorded.builtin, arg: undefined };
}

/** `resumedSuite` for a run on a suite file (`path`, with what it held: `content`). */
function resumedFile(
  ctx: CommandContext,
  out: string,
  path: string,
  content: RecordedSuite['file'],
  given: { seed: number; arg: SuiteFlag | undefined },
): { seed: number; arg: SuiteFlag } {
  const named = given.arg && 'path' in given.arg ? resolve(given.arg.path) : undefined;
  if (given.arg && !named)
    throw new UsageError(
      `${out} was started on the suite file ${path}, not the quick suite: resume it without --suite, or with --suite <that file>`,
    );
  // Validated as it was when the run started (recorded since 2026-12-06).
  const validated = content?.validated ?? ctx.args.flags.has('validated');
  const held = content ? ` (sha256 ${content.sha256})` : '';
  if (named && named !== path) {
    if (!content)
      throw new UsageError(
        `${out} was started on ${path}, not ${named}, and recorded no digest of it to tell whether they hold the same tasks: resume it without --suite`,
      );
    const now = fileDigest(named);
    if (now !== content.sha256)
      throw new UsageError(
        `${named} is not the suite file ${out} was started on: that one${held} was ${path}, this one holds sha256 ${now}; give that file's content with --suite`,
      );
  }
  if (!named && !existsSync(path))
    throw new UsageError(
      `${out} was started on the suite file ${path}, which is gone: give the same file${held} where it is now with --suite <path>`,
    );
  return { seed: given.seed, arg: { path: named ?? path, validated } };
}

/** A JSON file of a run folder, or a usage error saying it is damaged (not a stack trace). */
export function readRunJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `${file} is not valid JSON (${(error as Error).message}): the run folder is damaged; put the file back from a copy, or train into another --out`,
    );
  }
}

/** The suite a run in `out` recorded when it started, if it did. */
export function recordedSuite(out: string): RecordedSuite | undefined {
  const file = join(out, SUITE_FILE);
  if (!existsSync(file)) return undefined;
  const value = readRunJson(file) as RecordedSuite | RunSuiteSource;
  // The first suite.json files held the source alone.
  return 'source' in value ? value : { source: value };
}

/** `--suite quick` or `--suite <file.jsonl> [--validated]`, when given. */
export function suiteFlag(ctx: CommandContext): SuiteFlag | undefined {
  const path = ctx.args.flags.get('suite');
  if (path === undefined) return undefined;
  if (typeof path !== 'string' || path.trim() === '')
    throw new UsageError('--suite needs quick or a file path');
  if (path === 'quick') return { quick: true };
  return { path, validated: ctx.args.flags.has('validated') };
}
