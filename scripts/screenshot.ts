// Takes the README's screenshots of the production build in headless Chromium (WebGPU on).
// Usage: npm run build && npx tsx scripts/screenshot.ts [outDir]   (serves dist/ itself on 4174)
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_QUIET_FLAGS, CHROMIUM_WEBGPU_FLAG, chromiumPath } from '../e2e/chromium';

const outDir = process.argv[2] ?? 'docs/screenshots';
mkdirSync(outDir, { recursive: true });
const server = spawn(
  'npx',
  ['vite', 'preview', '--port', '4174', '--strictPort', '--host', '127.0.0.1'],
  // Its own process group: killing npx alone would leave vite serving the port.
  { stdio: 'ignore', detached: true },
);
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [...CHROMIUM_QUIET_FLAGS, CHROMIUM_WEBGPU_FLAG],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  for (let i = 0; i < 50; i++) {
    try {
      await page.goto('http://127.0.0.1:4174/train');
      break;
    } catch {
      await page.waitForTimeout(200);
    }
  }
  await page.getByTestId('status-bar').and(page.locator('[data-status=ready]')).waitFor();
  await page.getByTestId('open-settings').click();
  await page.getByTestId('run-device-check').click();
  await page.locator('[data-testid=device-check][data-status=done]').waitFor({ timeout: 120_000 });
  await page.screenshot({ path: `${outDir}/shell-device-check.png` });
  console.log(`wrote ${outDir}/shell-device-check.png`);
  await page.keyboard.press('Escape');
  await page.reload();
  await page.getByTestId('status-bar').and(page.locator('[data-status=ready]')).waitFor();

  // A quick-demo run in progress: the progress panel and the reward curves.
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
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${outDir}/train-run.png`, fullPage: false });
  console.log(`wrote ${outDir}/train-run.png`);
} finally {
  await browser.close();
  if (server.pid !== undefined) process.kill(-server.pid);
}
