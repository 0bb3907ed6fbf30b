import { createRequire } from 'node:module';
import { SCHEMA_V1 } from '../src/storage/db';
import { expect, test } from './fixtures';
import {
  afterSteps,
  fillSmallRun,
  openTrain,
  runSteps,
  stored,
  storedIndexes,
  storedRows,
} from './trainStore';

/** The stores whose rows a run writes, compared before and after the upgrade. */
const STORES = ['runs', 'points', 'evals', 'events', 'episodes'] as const;

const dexieScript = createRequire(import.meta.url).resolve('dexie/dist/dexie.js');

test.describe('Stored runs across an upgrade of the database @webgpu', () => {
  test.setTimeout(6 * 60_000);

  test('a database of the first schema (version 1) opens in this build: runs, curves, episodes and the cached suite kept, listed and read', async ({
    app,
    page,
  }) => {
    // A real run's rows, written by this build...
    await openTrain(app, { cachedSuite: true });
    const name = `upgrade-${Date.now()}`;
    await fillSmallRun(page, name);
    const runId = await runSteps(page, 1, (r) => r.name === name);
    const rows = await storedRows(page, [...STORES]);
    const episodes = rows.episodes as { runId: string; source: string; step: number }[];
    const mine = episodes.filter((e) => e.runId === runId);
    expect(mine.filter((e) => e.source === 'train').length).toBeGreaterThan(0);
    expect(mine.filter((e) => e.source === 'test').length).toBeGreaterThan(0);

    // ...stored again, by Dexie itself, in a database of the version-1 schema, on a blank page
    // of the same origin (the app and its worker gone, so no connection holds the database).
    await page.route('**/upgrade-blank', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
    );
    await page.goto('/upgrade-blank');
    await page.addScriptTag({ path: dexieScript });
    const version = await page.evaluate(
      async ({ schema, rows }) => {
        type Db = {
          version(n: number): { stores(s: Record<string, string>): void };
          open(): Promise<void>;
          close(): void;
          verno: number;
          table(name: string): {
            bulkPut(rows: unknown[]): Promise<unknown>;
            toArray(): Promise<Record<string, unknown>[]>;
          };
        };
        const Dexie = (
          window as unknown as {
            Dexie: { new (name: string): Db; delete(name: string): Promise<void> };
          }
        ).Dexie;
        // The run's checkpoints (its vocabulary) and the cached suite, as version 2 kept a suite:
        // one row holding every task (now stored in parts).
        const now = new Dexie('atomic-skills-lab');
        await now.open();
        const checkpoints = await now.table('checkpoints').toArray();
        const parts = await now.table('suiteParts').toArray();
        const suites = (await now.table('suites').toArray()).map(({ key, builtAt, invalid }) => ({
          key,
          builtAt,
          invalid,
          tasks: parts.filter((p) => p.key === key).flatMap((p) => p.tasks as unknown[]),
        }));
        now.close();
        await Dexie.delete('atomic-skills-lab');
        const db = new Dexie('atomic-skills-lab');
        db.version(1).stores(schema);
        await db.open();
        for (const [store, list] of Object.entries({ ...rows, checkpoints, suites }))
          await db.table(store).bulkPut(list);
        const verno = db.verno;
        db.close();
        return verno;
      },
      { schema: SCHEMA_V1, rows },
    );
    expect(version).toBe(1);

    // This build opens it: the schema is upgraded, every row kept, the run's episodes listed.
    await openTrain(app);
    await expect(page.getByTestId(`run-status-${runId}`)).toHaveText('stopped');
    const after = await stored(page, runId, { episodes: true });
    const before = (store: (typeof STORES)[number]) =>
      (rows[store] as { runId?: string; id?: string }[]).filter((r) => (r.runId ?? r.id) === runId)
        .length;
    expect(after.points).toHaveLength(before('points'));
    expect(after.evals).toHaveLength(before('evals'));
    expect(after.events).toHaveLength(before('events'));
    expect(after.episodes).toHaveLength(mine.length);
    const upgraded = await storedIndexes(page, 'episodes');
    expect(upgraded).toContain('[runId+source+step]');
    expect(upgraded).not.toContain('[runId+step]');

    await page.getByTestId(`open-run-${runId}`).click();
    await page.getByTestId('episodes-section').locator('summary').click();
    const section = page.getByTestId('run-episodes');
    // Every batch the run stored, in the order it happened (an evaluation after N steps before
    // training step N).
    const order = { val: 0, test: 1, train: 2 } as Record<string, number>;
    const batches = [...new Set(mine.map((e) => `${e.source}:${e.step}`))]
      .map((k) => ({ source: k.split(':')[0]!, step: Number(k.split(':')[1]) }))
      .sort((a, b) => a.step - b.step || order[a.source]! - order[b.source]!);
    await expect(section.getByTestId('episode-step').locator('option')).toHaveText(
      batches.map((b) =>
        b.source === 'train'
          ? `step ${b.step}`
          : b.source === 'val'
            ? `validation ${afterSteps(b.step)}`
            : `test evaluation ${afterSteps(b.step)}`,
      ),
    );
    expect(batches.map((b) => b.source)).toContain('val');
    await section.getByTestId('episode-step').selectOption('train:0');
    await expect(section.getByTestId('episode-row')).toHaveCount(
      mine.filter((e) => e.source === 'train' && e.step === 0).length,
    );
    // What the policy saw is rebuilt from the suite as version 2 cached it (one row).
    await section.getByTestId('episode-row').first().getByRole('button').click();
    const trace = section.getByTestId('episode-trace');
    await trace.getByTestId('episode-observation').locator('summary').click();
    await expect(trace.getByTestId('observation-tokens').locator('.obs-tok').first()).toHaveText(
      /^<[a-z-]+>$/,
    );
  });
});
