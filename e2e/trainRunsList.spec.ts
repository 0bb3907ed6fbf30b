import type { Page } from '@playwright/test';
import { DEFAULT_CONFIG } from '../src/rl/config';
import type { RunBundle } from '../src/storage/bundle';
import { expect, test } from './fixtures';
import { openTrain, stored } from './trainStore';

/** A finished run with nothing stored but its record: what the runs list shows and sorts. */
function bundleOf(id: string, name: string): RunBundle {
  return {
    format: 'atomic-skills-lab/run-bundle',
    version: 1,
    exportedAt: new Date(0).toISOString(),
    run: {
      id,
      name,
      status: 'done',
      tags: [],
      backend: null,
      createdAt: 1,
      step: 0,
      steps: 0,
      elapsedMs: 0,
      finalRewards: {},
      config: { ...DEFAULT_CONFIG, name },
      suite: { projects: 'quick', seed: DEFAULT_CONFIG.seed },
      // As `lab bundle` records a run whose tasks it cannot name (nodeSuiteKey).
      suiteKey: 'node:unrecorded',
    },
    points: [],
    evals: [],
    events: [],
    checkpoints: [],
    episodes: [],
  };
}

/** Imports bundles through the Train page's own button, as files picked at once. */
async function importBundles(page: Page, ...bundles: RunBundle[]): Promise<void> {
  await page.getByTestId('import-bundle').setInputFiles(
    bundles.map((b) => ({
      name: `${b.run.name}.run.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(b)),
    })),
  );
}

test.describe('Train page: the runs list says what an import or a rename did @webgpu', () => {
  test('a run imported again is kept beside the one already here, and the outcome says so', async ({
    app,
    page,
  }) => {
    await openTrain(app);
    // No run in view yet: the sections under the chart say how to fill them.
    for (const section of ['signals', 'episodes']) {
      const summary = page.getByTestId(`${section}-section`).locator('summary');
      await summary.click();
      await expect(page.getByTestId(`${section}-no-run`)).toContainText('open one from the list');
      await summary.click();
    }
    const id = `again-${Date.now()}`;
    const bundle = bundleOf(id, 'twice');
    const outcome = page.getByTestId('runs-outcome');
    await importBundles(page, bundle);
    await expect(outcome).toHaveText(/^Imported run "twice"\./);
    await importBundles(page, bundle);
    await expect(outcome).toHaveAttribute('role', 'status');
    await expect(outcome).toContainText(
      'Imported run "twice (import 1)" (a copy: the run was already here as "twice", kept as it was).',
    );
    // Nothing stored was lost: both are kept, the first under its own id.
    const runs = (await stored(page, null)).runs.filter((r) => r.name.startsWith('twice'));
    expect(runs.map((r) => r.name).sort()).toEqual(['twice', 'twice (import 1)']);
    expect(runs.find((r) => r.name === 'twice')?.id).toBe(id);
    // A third time, with one new run beside it: each said as it is.
    await importBundles(page, bundle, bundleOf(`new-${Date.now()}`, 'fresh'));
    await expect(outcome).toContainText(
      'Imported 2 runs: "twice (import 2)" (a copy: the run was already here as "twice", kept as it was), "fresh".',
    );
    const names = (await stored(page, null)).runs.map((r) => r.name).sort();
    expect(names).toEqual(['fresh', 'twice', 'twice (import 1)', 'twice (import 2)']);
    // Another run named alike (not a copy) is named apart too, and said.
    await importBundles(page, bundleOf(`other-${Date.now()}`, 'fresh'));
    await expect(outcome).toHaveText(
      /^Imported run "fresh \(import 1\)" \(another run here is named "fresh"\)\./,
    );
    // Renamed since, the run already here is named as it is now; its copy takes the free name.
    await page.getByTestId(`rename-${id}`).click();
    await page.getByTestId(`rename-input-${id}`).fill('baseline');
    await page.getByTestId(`rename-input-${id}`).press('Enter');
    await expect(page.getByTestId(`run-row-${id}`)).toContainText('baseline');
    await importBundles(page, bundle);
    await expect(outcome).toHaveText(
      /^Imported run "twice" \(a copy: the run was already here as "baseline", kept as it was\)\./,
    );
    // A bundle without the scores the runs table reads is refused, naming what it lacks: once
    // imported, it blanked every page on every load.
    const unscored = bundleOf(`unscored-${Date.now()}`, 'unscored');
    delete (unscored.run as Partial<RunBundle['run']>).finalRewards;
    await importBundles(page, unscored);
    await expect(page.getByTestId('runs-list').getByRole('alert')).toContainText(
      'unscored.run.json: This file cannot be imported: run: finalRewards: expected an object of task kinds to numbers',
    );
    expect((await stored(page, null)).runs.map((r) => r.name)).not.toContain('unscored');
    await expect(page.getByTestId(`run-row-${id}`)).toBeVisible();
  });

  test('a renamed row keeps the focus wherever the sort moves it; a rename to nothing says why and keeps the name', async ({
    app,
    page,
  }) => {
    await openTrain(app);
    const stamp = Date.now();
    const [a, b, c] = [`a-${stamp}`, `b-${stamp}`, `c-${stamp}`];
    await importBundles(
      page,
      bundleOf(a, `aardvark ${stamp}`),
      bundleOf(b, `badger ${stamp}`),
      bundleOf(c, `cat ${stamp}`),
    );
    await page.getByTestId('runs-filter').fill(String(stamp));
    await page.getByTestId('sort-name').click();
    const rows = page.locator('[data-testid^="run-row-"]');
    await expect(rows).toHaveCount(3);
    const order = () =>
      rows.evaluateAll((els) =>
        els.map((e) => e.getAttribute('data-testid')!.replace('run-row-', '')),
      );
    expect(await order()).toEqual([a, b, c]);

    await test.step('a rename that moves the row last keeps the focus on its rename button', async () => {
      const rename = page.getByTestId(`rename-${a}`);
      await rename.press('Enter');
      await page.getByTestId(`rename-input-${a}`).fill(`zebra ${stamp}`);
      await page.getByTestId(`rename-input-${a}`).press('Enter');
      await expect.poll(order).toEqual([b, c, a]);
      await expect(rename).toBeFocused();
    });

    await test.step('and one that moves it first', async () => {
      const rename = page.getByTestId(`rename-${c}`);
      await rename.press('Enter');
      await page.getByTestId(`rename-input-${c}`).fill(`ant ${stamp}`);
      await page.getByTestId(`rename-input-${c}`).press('Enter');
      await expect.poll(order).toEqual([c, b, a]);
      await expect(rename).toBeFocused();
    });

    await test.step('an empty name is refused where it was typed, and the old name kept', async () => {
      const rename = page.getByTestId(`rename-${b}`);
      await rename.press('Enter');
      await page.getByTestId(`rename-input-${b}`).fill('   ');
      await page.getByTestId(`rename-input-${b}`).press('Enter');
      await expect(page.getByTestId(`rename-problem-${b}`)).toHaveText(
        `A run’s name can’t be empty: it keeps its name “badger ${stamp}”.`,
      );
      await expect(rename).toBeFocused();
      await expect(page.getByTestId(`run-row-${b}`)).toContainText(`badger ${stamp}`);
      expect((await stored(page, null)).runs.find((r) => r.id === b)?.name).toBe(`badger ${stamp}`);
    });

    await test.step("another run's name is refused too: lists and pickers tell runs apart by name", async () => {
      await page.getByTestId(`rename-${b}`).press('Enter');
      await page.getByTestId(`rename-input-${b}`).fill(`ant ${stamp}`);
      await page.getByTestId(`rename-input-${b}`).press('Enter');
      await expect(page.getByTestId(`rename-problem-${b}`)).toHaveText(
        `Another run is named “ant ${stamp}”, and lists and pickers tell runs apart by name: it keeps its name “badger ${stamp}”.`,
      );
      expect((await stored(page, null)).runs.find((r) => r.id === b)?.name).toBe(`badger ${stamp}`);
    });

    await test.step('runs compared with none open: the page names them', async () => {
      await page.getByTestId(`select-run-${b}`).check();
      await page.getByTestId(`select-run-${a}`).check();
      // The open run (the last imported) deleted: nothing is open, two runs are compared.
      await page.getByTestId(`open-run-${c}`).click();
      await page.getByTestId(`delete-run-${c}`).click();
      await expect(page.getByTestId('no-run')).toHaveText(
        `Comparing badger ${stamp}, zebra ${stamp} on the charts below. Open one of them from the list for its progress, its episodes and its controls.`,
      );
    });
  });

  test('Evaluate says which runs it does not offer: those not run to their end', async ({
    app,
    page,
  }) => {
    await openTrain(app);
    const stopped = bundleOf(`stopped-${Date.now()}`, 'halfway');
    stopped.run = { ...stopped.run, status: 'stopped' };
    const finished = bundleOf(`done-${Date.now()}`, 'finished');
    finished.run = { ...finished.run, finalRewards: { review: 0.5 } };
    await importBundles(page, stopped, finished);
    await expect(page.getByTestId('runs-outcome')).toContainText('Imported 2 runs');
    await page.getByRole('link', { name: 'Evaluate', exact: true }).click();
    const note =
      '1 run here has no final test evaluation yet (stopped, interrupted, failed or still going). It is not offered';
    await expect(page.getByTestId('grid-unfinished')).toContainText(note);
    await expect(page.getByTestId('external-unfinished')).toContainText(note);
  });
});
