import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, type App } from './fixtures';
import { plural } from '../src/protocol/plural';

/** What the page's own IndexedDB holds for a run (read with the real IndexedDB API). */
export interface Stored {
  points: {
    step: number;
    /** The run's training time when the step was logged. */
    elapsedMs: number;
    point: {
      rewardMean: number;
      reward: Record<string, number>;
      gradNorm: number;
      flatGroups: number;
      replayed?: number;
      replayHeld?: number;
      truncated?: number;
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
    taskId: string;
    groupIndex: number;
    sampleIndex: number;
    reward: number;
    valid: boolean;
    facts: string[];
    prompt: { title: string; body: string; patch?: string };
    answerText: string;
    rendering?: { patch?: string; tests?: string };
    runs: { purpose: string; asRequired: boolean }[];
    actionLabels: string[];
    logProbs: number[];
    truncated?: true;
  }[];
  runs: {
    id: string;
    name: string;
    status: string;
    step: number;
    suiteKey: string;
    finalRewards: Record<string, number>;
    config: {
      projectConflicts?: boolean;
      tagToDecoder?: boolean;
      replayPerStep?: number;
      flatGroupAnswers?: number;
      keepFlatGroups?: boolean;
      trainKinds: string[];
    };
  }[];
}

/** One operation on the page's own IndexedDB, through the real API, opened and closed around it. */
type DbOp =
  | { op: 'getAll'; stores: string[] }
  | { op: 'patch'; store: string; key: string; patch: Record<string, unknown> }
  | { op: 'indexes'; store: string }
  | { op: 'putSuiteFetched'; url: string };

function inDb(page: Page, op: DbOp): Promise<unknown> {
  return page.evaluate(async (o) => {
    const request = <T>(r: IDBRequest<T> | IDBOpenDBRequest): Promise<T> =>
      new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result as T);
        r.onerror = () => reject(new Error(String(r.error)));
      });
    const db = await request<IDBDatabase>(indexedDB.open('atomic-skills-lab'));
    try {
      switch (o.op) {
        case 'getAll': {
          const out: Record<string, unknown[]> = {};
          for (const store of o.stores)
            out[store] = await request<unknown[]>(
              db.transaction(store).objectStore(store).getAll(),
            );
          return out;
        }
        case 'patch': {
          const rows = db.transaction(o.store, 'readwrite').objectStore(o.store);
          const row = await request<Record<string, unknown>>(rows.get(o.key));
          await request(rows.put({ ...row, ...o.patch }));
          return null;
        }
        case 'indexes':
          return [...db.transaction(o.store).objectStore(o.store).indexNames];
        case 'putSuiteFetched': {
          const { suite, parts } = (await (await fetch(o.url)).json()) as {
            suite: unknown;
            parts: unknown[];
          };
          const tx = db.transaction(['suites', 'suiteParts'], 'readwrite');
          for (const part of parts) await request(tx.objectStore('suiteParts').put(part));
          await request(tx.objectStore('suites').put(suite));
          return null;
        }
      }
    } finally {
      db.close();
    }
  }, op);
}

/** Every row of these stores (all runs'). */
export const storedRows = (page: Page, stores: string[]) =>
  inDb(page, { op: 'getAll', stores }) as Promise<Record<string, unknown[]>>;

/** Changes fields of a stored run record behind the app's back (as a crash would leave it). */
export const patchStoredRun = (page: Page, runId: string, patch: Record<string, unknown>) =>
  inDb(page, { op: 'patch', store: 'runs', key: runId, patch });

/** The quick suite's cache rows (`{ suite, parts }`), as the app stored them; saved by `suite.setup.ts`. */
export const QUICK_SUITE_FILE = fileURLToPath(
  new URL('../node_modules/.cache/atomic-skills-lab/e2e-quick-suite.json', import.meta.url),
);

/**
 * Puts the quick suite's cache rows (built by the app in `suite.setup.ts`) into the page's
 * database, as a person's earlier run would have left it: a run started now finds its tasks in
 * the cache instead of building them again (about a minute). The page fetches the file from
 * its own origin, where the test serves it.
 */
export async function seedQuickSuite(page: Page): Promise<void> {
  const url = '/e2e-quick-suite.json';
  await page.route(`**${url}`, (route) =>
    route.fulfill({ path: QUICK_SUITE_FILE, contentType: 'application/json' }),
  );
  await inDb(page, { op: 'putSuiteFetched', url });
  await page.unroute(`**${url}`);
}

/** The names of a store's indexes, as the database has them. */
export const storedIndexes = (page: Page, store: string) =>
  inDb(page, { op: 'indexes', store }) as Promise<string[]>;

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
  const stores = ['points', 'events', 'evals', 'runs', ...(episodes ? ['episodes'] : [])];
  const rows = await storedRows(page, stores);
  const mine = <T>(store: string) =>
    ((rows[store] ?? []) as (T & { runId: string })[]).filter((x) => x.runId === runId);
  return {
    points: mine<Stored['points'][number]>('points').sort((a, b) => a.step - b.step),
    events: mine<Stored['events'][number]>('events'),
    evals: mine<Stored['evals'][number]>('evals'),
    episodes: mine<Stored['episodes'][number]>('episodes').sort(
      (a, b) => a.step - b.step || a.groupIndex - b.groupIndex || a.sampleIndex - b.sampleIndex,
    ),
    runs: rows.runs as Stored['runs'],
  };
}

/** Sets the form for a small run: what a test needs stored, not a trained policy. */
export async function fillSmallRun(page: Page, name: string): Promise<void> {
  await page.getByTestId('field-name').fill(name);
  for (const [field, value] of [
    ['warmStartPerKind', '8'],
    ['evalTasksPerKind', '4'],
    ['testTasksPerKind', '6'],
  ] as const)
    await page.getByTestId(`field-${field}`).fill(value);
}

/** Ticks the form's "trains on" boxes of these kinds, and only these. */
export async function trainOnly(page: Page, kinds: readonly string[]): Promise<void> {
  for (const kind of kinds) await page.getByTestId(`train-kind-${kind}`).check();
  // Then the others off (never none ticked on the way).
  for (const box of await page.locator('[data-testid^="train-kind-"]').all()) {
    const kind = (await box.getAttribute('data-testid'))!.slice('train-kind-'.length);
    if (!kinds.includes(kind)) await box.uncheck();
  }
}

/** "after 1 step", "after 2 steps": how the page says when an evaluation or a batch was made. */
export const afterSteps = (n: number): string => `after ${plural(n, 'step')}`;

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
  // A Stop ends the step under way, then runs the final validation and test evaluation.
  await page.getByTestId('stop-run').click();
  await expect(page.getByTestId(`run-status-${runId!}`)).not.toHaveText('running', {
    timeout: 240_000,
  });
  return runId!;
}

/**
 * Opens the Train page and waits for a ready compute backend; with `cachedSuite`, the quick
 * suite is in the database's cache first (see `seedQuickSuite`).
 */
export async function openTrain(
  app: App,
  { cachedSuite = false }: { cachedSuite?: boolean } = {},
): Promise<void> {
  await app.open('/train');
  await app.ready();
  if (cachedSuite) await seedQuickSuite(app.page);
}
