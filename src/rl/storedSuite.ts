import type { SandboxRunner } from '../core/sandbox/types';
import type { Task } from '../core/tasks/types';
import type { LabDatabase } from '../storage/db';
import { loadSuite, storeSuite } from '../storage/suites';
import { isQuotaError, isTooLargeError } from '../storage/usage';
import { buildSuite, suiteKey, type SuiteSpec } from './suiteSource';

/** What reading or building a browser run's suite needs. */
export interface SuiteStore {
  db: LabDatabase;
  sandbox: SandboxRunner;
  buildId: string;
  wallClock: () => number;
}

type Progress = (stage: string, done: number, total: number) => void;

/** Reads and builds going on, per database and suite key: a second asker joins the first. */
interface Going {
  tasks: Promise<Task[]>;
  hear: Set<Progress>;
}
const going = new WeakMap<LabDatabase, Map<string, Going>>();

/**
 * A run's tasks: from the suite cache in IndexedDB, else built and validated now (and cached).
 * Asked again while the same suite is being read or built (a run and the Learn page, say), the
 * second asker waits for the first one's tasks and hears its progress: nothing is built twice.
 */
export function storedSuiteTasks(
  env: SuiteStore,
  suite: SuiteSpec,
  onProgress: Progress,
): Promise<Task[]> {
  const key = suiteKey(suite, env.buildId);
  const byKey = going.get(env.db) ?? new Map<string, Going>();
  going.set(env.db, byKey);
  const joined = byKey.get(key);
  if (joined) {
    joined.hear.add(onProgress);
    return joined.tasks;
  }
  const hear = new Set([onProgress]);
  const tasks = readOrBuild(env, suite, key, (stage, done, total) => {
    for (const h of hear) {
      try {
        h(stage, done, total);
      } catch {
        // One asker's listener failing (a closed page's proxy, say) must not fail the others' read.
      }
    }
  }).finally(() => byKey.delete(key));
  byKey.set(key, { tasks, hear });
  return tasks;
}

async function readOrBuild(
  env: SuiteStore,
  suite: SuiteSpec,
  key: string,
  onProgress: Progress,
): Promise<Task[]> {
  const cached = await loadSuite(env.db, key);
  if (cached) return cached.tasks;
  const built = await buildSuite(suite, env.buildId, env.sandbox, onProgress);
  onProgress('caching tasks', 0, built.tasks.length);
  try {
    await storeSuite(
      env.db,
      { key, builtAt: env.wallClock(), tasks: built.tasks, invalid: built.invalid },
      (stored, total) => onProgress('caching tasks', stored, total),
    );
  } catch (error) {
    // The cache is only a shortcut: without space for it, the run trains on the built tasks.
    // (A value over IndexedDB's size cap is refused too, when Dexie reports it; in a worker a
    // 614 MB put through Dexie never settled, one reason suites are stored in parts.)
    if (!isQuotaError(error) && !isTooLargeError(error)) throw error;
  }
  return built.tasks;
}
