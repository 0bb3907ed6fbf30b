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
