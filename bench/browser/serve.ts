/**
 * Node side of the Chromium bench: builds bench/browser/ with the repo's Vite config into a
 * temporary folder, serves it with `vite preview` on 127.0.0.1 (with the config's COOP/COEP
 * headers) and opens it in Debian's Chromium through Playwright with the e2e flags. Requests
 * beyond that origin are aborted and listed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_QUIET_FLAGS, chromiumPath } from '../../e2e/chromium';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SANDBOX_PAGE = 'bench/browser/index.html';

export interface BenchPageOptions {
  /** The page, from the repo root (default: the sandbox bench's). */
  page?: string;
  /** A function the page defines on `window` once its API is ready (default `benchStart`). */
  ready?: string;
  /** Chromium flags beside the e2e ones (e.g. `--enable-unsafe-webgpu`). */
  args?: string[];
}

export interface BenchPage {
  page: Page;
  /** Chromium's version. */
  version: string;
  /** Requests that tried to leave 127.0.0.1 (aborted). */
  foreign: string[];
  /** Page errors and console errors so far. */
  errors: string[];
  close(): Promise<void>;
}

/** Builds and serves a bench page and opens it once its API is defined. */
export async function openBenchPage(options: BenchPageOptions = {}): Promise<BenchPage> {
  const PAGE = options.page ?? SANDBOX_PAGE;
  const ready = options.ready ?? 'benchStart';
  const outDir = await mkdtemp(join(tmpdir(), 'bench-page-'));
  const configFile = join(ROOT, 'vite.config.ts');
  const cleanup: (() => Promise<void>)[] = [() => rm(outDir, { recursive: true, force: true })];
  const close = async () => {
    for (const step of cleanup.reverse()) await step();
  };
  try {
    await build({
      root: ROOT,
      configFile,
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: true,
        copyPublicDir: false,
        rolldownOptions: { input: join(ROOT, PAGE) },
      },
    });
    const server = await preview({
      root: ROOT,
      configFile,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 4180, strictPort: false, open: false },
    });
    cleanup.push(() => server.close());
    const base = server.resolvedUrls?.local[0];
    if (!base) throw new Error('vite preview did not report its URL');
    const origin = new URL(base).origin;

    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: [...CHROMIUM_QUIET_FLAGS, ...(options.args ?? [])],
    });
    cleanup.push(() => browser.close());
    const context = await browser.newContext();
    const foreign: string[] = [];
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (/^(https?|wss?):/.test(url) && new URL(url).origin !== origin) {
        foreign.push(url);
        await route.abort();
      } else await route.continue();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    await page.goto(`${origin}/${PAGE}`);
    await page.waitForFunction(
      (name) => typeof (window as unknown as Record<string, unknown>)[name] === 'function',
      ready,
    );
    return { page, version: browser.version(), foreign, errors, close };
  } catch (error) {
    await close();
    throw error;
  }
}
