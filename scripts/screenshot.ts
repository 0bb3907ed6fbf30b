// Takes the README's eight screenshots of the production build in headless Chromium (WebGPU on),
// from a fresh browser profile, in about three to four minutes on two cores.
// Usage: npm run build && npx tsx scripts/screenshot.ts [outDir]   (serves dist/ itself on 4174;
// SCREENSHOT_DIST=<folder> serves another build, e.g. one made with `vite build --outDir`)
//
// The browser runs the quick demo (seed 1; it builds and caches the quick suite first), whose
// stored episodes give the episode pictures; the Learn page is played with that suite's gold
// answers; two simple answer files are scored on the Evaluate page; and a tiny paper grid is
// trained in Node on the same suite (`lab experiment`, meanwhile) and imported as bundles.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_QUIET_FLAGS, CHROMIUM_WEBGPU_FLAG, chromiumPath } from '../e2e/chromium';
import { episodeTrace, trainEpisodes, trainEpisodesTest } from './screenshots/episodes';
import { evaluateGrid, evaluateModels, tinyGrid } from './screenshots/evaluate';
import { learnBugfix } from './screenshots/learn';
import { since, startServer, stayOnOrigin, type Shots } from './screenshots/session';
import { cachedQuickSuite } from './screenshots/store';
import { quickDemo, shellDeviceCheck } from './screenshots/train';

const t0 = Date.now();
const outDir = process.argv[2] ?? 'docs/screenshots';
mkdirSync(outDir, { recursive: true });
const dist = process.env.SCREENSHOT_DIST ?? 'dist';
if (!existsSync(join(dist, 'index.html')))
  throw new Error(`no build in ${dist}: npm run build first`);
const work = mkdtempSync(join(tmpdir(), 'asl-screenshots-'));
const server = startServer(dist);
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [...CHROMIUM_QUIET_FLAGS, CHROMIUM_WEBGPU_FLAG],
});
let grid: Promise<string[]> | undefined;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  page.on('pageerror', (e) => console.warn(`page error: ${e.message}`));
  await stayOnOrigin(page);
  const shots: Shots = { page, outDir, work };

  await shellDeviceCheck(shots);
  const runId = await quickDemo(shots);
  console.log(`quick demo done (${since(t0)})`);
  const tasks = await cachedQuickSuite(page);
  grid = tinyGrid(work, tasks);
  await trainEpisodes(shots, runId);
  await trainEpisodesTest(shots, runId);
  await episodeTrace(shots, runId);
  await learnBugfix(shots, tasks);
  await evaluateModels(shots, runId);
  const bundles = await grid;
  console.log(`tiny grid trained in Node (${since(t0)})`);
  await evaluateGrid(shots, bundles);
  console.log(`all eight in ${since(t0)}`);
} finally {
  await browser.close();
  server.stop();
  // A failure before the grid ended: let its `lab` finish before its folder goes.
  await grid?.catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}
