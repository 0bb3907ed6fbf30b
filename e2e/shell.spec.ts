import { test as baseTest } from '@playwright/test';
import { expect, test } from './fixtures';

test('navigates between pages with deep links that survive a reload', async ({ app }) => {
  const { page } = app;
  await app.open('/');
  await expect(page).toHaveURL(/\/train/);
  await expect(page.getByRole('banner')).toContainText('Atomic Skills Lab');
  await page.getByRole('link', { name: 'Evaluate' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evaluate');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evaluate');
  await app.open('/learn');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learn');
  await app.open('/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  // Under a page's path: no page, so none marked current; the tab says so.
  await app.open('/train/xyz');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page).toHaveTitle('Page not found · Atomic Skills Lab');
  await expect(page.getByRole('banner').locator('[aria-current="page"]')).toHaveCount(0);
  // Settings open, then Back: the dialog closes with the page left.
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('settings-panel')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('settings-panel')).toBeHidden();
});

test('follows the system colour scheme until a theme is chosen', async ({ app }) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.open('/train');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByTestId('open-settings').click();
  await page.getByRole('radio', { name: 'dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('status bar shows backend, WASM features and isolation', async ({ app }) => {
  const { page } = app;
  await app.open('/train');
  await app.ready();
  await expect(page.getByTestId('status-wasm')).toContainText('WASM SIMD on');
  await expect(page.getByTestId('status-isolation')).toHaveText('cross-origin isolated');
});

test('an unknown ?backend= value is reported and the app still runs', async ({ app }) => {
  const { page } = app;
  await page.goto('/train?backend=webgl');
  await app.ready();
  await expect(page.getByTestId('status-bad-url')).toHaveText(
    '?backend=webgl is not a backend (webgpu, wasm, cpu or auto): ignored',
  );
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('settings-panel').getByRole('alert')).toContainText(
    'Unknown ?backend=webgl',
  );
});

// Not the `app` fixture: the 404 of the worker's script is the point (a console error).
baseTest(
  'a compute worker whose script does not load is said in the status bar',
  async ({ page }) => {
    await page.route('**/trainer.worker-*.js', (route) => route.fulfill({ status: 404 }));
    await page.goto('/train');
    const bar = page.getByTestId('status-bar');
    await expect(bar).toHaveAttribute('data-status', 'error');
    await expect(bar).toContainText('The compute worker did not start');
    await expect(bar).toContainText('reload the page');
  },
);
