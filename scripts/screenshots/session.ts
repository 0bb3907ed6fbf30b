// What every screenshot step shares: the preview server, the page, taking a picture, `lab` in Node.
import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

export const PORT = 4174;
export const ORIGIN = `http://127.0.0.1:${PORT}`;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What a step needs: the page, and the folder the pictures go to. */
export interface Shots {
  page: Page;
  outDir: string;
  /** A scratch folder for the files a step writes (suite, configs, answers, bundles). */
  work: string;
}

/** `vite preview` of a built app on PORT, in its own process group; stop() ends the group. */
export function startServer(dist: string): { stop(): void } {
  const args = ['vite', 'preview', '--outDir', dist, '--port', String(PORT), '--strictPort'];
  const server = spawn(
    'npx',
    [...args, '--host', '127.0.0.1'],
    // Its own process group: killing npx alone would leave vite serving the port.
    { cwd: ROOT, stdio: 'ignore', detached: true },
  );
  return {
    stop() {
      if (server.pid !== undefined) process.kill(-server.pid);
    },
  };
}

/** Fails every request that leaves the page's origin: the app must not make one. */
export async function stayOnOrigin(page: Page): Promise<void> {
  await page.context().route('**/*', async (route) => {
    const url = route.request().url();
    if (/^(https?|wss?):/.test(url) && new URL(url).origin !== ORIGIN) {
      console.warn(`blocked a request to another origin: ${url}`);
      await route.abort();
    } else await route.continue();
  });
}

/** Opens a path of the app (retrying while the server starts) and waits for a ready backend. */
export async function open(page: Page, path: string): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await page.goto(`${ORIGIN}${path}`);
      break;
    } catch (error) {
      if (i >= 50) throw error;
      await page.waitForTimeout(200);
    }
  }
  await ready(page);
}

export const ready = (page: Page) =>
  page.getByTestId('status-bar').and(page.locator('[data-status=ready]')).waitFor();

/** Lets fonts, Monaco and charts settle after the last change. */
const settle = async (page: Page) => {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(1000);
};

/**
 * A picture of what the viewport shows, or of the part from the top of `from` (the page's top,
 * full width, when null) to the bottom of `to`. The viewport is first made as tall as that part,
 * so that a long part is taken whole with the status bar (fixed at the viewport's bottom) below
 * it, not drawn across its middle, as a full-page screenshot would draw it.
 */
export async function shoot(
  { page, outDir }: Shots,
  name: string,
  part?: { from: Locator | null; to: Locator; pad?: number; padTop?: number },
): Promise<void> {
  const path = `${outDir}/${name}.png`;
  if (!part) {
    await settle(page);
    await page.screenshot({ path });
  } else {
    const pad = part.pad ?? 12;
    const viewport = page.viewportSize()!;
    const clip = async () => {
      const end = await boxOf(part.to);
      const start = part.from ? await boxOf(part.from) : { x: pad, y: pad, width: 0 };
      const x = part.from ? Math.max(0, Math.min(start.x, end.x) - pad) : 0;
      const right = part.from
        ? Math.min(viewport.width, Math.max(start.x + start.width, end.x + end.width) + pad)
        : viewport.width;
      const y = Math.max(0, start.y - (part.padTop ?? pad));
      return { x, y, width: right - x, height: end.y + end.height + pad - y };
    };
    // Room for the whole part and the status bar below it (about 30 px); again until the part
    // has stopped growing (Monaco lays its editors out once they are in view).
    let height = viewport.height;
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => window.scrollTo(0, 0));
      const { y, height: h } = await clip();
      if (y + h + 40 <= height) break;
      height = Math.ceil(y + h) + 40;
      await page.setViewportSize({ width: viewport.width, height });
      await settle(page);
    }
    await settle(page);
    await page.screenshot({ path, clip: await clip() });
    await page.setViewportSize(viewport);
  }
  console.log(`wrote ${path}`);
}

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`not on the page: ${locator.toString()}`);
  return box;
}

/** `npm run -s lab -- <args>` from the package folder, as a person types it; its stdout. */
export function lab(args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(
      'npm',
      ['run', '-s', 'lab', '--', ...args],
      { cwd: ROOT, encoding: 'utf8', timeout: 8 * 60_000, maxBuffer: 64 << 20 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`lab ${args[0]} failed: ${stderr || error.message}`))
          : resolve(stdout),
    ),
  );
}

/** Seconds since `t0`, to say how long each step took. */
export const since = (t0: number): string => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
