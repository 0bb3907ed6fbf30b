import { test as base, expect, type Page } from '@playwright/test';

export interface App {
  /** Opens a path of the app; in the `cpu` project every URL carries `?backend=cpu`. */
  open(path: string, query?: Record<string, string>): Promise<void>;
  /** Waits until the status bar reports a ready compute backend. */
  ready(): Promise<void>;
  page: Page;
}

/**
 * Every test fails on a console error, an uncaught page error, or a request that leaves the
 * page's origin (the app must work offline).
 */
export const test = base.extend<{ app: App }>({
  app: async ({ page, baseURL }, use, testInfo) => {
    const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
    const errors: string[] = [];
    const foreign: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.context().route('**/*', async (route) => {
      const url = route.request().url();
      if (/^(https?|wss?):/.test(url) && new URL(url).origin !== origin) {
        foreign.push(url);
        await route.abort();
        return;
      }
      await route.continue();
    });
    const forced: Record<string, string> =
      testInfo.project.name === 'cpu' ? { backend: 'cpu' } : {};
    const app: App = {
      page,
      async open(path, query = {}) {
        const params = new URLSearchParams({ ...forced, ...query }).toString();
        await page.goto(params ? `${path}?${params}` : path);
      },
      async ready() {
        await expect(page.getByTestId('status-bar')).toHaveAttribute('data-status', 'ready');
      },
    };
    await use(app);
    expect(errors, 'console errors').toEqual([]);
    expect(foreign, 'requests to other origins').toEqual([]);
  },
});

export { expect };
