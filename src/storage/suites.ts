/**
 * Built task suites cached in IndexedDB, in parts. Chromium refuses one value over 133,169,152
 * bytes, and the whole corpus's suite is some 610 MB of tasks, so a suite is stored as parts of
 * at most `SUITE_PART_TASKS` tasks (about 12 MB each for the built-in corpus) in `suiteParts`,
 * and its row in `suites` (written last, so a row means every part landed) says how many parts
 * there are, which part holds which task, and the suite's size. Rows cached before parts
 * (version 2 of the schema and earlier) hold their tasks themselves and are still read.
 */
import type { Task } from '../core/tasks/types';
import type { LabDatabase, SuiteRow } from './db';
import type { SuiteKinds } from '../protocol/training';

/** Tasks per stored part: small enough for any built-in task to stay far under the value cap. */
export const SUITE_PART_TASKS = 500;

export interface CachedSuite {
  key: string;
  builtAt: number;
  tasks: Task[];
  invalid: SuiteRow['invalid'];
}

/** The size a value is reported at: the length of its JSON (approximate bytes). */
export const jsonSize = (value: unknown): number => JSON.stringify(value).length;

/**
 * Stores a built suite: its parts, one transaction each (a part's write holds only that part's
 * serialized copy), then its row. A failed write (say, storage full) removes the parts already
 * written and rethrows. `onProgress` hears the tasks stored so far after each part.
 */
export async function storeSuite(
  db: LabDatabase,
  suite: CachedSuite,
  onProgress?: (stored: number, total: number) => void,
): Promise<void> {
  const { key, tasks } = suite;
  const parts = Math.ceil(tasks.length / SUITE_PART_TASKS);
  const partOf: Record<string, number> = {};
  let bytes = 0;
  try {
    // A row left from an earlier build of the same key goes first, then its parts: no reader
    // can find a row whose parts are being replaced.
    await db.transaction('rw', [db.suites, db.suiteParts], async () => {
      await db.suites.delete(key);
      await db.suiteParts.where('key').equals(key).delete();
    });
    for (let part = 0; part < parts; part++) {
      const slice = tasks.slice(part * SUITE_PART_TASKS, (part + 1) * SUITE_PART_TASKS);
      for (const t of slice) partOf[t.id] = part;
      bytes += jsonSize(slice);
      await db.suiteParts.put({ key, part, tasks: slice });
      onProgress?.(part * SUITE_PART_TASKS + slice.length, tasks.length);
    }
    await db.suites.put({
      key,
      builtAt: suite.builtAt,
      invalid: suite.invalid,
      parts,
      taskCount: tasks.length,
      kinds: kindsOf(tasks),
      bytes,
      partOf,
    });
  } catch (error) {
    await db.suiteParts
      .where('key')
      .equals(key)
      .delete()
      .catch(() => undefined);
    throw error;
  }
}

/** The suite cached under `key`, whole, or null when none is (or its parts are not all there). */
export async function loadSuite(db: LabDatabase, key: string): Promise<CachedSuite | null> {
  const row = await db.suites.get(key);
  if (!row) return null;
  const { builtAt, invalid } = row;
  if (row.tasks) return { key, builtAt, invalid, tasks: row.tasks };
  const parts = await db.suiteParts.where('key').equals(key).sortBy('part');
  if (parts.length !== row.parts || parts.some((p, i) => p.part !== i)) return null;
  const tasks = parts.flatMap((p) => p.tasks);
  return tasks.length === row.taskCount ? { key, builtAt, invalid, tasks } : null;
}

/** The task kinds each split of these tasks holds, in the order they first come. */
export function kindsOf(tasks: readonly Pick<Task, 'kind' | 'split'>[]): SuiteKinds {
  const kinds: SuiteKinds = {};
  for (const t of tasks) {
    const of = (kinds[t.split] ??= []);
    if (!of.includes(t.kind)) of.push(t.kind);
  }
  return kinds;
}

/**
 * The kinds each split of the suite cached under `key` holds, read from its row (not its tasks),
 * or null when it is not cached or was cached before its row kept them.
 */
export async function cachedSuiteKinds(db: LabDatabase, key: string): Promise<SuiteKinds | null> {
  const row = await db.suites.get(key);
  if (!row) return null;
  return row.kinds ?? (row.tasks ? kindsOf(row.tasks) : null);
}

/**
 * One task of the suite cached under `key`, reading only the part that holds it; `undefined`
 * when the suite is cached but has no such task, null when the suite is not cached.
 */
export async function loadSuiteTask(
  db: LabDatabase,
  key: string,
  taskId: string,
  parts: Map<string, Task[]> = new Map(),
): Promise<Task | undefined | null> {
  const row = await db.suites.get(key);
  if (!row) return null;
  if (row.tasks) return row.tasks.find((t) => t.id === taskId);
  const part = row.partOf?.[taskId];
  if (part === undefined) return undefined;
  const memo = `${key}#${part}`;
  let tasks = parts.get(memo);
  if (!tasks) {
    const stored = await db.suiteParts.get([key, part]);
    if (!stored) return null;
    tasks = stored.tasks;
    parts.clear();
    parts.set(memo, tasks);
  }
  return tasks.find((t) => t.id === taskId);
}

/** How many suites are cached and their size (JSON bytes of their tasks). */
export async function suiteUsage(db: LabDatabase): Promise<{ count: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  await db.suites.each((row) => {
    count++;
    bytes += row.bytes ?? (row.tasks ? jsonSize(row.tasks) : 0);
  });
  return { count, bytes };
}

/** Drops every cached suite (the next run rebuilds what it needs). */
export async function clearSuites(db: LabDatabase): Promise<void> {
  await db.transaction('rw', [db.suites, db.suiteParts], async () => {
    await db.suites.clear();
    await db.suiteParts.clear();
  });
}
