import { existsSync, readFileSync } from 'node:fs';
import { createRng } from '../core/rng';
import type { SandboxRunner } from '../core/sandbox/types';
import type { ProjectReport } from '../core/tasks/build';
import { builtinSuite, quickSuite } from '../node/suiteCache';
import { linesOfFile } from '../node/lines';
import { parseHumanEvalPack } from '../core/tasks/humanEval';
import { isHumanEvalPackFile } from '../eval/taskFile';
import { importedTasks } from '../core/tasks/importTasks';
import { parseSuite, type SuiteLineError } from '../core/tasks/suite';
import {
  ATOMIC_SKILLS,
  COMPOSITE_KINDS,
  isTaskKind,
  SPLITS,
  type Split,
  type Task,
  type TaskKind,
} from '../core/tasks/types';
import { validateTask } from '../core/tasks/validate';
import { UsageError } from './args';

export interface LoadedSuite {
  tasks: Task[];
  errors: SuiteLineError[];
  reports?: ProjectReport[];
  /**
   * What making a HumanEvalPack file's tasks left out, and why: a whole record (e.g. its buggy
   * solution passes) or some of a record's kinds (e.g. no review tasks).
   */
  leftOut?: { project: string; reason: string }[];
  /** Set when every task was already validated (the cached built-in suite). */
  validated?: boolean;
}

const log = (quiet: boolean, text: string): void => {
  if (!quiet) process.stderr.write(`${text}\n`);
};

/** Reads a suite file: our JSONL suite format, or HumanEvalPack-style JSONL (detected by its fields). */
export async function loadSuiteFile(
  path: string,
  sandbox: SandboxRunner,
  seed: number,
  quiet: boolean,
): Promise<LoadedSuite> {
  let humanEval: boolean;
  try {
    const lines = linesOfFile(path, 1 << 16);
    humanEval = isHumanEvalPackFile(lines);
    lines.return(undefined);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  if (humanEval) {
    const { projects, errors } = parseHumanEvalPack(readFileSync(path, 'utf8'), path);
    log(quiet, `${path}: HumanEvalPack format, ${projects.length} records; generating tasks...`);
    const { tasks, problems } = await importedTasks(projects, sandbox, seed);
    if (problems.length > 0) {
      const made = new Set(tasks.map((t) => t.project));
      const none = projects.filter((p) => !made.has(p.name)).length;
      log(
        quiet,
        `${path}: ${none} of ${projects.length} records gave no task; ${problems.length} left out in all, e.g. ${problems[0]!.project}: ${problems[0]!.reason} (\`validate\` lists them)`,
      );
    }
    return { tasks, errors, leftOut: problems };
  }
  // Read line by line: an exported suite can be larger than one JavaScript string.
  return parseSuite(linesOfFile(path), path);
}

/**
 * The built-in suite (the whole corpus) or the quick suite (a few corpus projects, as the app's
 * quick demo) for a seed, every split: its valid tasks, from the cache when built before.
 */
export async function loadCachedSuite(
  which: 'builtin' | 'quick',
  sandbox: SandboxRunner,
  seed: number,
  quiet: boolean,
): Promise<LoadedSuite> {
  const { tasks } = await (which === 'quick' ? quickSuite : builtinSuite)(sandbox, seed, {
    quiet,
  });
  return { tasks, errors: [], validated: true };
}

/** `builtin`, `builtin:<split>`, `quick`, `quick:<split>` or a file path. */
export async function loadSuite(
  spec: string,
  sandbox: SandboxRunner,
  seed: number,
  quiet: boolean,
): Promise<LoadedSuite> {
  const [name, split] = spec.split(':');
  if (name === 'builtin' || name === 'quick') {
    if (split !== undefined && !(SPLITS as readonly string[]).includes(split)) {
      throw new UsageError(
        `unknown split "${split}": use ${name}:train, ${name}:val or ${name}:test`,
      );
    }
    const all = await loadCachedSuite(name, sandbox, seed, quiet);
    return split ? { ...all, tasks: all.tasks.filter((t) => t.split === (split as Split)) } : all;
  }
  // A file's split too (`suite.jsonl:test`), unless the file is named so.
  const named = /^(.+):(train|val|test)$/.exec(spec);
  if (named && !existsSync(spec)) {
    const all = await loadSuiteFile(named[1]!, sandbox, seed, quiet);
    return { ...all, tasks: all.tasks.filter((t) => t.split === named[2]) };
  }
  return loadSuiteFile(spec, sandbox, seed, quiet);
}

/**
 * What to say of a suite used whole that holds several splits (`builtin`, `quick` or a file
 * given without one): a policy scored on every split is scored on tasks it may have trained on.
 * Null when it names a split or holds one.
 */
export function wholeSuiteNote(spec: string, tasks: readonly Task[]): string | null {
  const splits = SPLITS.map((s) => [s, tasks.filter((t) => t.split === s).length] as const);
  if (splits.filter(([, n]) => n > 0).length < 2) return null;
  return `note: ${spec} holds ${splits.map(([s, n]) => `${n} ${s}`).join(', ')} tasks, and all of them are used; give ${spec}:test for its test split alone`;
}

/** `a,b,c` of task kinds, where `atomic` stands for the five skills and `composite` for the rest. */
export function parseKinds(skills: string): TaskKind[] {
  const wanted = skills.split(',').flatMap((s): string[] => {
    const name = s.trim();
    if (name === 'atomic') return [...ATOMIC_SKILLS];
    if (name === 'composite') return [...COMPOSITE_KINDS];
    return [name];
  });
  const unknown = wanted.find((s) => !isTaskKind(s));
  if (unknown !== undefined)
    throw new UsageError(
      `unknown skill "${unknown}": use localization, editing, testgen, reproduction, review, bugfix, bugfix-multi, tdd-fix, refactor or security-fix, or atomic (the five skills) or composite (the five composite tasks)`,
    );
  return [...new Set(wanted as TaskKind[])];
}

/** Keeps the tasks of the named kinds (`--skills a,b`). */
export function filterKinds(tasks: Task[], skills: string | undefined): Task[] {
  if (!skills) return tasks;
  const wanted = parseKinds(skills);
  return tasks.filter((t) => wanted.includes(t.kind));
}

/** Validates every task; returns the valid ones and the reasons for the others. */
export async function validateAll(tasks: Task[], sandbox: SandboxRunner, quiet: boolean) {
  const valid: Task[] = [];
  const invalid: { id: string; reason: string }[] = [];
  for (const [i, task] of tasks.entries()) {
    if (i % 250 === 0) log(quiet, `  validating ${i}/${tasks.length}`);
    const v = await validateTask(task, sandbox);
    if (v.ok) valid.push(task);
    else invalid.push({ id: task.id, reason: v.reason });
  }
  return { valid, invalid };
}

export const seedRng = createRng;
