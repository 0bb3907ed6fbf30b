import { expect, test } from './fixtures';

// Runs only in the `cpu` project: every URL carries ?backend=cpu (see fixtures.ts).
test.describe('@cpu', () => {
  test('forced CPU backend, with the missing WebGPU adapter explained', async ({ app }) => {
    const { page } = app;
    await app.open('/train');
    await app.ready();
    await expect(page.getByTestId('status-backend')).toContainText('cpu');
    await expect(page.getByTestId('status-adapter')).toContainText('WebGPU: no adapter');
    await page.getByTestId('open-settings').click();
    // No adapter: webgpu cannot be picked (its note says why).
    await expect(page.getByRole('radio', { name: /^webgpu/ })).toBeDisabled();
    // The address's backend is said, with a way to the remembered choice (auto) at once.
    await expect(page.getByTestId('backend-from-url')).toContainText('(cpu is in use)');
    await page.getByTestId('backend-use-setting').click();
    await expect(page.getByTestId('status-backend')).not.toContainText('cpu');
    await expect(page.getByTestId('backend-from-url')).toHaveCount(0);
    // Out of the address too: a reload keeps the remembered choice.
    await expect(page).not.toHaveURL(/backend=/);
  });

  test('device check measures WASM and CPU and reports WebGPU as missing', async ({ app }) => {
    const { page } = app;
    await app.open('/train');
    await app.ready();
    await page.getByTestId('open-settings').click();
    await expect(page.getByTestId('backend-choice')).toContainText('WebGPU: no adapter');
    await page.getByTestId('run-device-check').click();
    await expect(page.getByTestId('device-check')).toHaveAttribute('data-status', 'done', {
      timeout: 120_000,
    });
    await expect(page.getByTestId('device-row-wasm')).toHaveAttribute('data-ok', 'true');
    await expect(page.getByTestId('device-row-cpu')).toHaveAttribute('data-ok', 'true');
    await expect(page.getByTestId('device-row-webgpu')).toHaveCount(0);
    await expect(page.getByTestId('status-backend')).toContainText('cpu');
    // Kept over a reload, with its time: the table says why `auto` picks what it does.
    await page.reload();
    await app.ready();
    await page.getByTestId('open-settings').click();
    await expect(page.getByTestId('device-check')).toHaveAttribute('data-status', 'idle');
    await expect(page.getByTestId('device-check-when')).toContainText('Checked');
    await expect(page.getByTestId('device-row-cpu')).toHaveAttribute('data-ok', 'true');
    await expect(page.getByTestId('status-backend')).toContainText('cpu');
  });
});
