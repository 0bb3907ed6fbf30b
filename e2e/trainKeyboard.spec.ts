import { expect, test } from './fixtures';
import { fillSmallRun, openTrain, patchStoredRun, stored } from './trainStore';
import { stoppingSeen } from './uiStates';

test.describe('Train page: the keyboard after each action @webgpu', () => {
  test.setTimeout(10 * 60_000);

  test('focus goes on to the next control; Stop says at once it is stopping; long tags refused; dropped episodes come back with Undo', async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await openTrain(app, { cachedSuite: true });
    const problem = page.getByTestId('config-problem');

    await test.step('an emptied field does not offer a value it refused', async () => {
      const steps = page.getByLabel('steps', { exact: true });
      await steps.fill('2.5');
      await expect(problem).toHaveText(
        'Cannot start: "steps" must be a whole number from 0 to 100,000',
      );
      await steps.fill('');
      await expect(problem).toHaveText(
        'Cannot start: "steps" is empty; enter a whole number from 0 to 100,000',
      );
      await steps.fill('30');
      await expect(problem).toHaveCount(0);
    });

    const name = `keys-${Date.now()}`;
    await fillSmallRun(page, name);
    const pause = page.getByTestId('pause-run');
    const stop = page.getByTestId('stop-run');
    const heading = page.getByTestId('focus-name');
    const status = page.getByTestId('run-status');

    await test.step('Enter in the name field starts the run; the focus goes on to Pause', async () => {
      await page.getByTestId('field-name').press('Enter');
      await expect(pause).toBeFocused({ timeout: 120_000 });
    });
    const runId = (await stored(page, null)).runs.find((r) => r.name === name)!.id;
    const listed = page.getByTestId(`run-status-${runId}`);

    await test.step('Stop is acknowledged at once, says what it waits for, and the focus goes to the run', async () => {
      const seen = await stoppingSeen(page, () => stop.press('Enter'));
      for (const s of seen) {
        expect(s.text['run-stopping']).toMatch(/^Stopping/);
        expect(s.disabled['stop-run']).toBe(true);
        expect(s.disabled['pause-run']).toBe(true);
      }
      expect(seen.some((s) => s.focused === 'focus-name')).toBe(true);
      await expect(listed).toHaveText('stopped', { timeout: 120_000 });
      await expect(page.getByTestId('run-stopping')).toHaveCount(0);
      await expect(status).toHaveText('stopped');
      await expect(heading).toBeFocused();
    });

    await test.step('Resume on an interrupted run: the focus goes on to Pause', async () => {
      await patchStoredRun(page, runId, { status: 'running' });
      await page.reload();
      await app.ready();
      await expect(listed).toHaveText('interrupted');
      // Still open after the reload, its Resume at hand.
      await expect(status).toHaveText('interrupted');
      await page.getByTestId('resume-run').press('Enter');
      await expect(pause).toBeFocused({ timeout: 120_000 });
      // Past its warm start (a Stop there keeps nothing): a step stored, with its episodes.
      await expect
        .poll(async () => (await stored(page, runId)).points.length, { timeout: 120_000 })
        .toBeGreaterThan(0);
      expect(await stoppingSeen(page, () => stop.click())).not.toHaveLength(0);
      await expect(listed).toHaveText('stopped', { timeout: 120_000 });
    });

    await test.step('renaming: Enter and Escape give the focus back to the rename button', async () => {
      const rename = page.getByTestId(`rename-${runId}`);
      await rename.press('Enter');
      await page.getByTestId(`rename-input-${runId}`).fill(`${name}-renamed`);
      await page.getByTestId(`rename-input-${runId}`).press('Enter');
      await expect(rename).toBeFocused();
      await expect(page.getByTestId(`run-row-${runId}`)).toContainText(`${name}-renamed`);
      await rename.press('Enter');
      await page.getByTestId(`rename-input-${runId}`).press('Escape');
      await expect(rename).toBeFocused();
    });

    await test.step('a tag over 40 characters is refused with the reason; the table keeps its columns', async () => {
      const tagInput = page.getByLabel(`Add a tag to ${name}-renamed`);
      await tagInput.fill('x'.repeat(300));
      await tagInput.press('Enter');
      const refusal = page.getByTestId(`run-row-${runId}`).getByRole('alert');
      await expect(refusal).toHaveText(
        'A tag holds at most 40 characters; this one has 300. Shorten it (Escape clears it).',
      );
      await expect(tagInput).toHaveValue('x'.repeat(300));
      await tagInput.press('Escape');
      await expect(refusal).toHaveCount(0);
      const longest = 'long-tag-'.repeat(5).slice(0, 40);
      await tagInput.fill(longest);
      await tagInput.press('Enter');
      await expect(page.getByTitle(longest, { exact: true })).toBeVisible();
      // At 1400 px no column's header is under the actions column kept at the right edge.
      const actions = await page.locator('.train-runs thead .run-actions-cell').boundingBox();
      const composite = await page.getByTestId('sort-composite').boundingBox();
      expect(composite!.x + composite!.width).toBeLessThanOrEqual(actions!.x + 0.5);
    });

    await test.step('Storage: dropped episodes are said there, with an Undo that puts them back', async () => {
      await page.locator('[data-testid="storage-panel"] > summary').click();
      const row = page.getByTestId(`storage-row-${runId}`);
      const count = Number(await row.getAttribute('data-episodes'));
      expect(count).toBeGreaterThan(0);
      await page.getByTestId(`prune-episodes-${runId}`).press('Enter');
      const outcome = page.getByTestId('storage-outcome');
      await expect(outcome).toContainText(`Dropped ${count} stored episodes of "${name}-renamed"`);
      await expect(row).toHaveAttribute('data-episodes', '0');
      const undo = page.getByTestId('undo-drop-episodes');
      await expect(undo).toBeFocused();
      await undo.press('Enter');
      await expect(outcome).toHaveText(new RegExp(`^Put back ${count} episodes of`));
      await expect(row).toHaveAttribute('data-episodes', String(count));
      await expect(outcome).toBeFocused();
      expect((await stored(page, runId, { episodes: true })).episodes).toHaveLength(count);
      // Nothing is said at the top of the run panel; closing the panel clears the message.
      await expect(page.getByTestId('train-notice')).toHaveCount(0);
      await page.locator('[data-testid="storage-panel"] > summary').click();
      await page.locator('[data-testid="storage-panel"] > summary').click();
      await expect(row).toBeVisible();
      await expect(outcome).toHaveCount(0);
    });

    await test.step('deleting a run: the focus goes to its Undo, then back to the runs list', async () => {
      const ids = async () =>
        (await stored(page, runId, { episodes: true })).episodes.map((e) => e.id);
      const before = await ids();
      await page.getByTestId(`delete-run-${runId}`).press('Enter');
      const undo = page.getByTestId(`undo-delete-${runId}`);
      await expect(undo).toBeFocused();
      // The open Storage panel follows: the run's row goes, and comes back with it.
      const storageRow = page.getByTestId(`storage-row-${runId}`);
      await expect(storageRow).toHaveCount(0);
      await expect(heading).toHaveCount(0);
      await undo.press('Enter');
      await expect(page.getByTestId(`run-row-${runId}`)).toBeVisible();
      // Shown again as it was: open.
      await expect(heading).toHaveText(`${name}-renamed`);
      await expect(storageRow).toBeVisible();
      // Put back as it was: its episodes under their own ids (links to them work again).
      expect(await ids()).toEqual(before);
      await expect(page.getByTestId('runs-list')).toBeFocused();
    });
  });
});
