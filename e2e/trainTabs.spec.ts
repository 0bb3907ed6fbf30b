import { expect, test } from './fixtures';
import { fillSmallRun, openTrain, stored } from './trainStore';

test.describe('Train page: two tabs of one browser @webgpu', () => {
  test.setTimeout(8 * 60_000);

  test('a tab opened while another trains leaves its run alone: not interrupted, no controls, no delete', async ({
    app,
    page,
  }) => {
    await openTrain(app, { cachedSuite: true });
    const name = `tabs-${Date.now()}`;
    await fillSmallRun(page, name);
    await page.getByLabel('steps', { exact: true }).fill('30');
    // Pressed twice: one run, open, and nothing refused (review 40code finding 5).
    await page.getByTestId('start-run').dblclick();
    await expect(page.getByTestId('run-status')).toHaveText('running', { timeout: 120_000 });
    await expect(page.getByTestId('focus-name')).toHaveText(name);
    await expect(page.getByTestId('train-error')).toHaveCount(0);
    const mine = (await stored(page, null)).runs.filter((r) => r.name === name);
    expect(mine).toHaveLength(1);
    const runId = mine[0]!.id;

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
    expect((await stored(page, null)).runs.find((r) => r.id === runId)?.status).toBe('running');
    await page.getByTestId('stop-run').click();
    await expect(page.getByTestId(`run-status-${runId}`)).toHaveText('stopped', {
      timeout: 120_000,
    });
    await expect(other.getByTestId(`run-status-${runId}`)).toHaveText('stopped');
    await expect(other.getByTestId('run-elsewhere')).toHaveCount(0);
    await expect(other.getByTestId(`delete-run-${runId}`)).toBeEnabled();
    await other.close();
  });
});
