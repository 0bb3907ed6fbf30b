// Reads what the app keeps in its IndexedDB, through the real API in the page.
import type { Page } from 'playwright-core';
import type { Task } from '../../src/core/tasks/types';
import type { EpisodeRecord } from '../../src/protocol/episodes';

/** Every row of these stores (all runs'). */
export function storedRows(page: Page, stores: string[]): Promise<Record<string, unknown[]>> {
  // No named functions in here: tsx would wrap them in a helper the page does not have.
  return page.evaluate(async (names) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('atomic-skills-lab');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(new Error(String(r.error)));
    });
    try {
      const out: Record<string, unknown[]> = {};
      for (const store of names)
        out[store] = await new Promise<unknown[]>((resolve, reject) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(new Error(String(r.error)));
        });
      return out;
    } finally {
      db.close();
    }
  }, stores);
}

/** The quick suite the browser built and cached (seed 1), whole: gold answers, hidden parts. */
export async function cachedQuickSuite(page: Page): Promise<Task[]> {
  const rows = await storedRows(page, ['suites', 'suiteParts']);
  const suite = (rows.suites as { key: string }[]).find((s) =>
    s.key.startsWith('builtin:quick:seed1:'),
  );
  if (!suite) throw new Error('the quick suite is not in the cache');
  return (rows.suiteParts as { key: string; part: number; tasks: Task[] }[])
    .filter((p) => p.key === suite.key)
    .sort((a, b) => a.part - b.part)
    .flatMap((p) => p.tasks);
}

/** What the screenshots read of a stored episode. */
export type StoredEpisode = Pick<
  EpisodeRecord,
  | 'id'
  | 'runId'
  | 'step'
  | 'source'
  | 'kind'
  | 'taskId'
  | 'groupIndex'
  | 'sampleIndex'
  | 'reward'
  | 'answerText'
  | 'rendering'
  | 'runs'
>;

/** A run's stored episodes, by step, group and sample (the order the episodes section lists them). */
export async function storedEpisodes(page: Page, runId: string): Promise<StoredEpisode[]> {
  const { episodes } = await storedRows(page, ['episodes']);
  return (episodes as StoredEpisode[])
    .filter((e) => e.runId === runId)
    .sort(
      (a, b) => a.step - b.step || a.groupIndex - b.groupIndex || a.sampleIndex - b.sampleIndex,
    );
}
