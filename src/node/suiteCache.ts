import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS } from '../core/corpus';
import type { SandboxRunner } from '../core/sandbox/types';
import { buildBuiltinTasks } from '../core/tasks/build';
import { parseSuite, suiteLines } from '../core/tasks/suite';
import type { Task } from '../core/tasks/types';
import { validateTask, type TaskValidity } from '../core/tasks/validate';
import { linesOfFile, writeLines } from './lines';
import { buildSuite, suiteKey, type InvalidTask } from '../rl/suiteSource';
import { codeBuildId } from './buildId';

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

export type { InvalidTask };

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
  if (!options.refresh) {
    const cached = readCached(file, quiet, 'built-in suite');
    if (cached) return cached;
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
  writeCached(file, `builtin-seed${seed}`, seed, valid, invalid);
  log(
    quiet,
    `built-in suite: ${valid.length} valid, ${invalid.length} invalid, built in ${Math.round((Date.now() - started) / 1000)} s; cached at ${file}`,
  );
  return { tasks: valid, invalid, cached: false, file };
}

/** Reads a cached suite and its invalid tasks, or null when there is none or it is damaged. */
function readCached(file: string, quiet: boolean, what: string): BuiltinSuite | null {
  // The whole corpus's cache is hundreds of MB: reading it takes a while on its own.
  if (existsSync(file)) log(quiet, `${what}: reading ${file}…`);
  try {
    const parsed = parseSuite(linesOfFile(file), file);
    const invalid = JSON.parse(readFileSync(`${file}.invalid.json`, 'utf8')) as InvalidTask[];
    if (parsed.errors.length === 0 && parsed.header?.tasks === parsed.tasks.length) {
      log(quiet, `${what}: ${parsed.tasks.length} valid tasks from ${file}`);
      return { tasks: parsed.tasks, invalid, cached: true, file };
    }
    log(quiet, `${what} cache ${file} is damaged; rebuilding`);
  } catch {
    // No cache yet (or unreadable).
  }
  return null;
}

/** Writes a suite's cache: under temporary names, renamed, so a cut write never looks whole. */
function writeCached(
  file: string,
  name: string,
  seed: number,
  valid: readonly Task[],
  invalid: readonly InvalidTask[],
): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.invalid.json.tmp`, JSON.stringify(invalid));
  writeLines(`${file}.tmp`, suiteLines(name, [...valid], { seed, builder: 'atomic-skills-lab' }));
  renameSync(`${file}.invalid.json.tmp`, `${file}.invalid.json`);
  renameSync(`${file}.tmp`, file);
}

/**
 * The quick suite (a handful of corpus projects, as the app's "Quick demo" suite): built by the
 * app's own code, so its tasks are the ones the app builds for that seed and build, then kept on
 * disk like the built-in suite. A minute or two to build, where the whole corpus takes many.
 */
export async function quickSuite(
  sandbox: SandboxRunner,
  seed: number,
  options: { quiet?: boolean; cacheDir?: string } = {},
): Promise<BuiltinSuite> {
  const quiet = options.quiet ?? false;
  const spec = { projects: 'quick', seed } as const;
  const buildId = codeBuildId();
  const key = suiteKey(spec, buildId);
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 16);
  const file = join(options.cacheDir ?? DEFAULT_CACHE_DIR, `quick-seed${seed}-${hash}.jsonl`);
  const cached = readCached(file, quiet, 'quick suite');
  if (cached) return cached;
  const started = Date.now();
  let shown = '';
  const built = await buildSuite(spec, buildId, sandbox, (stage, done, total) => {
    const line = `  quick suite: ${stage} ${done}/${total}`;
    // Every tenth of the way, not every task.
    const tenth = `${stage}:${Math.floor((10 * done) / Math.max(1, total))}`;
    if (tenth !== shown) log(quiet, line);
    shown = tenth;
  });
  writeCached(file, `quick-seed${seed}`, seed, built.tasks, built.invalid);
  log(
    quiet,
    `quick suite: ${built.tasks.length} valid, ${built.invalid.length} invalid, built in ${Math.round((Date.now() - started) / 1000)} s; cached at ${file}`,
  );
  return { tasks: built.tasks, invalid: built.invalid, cached: false, file };
}
