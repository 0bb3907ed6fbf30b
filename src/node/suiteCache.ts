import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS } from '../core/corpus';
import type { SandboxRunner } from '../core/sandbox/types';
import { buildBuiltinTasks } from '../core/tasks/build';
import { parseSuite, suiteLines } from '../core/tasks/suite';
import type { Task, TaskKind } from '../core/tasks/types';
import { validateTask, type TaskValidity } from '../core/tasks/validate';
import { linesOfFile, writeLines } from './lines';

/** Validates tasks a few at a time (the sandbox pool runs them in parallel), in input order. */
export async function validateConcurrently(
  tasks: readonly Task[],
  sandbox: SandboxRunner,
  onDone?: (done: number) => void,
  concurrency = 4,
): Promise<TaskValidity[]> {
  const out = new Array<TaskValidity>(tasks.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await validateTask(tasks[i]!, sandbox);
      onDone?.(++done);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

const CORE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'core');
export const DEFAULT_CACHE_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'node_modules',
  '.cache',
  'atomic-skills-lab',
);

export interface InvalidTask {
  id: string;
  kind: TaskKind;
  reason: string;
}

export interface BuiltinSuite {
  /** Valid tasks of every split. */
  tasks: Task[];
  invalid: InvalidTask[];
  /** True when read from the cache rather than built and validated now. */
  cached: boolean;
  file: string;
}

const IMPORT = /(?:from|import)\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every source file `entries` reach through relative imports (the code a suite depends on). */
export function reachableSources(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const base = join(dirname(file), m[1]!);
      const target = [base, `${base}.ts`, join(base, 'index.ts')].find(
        (f) => existsSync(f) && statSync(f).isFile(),
      );
      if (target) visit(target);
    }
  };
  entries.forEach(visit);
  return [...seen].sort();
}

/**
 * What the built suite depends on: the corpus, the seed and every line of the code that builds
 * and validates it. Any change to a generator or verifier gives a new key, so a stale suite is
 * never reused.
 */
export function builtinSuiteKey(seed: number): string {
  const hash = createHash('sha256');
  hash.update(`seed:${seed}\n`);
  hash.update(JSON.stringify(CORPUS));
  const entries = ['tasks/build.ts', 'tasks/validate.ts', 'tasks/suite.ts'];
  for (const file of reachableSources(entries.map((e) => join(CORE_DIR, e))))
    hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

const log = (quiet: boolean, text: string): void => {
  if (!quiet) process.stderr.write(`${text}\n`);
};

/**
 * The built-in suite, built from the corpus and validated by execution, then kept on disk
 * (valid tasks and the reasons for the invalid ones) so training and evaluation start at once
 * the next time. Building the whole corpus takes minutes on two cores.
 */
export async function builtinSuite(
  sandbox: SandboxRunner,
  seed: number,
  options: { quiet?: boolean; cacheDir?: string; refresh?: boolean } = {},
): Promise<BuiltinSuite> {
  const quiet = options.quiet ?? false;
  const dir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const file = join(dir, `builtin-seed${seed}-${builtinSuiteKey(seed)}.jsonl`);
  const invalidFile = `${file}.invalid.json`;
  if (!options.refresh) {
    try {
      const parsed = parseSuite(linesOfFile(file), file);
      const invalid = JSON.parse(readFileSync(invalidFile, 'utf8')) as InvalidTask[];
      if (parsed.errors.length === 0 && parsed.header?.tasks === parsed.tasks.length) {
        log(quiet, `built-in suite: ${parsed.tasks.length} valid tasks from ${file}`);
        return { tasks: parsed.tasks, invalid, cached: true, file };
      }
      log(quiet, `built-in suite cache ${file} is damaged; rebuilding`);
    } catch {
      // No cache yet (or unreadable): build it below.
    }
  }
  const started = Date.now();
  const { tasks } = await buildBuiltinTasks(sandbox, {
    seed,
    onProgress: (done, total, project) =>
      log(quiet, `  building built-in suite: ${done}/${total} ${project}`),
  });
  const counts = new Map<string, number>();
  for (const t of tasks) counts.set(t.kind, (counts.get(t.kind) ?? 0) + 1);
  log(
    quiet,
    `  built ${tasks.length} candidate tasks: ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}`,
  );
  const checked = await validateConcurrently(tasks, sandbox, (done) => {
    if (done % 500 === 0) log(quiet, `  validating ${done}/${tasks.length}`);
  });
  const valid: Task[] = [];
  const invalid: InvalidTask[] = [];
  const seen = new Set<string>();
  tasks.forEach((task, i) => {
    const v = checked[i]!;
    // Two generators can derive the same task (same id from the same mutation); keep one.
    if (seen.has(task.id)) return;
    seen.add(task.id);
    if (v.ok) valid.push(task);
    else invalid.push({ id: task.id, kind: task.kind, reason: v.reason });
  });
  mkdirSync(dir, { recursive: true });
  // Written to a temporary name and renamed, so an interrupted write never looks complete.
  writeFileSync(`${invalidFile}.tmp`, JSON.stringify(invalid));
  writeLines(
    `${file}.tmp`,
    suiteLines(`builtin-seed${seed}`, valid, { seed, builder: 'atomic-skills-lab' }),
  );
  renameSync(`${invalidFile}.tmp`, invalidFile);
  renameSync(`${file}.tmp`, file);
  log(
    quiet,
    `built-in suite: ${valid.length} valid, ${invalid.length} invalid, built in ${Math.round((Date.now() - started) / 1000)} s; cached at ${file}`,
  );
  return { tasks: valid, invalid, cached: false, file };
}
