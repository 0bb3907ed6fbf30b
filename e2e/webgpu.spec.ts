import { expect, test } from './fixtures';

// Runs only in the `webgpu` project (Chromium with --enable-unsafe-webgpu): see playwright.config.ts.
test.describe('@webgpu', () => {
  test('shows the SwiftShader adapter and picks WASM over a software WebGPU', async ({ app }) => {
    const { page } = app;
    await app.open('/train');
    await app.ready();
    await expect(page.getByTestId('status-adapter')).toContainText('swiftshader');
    await expect(page.getByTestId('status-adapter')).toContainText('software fallback');
    await expect(page.getByTestId('status-backend')).toContainText('wasm');
    await expect(page.getByTestId('status-fallbacks')).toContainText('WASM is faster here');
  });

  test('device check runs a WebGPU matmul and times every backend', async ({ app }) => {
    const { page } = app;
    await app.open('/train');
    await app.ready();
    await page.getByTestId('open-settings').click();
    await page.getByTestId('run-device-check').press('Enter');
    // The button keeps the keyboard's focus while it checks, and after.
    await expect(page.getByTestId('run-device-check')).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByTestId('run-device-check')).toBeFocused();
    await expect(page.getByTestId('device-check')).toHaveAttribute('data-status', 'done', {
      timeout: 150_000,
    });
    await expect(page.getByTestId('run-device-check')).toBeFocused();
    for (const backend of ['webgpu', 'wasm', 'cpu']) {
      await expect(page.getByTestId(`device-row-${backend}`)).toHaveAttribute('data-ok', 'true');
    }
    const gflops = await page.getByTestId('device-row-webgpu').locator('td').nth(1).textContent();
    expect(Number(gflops)).toBeGreaterThan(0);
    await expect(page.getByTestId('device-check-results')).toContainText('fastest');
    // The policy gives the same log-probs, before and after one update, on every backend within
    // the panel's tolerance of 1e-3 (largest absolute difference vs WASM; measured on SwiftShader:
    // WebGPU 8e-7, CPU 5e-7: float32 rounding).
    for (const backend of ['webgpu', 'wasm', 'cpu'])
      await expect(page.getByTestId(`agreement-${backend}`)).toBeVisible();
    const cpu = await page.getByTestId('agreement-cpu').getAttribute('data-difference');
    const webgpu = await page.getByTestId('agreement-webgpu').getAttribute('data-difference');
    console.log(`policy log-prob difference webgpu vs wasm: ${webgpu}; cpu vs wasm: ${cpu}`);
    expect(Number(cpu)).toBeLessThan(1e-3);
    expect(Number(webgpu)).toBeLessThan(1e-3);
  });

  test('a backend chosen in settings is remembered across reloads', async ({ app }) => {
    const { page } = app;
    await app.open('/train');
    await app.ready();
    await page.getByTestId('open-settings').click();
    await page.getByRole('radio', { name: /^cpu/ }).check();
    await expect(page.getByTestId('status-backend')).toContainText('cpu');
    await page.reload();
    await app.ready();
    await expect(page.getByTestId('status-backend')).toContainText('cpu');
    await app.open('/train', { backend: 'webgpu' });
    await app.ready();
    await expect(page.getByTestId('status-backend')).toContainText('webgpu');
  });
});
