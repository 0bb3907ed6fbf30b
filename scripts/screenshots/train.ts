// The app shell with the device check, and a quick-demo run on the Train page.
import { open, ready, shoot, type Shots } from './session';

/** shell-device-check.png: Settings (a modal dialog) with the device check's results. */
export async function shellDeviceCheck(shots: Shots): Promise<void> {
  const { page } = shots;
  await page.setViewportSize({ width: 1280, height: 760 });
  await open(page, '/train');
  await page.getByTestId('open-settings').click();
  await page.getByTestId('run-device-check').click();
  await page.locator('[data-testid=device-check][data-status=done]').waitFor({ timeout: 180_000 });
  await shoot(shots, 'shell-device-check');
  await page.keyboard.press('Escape');
  await page.reload();
  await ready(page);
}

/**
 * train-run.png: the quick demo (seed 1), started from the Train page as it opens, in progress.
 * The run builds the quick suite first (about a minute) and caches it, for the other steps.
 * Waits until the run has ended (40 steps and its test evaluation); its id.
 */
export async function quickDemo(shots: Shots): Promise<string> {
  const { page } = shots;
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.getByTestId('start-run').click();
  await page.waitForFunction(
    () =>
      Number(document.querySelector('[data-testid=run-step]')?.textContent?.split('/')[0]) >= 24,
    null,
    { timeout: 600_000, polling: 1000 },
  );
  await page.getByTestId('signals-section').locator('summary').click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(shots, 'train-run');
  await page.getByTestId('signals-section').locator('summary').click();
  const row = page.locator('[data-testid^="run-row-"]');
  const id = (await row.first().getAttribute('data-testid'))!.replace('run-row-', '');
  await page
    .getByTestId(`run-status-${id}`)
    .getByText('done', { exact: true })
    .waitFor({ timeout: 600_000 });
  return id;
}
