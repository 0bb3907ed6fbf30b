import { expect, test } from './fixtures';
import { fillSmallRun, openTrain, patchStoredRun, stored } from './trainStore';

test.describe('Train page: two tabs of one browser @webgpu', () => {
  test.setTimeout(8 * 60_000);

  test('a tab leaves a run another trains alone (not interrupted, no controls, no delete) and follows it', async ({
    app,
    page,
  }) => {
    await openTrain(app, { cachedSuite: true });
    // A tab open from before the run starts: it hears of the run from the tab that trains it.
    const early = await page.context().newPage();
    await early.goto(page.url());
    await expect(early.getByTestId('runs-list')).toBeVisible();
    const name = `tabs-${Date.now()}`;
    await fillSmallRun(page, name);
    // More steps than the test can use up: it stops the run itself.
    await page.getByLabel('steps', { exact: true }).fill('1000');
    // Pressed twice: one run, open, and nothing refused (review 40code finding 5).
    await page.getByTestId('start-run').dblclick();
    await expect(page.getByTestId('run-status')).toHaveText('running', { timeout: 120_000 });
    await expect(page.getByTestId('focus-name')).toHaveText(name);
    await expect(page.getByTestId('train-error')).toHaveCount(0);
    const mine = (await stored(page, null)).runs.filter((r) => r.name === name);
    expect(mine).toHaveLength(1);
    const runId = mine[0]!.id;

    // The early tab lists it, as training there (no controls, no delete), and follows its steps.
    await expect(early.getByTestId(`run-status-${runId}`)).toHaveText(/^(running|paused)$/);
    await expect(early.getByTestId(`delete-run-${runId}`)).toBeDisabled();
    await early.getByTestId(`open-run-${runId}`).click();
    await expect(early.getByTestId('run-elsewhere')).toContainText('follows its steps');
    await expect(early.getByTestId('pause-run')).toHaveCount(0);
    const earlyStep = async () =>
      Number(await early.getByTestId('run-progress-bar').getAttribute('value'));
    const firstSeen = await earlyStep();
    await expect.poll(earlyStep, { timeout: 120_000 }).toBeGreaterThan(firstSeen);

    // The second tab: the run is as stored (its trainer holds its lock), not "interrupted".
    const other = await page.context().newPage();
    await other.goto(page.url());
    await expect(other.getByTestId(`run-status-${runId}`)).toHaveText(/^(running|paused)$/);
    await expect(other.getByTestId('interrupted-notice')).toHaveCount(0);
    await expect(other.getByTestId(`delete-run-${runId}`)).toBeDisabled();
    await expect(other.getByTestId(`delete-run-${runId}`)).toHaveAttribute(
      'title',
      /training in another tab of this browser: stop it there/,
    );
    await other.getByTestId(`open-run-${runId}`).click();
    await expect(other.getByTestId('run-elsewhere')).toContainText(
      'This run is training in another tab of this browser',
    );
    for (const control of ['pause-run', 'resume-run', 'stop-run'])
      await expect(other.getByTestId(control)).toHaveCount(0);

    // Still the first tab's: it trains on, and stops from there. The second tab then sees it
    // stopped (its lock let go), its note gone.
    await expect
      .poll(async () => (await stored(page, null)).runs.find((r) => r.id === runId)?.status)
      .toBe('running');
    await page.getByTestId('stop-run').click();
    await expect(page.getByTestId(`run-status-${runId}`)).toHaveText('stopped', {
      timeout: 120_000,
    });
    await expect(other.getByTestId(`run-status-${runId}`)).toHaveText('stopped');
    await expect(other.getByTestId('run-elsewhere')).toHaveCount(0);
    await expect(other.getByTestId(`delete-run-${runId}`)).toBeEnabled();
    await expect(early.getByTestId(`run-status-${runId}`)).toHaveText('stopped');
    await expect(early.getByTestId('run-elsewhere')).toHaveCount(0);
    // Its episodes dropped here, Undo offered; then another tab resumes it from an earlier
    // checkpoint (its record back at step 0, as a resume writes it before it trains): an Undo
    // pressed meanwhile puts back only what that resume does not make anew.
    const { episodes: before, runs } = await stored(page, runId, { episodes: true });
    const step = runs.find((r) => r.id === runId)!.step;
    const kept = before.filter((e) => e.source !== 'train' && e.step === 0);
    expect(kept.length, 'the validation before step 0').toBeGreaterThan(0);
    expect(kept.length, 'answers of its steps too').toBeLessThan(before.length);
    await page.locator('[data-testid="storage-panel"] > summary').click();
    await page.getByTestId(`prune-episodes-${runId}`).click();
    await expect(page.getByTestId('storage-outcome')).toContainText('Dropped ');
    await patchStoredRun(other, runId, { step: 0 });
    await page.getByTestId('undo-drop-episodes').click();
    await expect(page.getByTestId('storage-outcome')).toContainText(
      `Put back ${kept.length} episodes of "${name}"`,
    );
    const back = (await stored(page, runId, { episodes: true })).episodes;
    expect(back.map((e) => e.id).sort()).toEqual(kept.map((e) => e.id).sort());
    await patchStoredRun(other, runId, { step });
    // A tab resuming it takes its lock before it reads the run: a Delete pressed meanwhile in
    // another tab (not yet told) is refused, with no Undo, and the run is kept.
    const lock = `atomic-skills-lab:run:${runId}`;
    await other.evaluate((name) => {
      void navigator.locks.request(name, () => new Promise(() => {}));
    }, lock);
    await page.getByTestId(`delete-run-${runId}`).click();
    await expect(page.getByTestId('runs-outcome')).toContainText(
      'This run is going in a tab of this browser (or starting there): stop it there, then delete it.',
    );
    await expect(page.getByTestId(`undo-delete-${runId}`)).toHaveCount(0);
    await expect(page.getByTestId(`run-row-${runId}`)).toBeVisible();
    await other.close();
    const held = async () =>
      ((await page.evaluate(() => navigator.locks.query())).held ?? []).length;
    await expect.poll(held).toBe(0);

    // Deleted in the first tab: gone from the early one too, and from its view.
    await page.getByTestId(`delete-run-${runId}`).click();
    await expect(early.getByTestId(`run-row-${runId}`)).toHaveCount(0);
    await expect(early.getByTestId('focus-name')).toHaveCount(0);
    await early.close();
  });
});
