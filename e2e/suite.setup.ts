import { writeFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test } from './fixtures';
import { QUICK_SUITE_FILE, fillSmallRun, openTrain, storedRows } from './trainStore';

/**
 * Builds the quick suite once, through the app: a run started from the Train page builds and
 * validates its tasks in the sandbox and caches them in IndexedDB, in parts. The cached rows are saved to a
 * file, and the specs that only need some run to train put it in their page's database
 * (`openTrain(app, { cachedSuite: true })`), as a person's earlier run would have left it,
 * instead of building the suite again, about a minute each. The Train page's own test
 * (train.spec.ts) starts from an empty database and builds the suite itself.
 */
test('builds the quick suite in the app and keeps its cached row for the training specs', async ({
  app,
  page,
}) => {
  test.setTimeout(6 * 60_000);
  await openTrain(app);
  await fillSmallRun(page, 'suite-setup');
  await page.getByTestId('start-run').click();
  // Polled often: Stop is to land before step 0 ends (the suite row is written just before the
  // warm start), so that the run keeps nothing and offers Resume.
  const suites = async () => (await storedRows(page, ['suites'])).suites ?? [];
  await expect
    .poll(async () => (await suites()).length, { timeout: 5 * 60_000, intervals: [250] })
    .toBe(1);
  const status = page.locator('[data-testid^="run-status-"]');
  await expect(status, 'the run that built the suite is the one listed').toHaveCount(1);
  await page.getByTestId('stop-run').click();
  await expect(status).not.toHaveText('running', { timeout: 60_000 });
  // Stopped before its first step (in its warm start, most likely): it kept nothing to end, so
  // Resume is offered, as its message says.
  await expect(status).toHaveText('stopped');
  await expect(page.getByTestId('resume-run')).toBeEnabled();
  const rows = await storedRows(page, ['suites', 'suiteParts']);
  const [suite] = rows.suites as { key: string; parts: number; taskCount: number }[];
  const parts = rows.suiteParts as { key: string; part: number; tasks: { id: string }[] }[];
  expect(suite!.key).toMatch(/^builtin:quick:seed1:/);
  // The row names the kinds each split holds (the Train form reads them before a run starts).
  const { kinds } = rows.suites![0] as { kinds: Record<string, string[]> };
  expect(Object.keys(kinds).sort()).toEqual(['test', 'train', 'val']);
  expect(kinds.test).toContain('localization');
  // Stored in parts (one IndexedDB value may not exceed 127 MB): every part there, in order,
  // holding every task once.
  expect(suite!.parts, 'the quick suite takes more than one part').toBeGreaterThan(1);
  expect(parts.map((p) => [p.key, p.part])).toEqual(
    Array.from({ length: suite!.parts }, (_, i) => [suite!.key, i]),
  );
  const ids = parts.flatMap((p) => p.tasks.map((t) => t.id));
  expect(ids.length, 'the suite holds tasks').toBeGreaterThan(100);
  expect(ids.length).toBe(suite!.taskCount);
  expect(new Set(ids).size).toBe(ids.length);
  mkdirSync(dirname(QUICK_SUITE_FILE), { recursive: true });
  await writeFile(QUICK_SUITE_FILE, JSON.stringify({ suite, parts }));
});
