import { CORPUS } from '../core/corpus';
import { hashString } from '../core/rng';
import type { SandboxRunner } from '../core/sandbox/types';
import { buildBuiltinTasks } from '../core/tasks/build';
import type { Task, TaskKind } from '../core/tasks/types';
import { validateTask } from '../core/tasks/validate';

/** Which built-in tasks a browser run trains and evaluates on. */
export interface SuiteSpec {
  /** `quick`: a handful of corpus projects (builds in about a minute); `all`: the whole corpus. */
  projects: 'quick' | 'all';
  seed: number;
}

/** Small projects that between them yield every task kind; splits are assigned among them. */
export const QUICK_PROJECTS = [
  'money',
  'csv-parse',
  'semver',
  'lru-cache',
  'stats-basic',
  'roman-numerals',
  'query-string',
  'shopping-cart',
];

/** A task that failed validation: which, of what kind, and why. */
export interface InvalidTask {
  id: string;
  kind: TaskKind;
  reason: string;
}

export interface BuiltSuite {
  key: string;
  tasks: Task[];
  invalid: InvalidTask[];
}

/** A cache key for a suite: the spec, the corpus and a build id of the code that grades it. */
export function suiteKey(spec: SuiteSpec, buildId: string): string {
  const names = spec.projects === 'quick' ? QUICK_PROJECTS : CORPUS.map((p) => p.name);
  const corpus = CORPUS.filter((p) => names.includes(p.name));
  return `builtin:${spec.projects}:seed${spec.seed}:${buildId}:${hashString(JSON.stringify(corpus)).toString(16)}`;
}

/**
 * The suite key of a run trained in Node whose tasks the app cannot rebuild (`lab bundle`): on
 * a suite file (named), or from before runs recorded their suite and build.
 */
export const nodeSuiteKey = (file?: string): string =>
  `node:${file === undefined ? 'unrecorded' : `file:${file}`}`;

/** What a `nodeSuiteKey` says of a run's tasks, or null for any other key. */
export function nodeSuiteOf(key: string): { file?: string } | null {
  if (!key.startsWith('node:')) return null;
  return key.startsWith('node:file:') ? { file: key.slice('node:file:'.length) } : {};
}

/** Builds and validates a built-in suite, reporting progress; invalid tasks are kept out, with reasons. */
export async function buildSuite(
  spec: SuiteSpec,
  buildId: string,
  sandbox: SandboxRunner,
  onProgress?: (stage: string, done: number, total: number) => void,
): Promise<BuiltSuite> {
  const projects =
    spec.projects === 'quick' ? CORPUS.filter((p) => QUICK_PROJECTS.includes(p.name)) : CORPUS;
  const { tasks } = await buildBuiltinTasks(sandbox, {
    seed: spec.seed,
    projects,
    ...(spec.projects === 'quick' ? { maxMutants: 24 } : {}),
    onProgress: (done, total) => onProgress?.('building tasks', done, total),
  });
  const valid: Task[] = [];
  const invalid: InvalidTask[] = [];
  const seen = new Set<string>();
  for (const [i, task] of tasks.entries()) {
    if (i % 20 === 0) onProgress?.('validating tasks', i, tasks.length);
    // Two generators can derive the same task (same id from the same mutation); keep one.
    if (seen.has(task.id)) continue;
    seen.add(task.id);
    const v = await validateTask(task, sandbox);
    if (v.ok) valid.push(task);
    else invalid.push({ id: task.id, kind: task.kind, reason: v.reason });
  }
  return { key: suiteKey(spec, buildId), tasks: valid, invalid };
}
