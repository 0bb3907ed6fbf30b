import { defineConfig } from '@playwright/test';
import { CHROMIUM_QUIET_FLAGS, CHROMIUM_WEBGPU_FLAG, chromiumPath } from './e2e/chromium';

// E2E_PORT and E2E_DIST let a second e2e run (a build in another folder) go beside the first.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';
const quietFlags = CHROMIUM_QUIET_FLAGS;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    screenshot: 'off',
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1 --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}/train`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
  projects: [
    {
      // Builds the quick suite once and saves it for the training specs (e2e/suite.setup.ts).
      name: 'suite',
      testMatch: 'suite.setup.ts',
      use: {
        launchOptions: {
          executablePath: chromiumPath(),
          args: [...quietFlags, CHROMIUM_WEBGPU_FLAG],
        },
      },
    },
    {
      name: 'webgpu',
      dependencies: ['suite'],
      grepInvert: /@cpu/,
      use: {
        launchOptions: {
          executablePath: chromiumPath(),
          args: [...quietFlags, CHROMIUM_WEBGPU_FLAG],
        },
      },
    },
    {
      name: 'cpu',
      grepInvert: /@webgpu/,
      // Every page in this project is opened with ?backend=cpu by the fixture.
      use: { launchOptions: { executablePath: chromiumPath(), args: quietFlags } },
    },
  ],
});
