import type { Page } from '@playwright/test';
import { expect, type App } from './fixtures';

/** What the page's own IndexedDB holds for a run (read with the real IndexedDB API). */
export interface Stored {
  points: {
    step: number;
    point: {
      rewardMean: number;
      reward: Record<string, number>;
      gradNorm: number;
      flatGroups: number;
    };
  }[];
  events: { step: number; mix: Record<string, number> }[];
  evals: {
    step: number;
    split: 'val' | 'test';
    bySkill: Record<string, { tasks: number; meanReward: number }>;
  }[];
  /** The run's stored episodes, by step, group and sample (read only when asked). */
  episodes: {
    id: number;
    step: number;
    source: 'train' | 'val' | 'test';
    kind: string;
    groupIndex: number;
    sampleIndex: number;
    reward: number;
    facts: string[];
    prompt: { title: string; body: string; patch?: string };
    answerText: string;
    rendering?: { patch?: string; tests?: string };
    actionLabels: string[];
  }[];
  runs: {
    id: string;
    name: string;
    status: string;
    step: number;
    finalRewards: Record<string, number>;
    config: { projectConflicts?: boolean; tagToDecoder?: boolean; trainKinds: string[] };
  }[];
}

/**
 * Reads the run's rows in the page. Episodes are big (prompt, tokens, sandbox runs) and every
 * run's are read to find this one's, so they are read only when asked: a poll that reads them
 * each second makes the page's main thread busy for hundreds of ms at a time (it made the Train
 * test's long-task figures measure the test, not the page).
 */
export async function stored(
  page: Page,
  runId: string | null,
  { episodes = false }: { episodes?: boolean } = {},
): Promise<Stored> {
  return page.evaluate(
    async ({ id, withEpisodes }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('atomic-skills-lab');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(new Error(String(r.error)));
      });
      const all = <T>(store: string): Promise<T[]> =>
        new Promise((resolve, reject) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result as T[]);
          r.onerror = () => reject(new Error(String(r.error)));
        });
      const mine = <T extends { runId: string }>(rows: T[]) => rows.filter((x) => x.runId === id);
      const out = {
        points: mine(await all<Stored['points'][number] & { runId: string }>('points')).sort(
          (a, b) => a.step - b.step,
        ),
        events: mine(await all<Stored['events'][number] & { runId: string }>('events')),
        evals: mine(await all<Stored['evals'][number] & { runId: string }>('evals')),
        episodes: withEpisodes
          ? mine(await all<Stored['episodes'][number] & { runId: string }>('episodes')).sort(
              (a, b) =>
                a.step - b.step || a.groupIndex - b.groupIndex || a.sampleIndex - b.sampleIndex,
            )
          : [],
        runs: await all<Stored['runs'][number]>('runs'),
      };
      db.close();
      return out;
    },
    { id: runId, withEpisodes: episodes },
  );
}

export const mean = (xs: number[]): number =>
  xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

/**
 * Starts a run from the form as it stands, waits until `n` steps are stored, stops it; the new
 * run's id (found among the listed runs by `isNew` on its stored config).
 */
export async function runSteps(
  page: Page,
  n: number,
  isNew: (run: Stored['runs'][number]) => boolean,
): Promise<string> {
  const rows = page.locator('[data-testid^="run-row-"]');
  const before = await rows.count();
  await page.getByTestId('start-run').click();
  await expect(rows).toHaveCount(before + 1);
  const ids = await rows.evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-testid')!.replace('run-row-', '')),
  );
  const runId = (await stored(page, null)).runs.find((r) => isNew(r) && ids.includes(r.id))?.id;
  expect(runId, 'the new run is stored with the form as set').toBeTruthy();
  await expect
    .poll(async () => (await stored(page, runId!)).points.length, {
      timeout: 240_000,
      intervals: [2000],
    })
    .toBeGreaterThanOrEqual(n);
  await page.getByTestId('stop-run').click();
  await expect(page.getByTestId(`run-status-${runId!}`)).not.toHaveText('running', {
    timeout: 60_000,
  });
  return runId!;
}

/** Opens the Train page and waits for a ready compute backend. */
export async function openTrain(app: App): Promise<void> {
  await app.open('/train');
  await app.ready();
}
