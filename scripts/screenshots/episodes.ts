// A finished quick-demo run's stored episodes: the Train page's section and the Episodes page.
import type { Page } from 'playwright-core';
import { open, shoot, type Shots } from './session';
import { storedEpisodes, type StoredEpisode } from './store';

/** The first of `list` that `wanted` picks, or an error naming what was looked for. */
function pick(list: StoredEpisode[], what: string, wanted: (e: StoredEpisode) => boolean) {
  const index = list.findIndex(wanted);
  if (index < 0) throw new Error(`the quick demo stored no ${what}`);
  return { episode: list[index]!, index };
}

/** Opens the run on the Train page with its episodes section, on one batch and filters. */
async function openSection(
  page: Page,
  runId: string,
  batch: string,
  filters: { kind?: string; reward?: string } = {},
) {
  await open(page, '/train');
  await page.getByTestId(`open-run-${runId}`).click();
  const summary = page.getByTestId('episodes-section').locator(':scope > summary');
  await summary.click();
  const section = page.getByTestId('run-episodes');
  await section.getByTestId('episode-step').selectOption(batch);
  if (filters.kind) await section.getByTestId('episode-kind').selectOption(filters.kind);
  if (filters.reward)
    await section.getByTestId('episode-reward-filter').selectOption(filters.reward);
  return { section, summary };
}

/**
 * train-episodes.png: step 0 of the quick demo in the Train page's episodes section, a rewarded
 * unit-test generation answer opened (its facts, decoded tokens and sandbox runs).
 */
export async function trainEpisodes(shots: Shots, runId: string): Promise<void> {
  const { page } = shots;
  const step0 = (await storedEpisodes(page, runId)).filter(
    (e) => e.source === 'train' && e.step === 0,
  );
  const { index } = pick(
    step0,
    'rewarded unit-test generation answer at step 0',
    (e) => e.kind === 'testgen' && e.reward > 0,
  );
  const { section, summary } = await openSection(page, runId, 'train:0');
  const rows = section.getByTestId('episode-row');
  await rows.nth(step0.length - 1).waitFor();
  await rows.nth(index).getByRole('button').click();
  const trace = section.getByTestId('episode-trace');
  await trace.getByTestId('episode-runs').waitFor();
  await shoot(shots, 'train-episodes', { from: summary, to: trace, padTop: 4 });
}

/**
 * train-episodes-test.png: the quick demo's final test evaluation, filtered to rewarded
 * localization answers, the first opened (its task's Avg@k score, the issue, the facts and
 * its decoded tokens).
 */
export async function trainEpisodesTest(shots: Shots, runId: string): Promise<void> {
  const { page } = shots;
  const tested = (await storedEpisodes(page, runId)).filter((e) => e.source === 'test');
  const { episode } = pick(
    tested,
    'rewarded localization answer in its test evaluation',
    (e) => e.kind === 'localization' && e.reward > 0,
  );
  const { section, summary } = await openSection(page, runId, `test:${episode.step}`, {
    kind: 'localization',
    reward: 'rewarded',
  });
  await section.getByTestId('episode-row').first().getByRole('button').click();
  const trace = section.getByTestId('episode-trace');
  await trace.getByTestId('episode-tokens').waitFor();
  await shoot(shots, 'train-episodes-test', { from: summary, to: trace, padTop: 4 });
}

/**
 * episode-trace.png: the Episodes page on an edit answer of the quick demo's step 0, its edits
 * side by side in Monaco against the whole file, unchanged stretches folded.
 */
export async function episodeTrace(shots: Shots, runId: string): Promise<void> {
  const { page } = shots;
  const step0 = (await storedEpisodes(page, runId)).filter(
    (e) => e.source === 'train' && e.step === 0,
  );
  const { episode } = pick(step0, 'applied edit answer at step 0', (e) =>
    Boolean(e.rendering?.patch),
  );
  await page.setViewportSize({ width: 1280, height: 860 });
  await open(page, `/episodes?run=${runId}&episode=${episode.id}`);
  const diff = page.getByTestId('episode-patch-files-diff');
  await diff.locator('.editor.modified .view-lines').waitFor();
  await page.waitForTimeout(1000);
  // The answer's heading at the top, its edits as a patch below it.
  await page
    .getByTestId('episode-trace')
    .getByRole('heading', { name: 'Answer', exact: true })
    .evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 16));
  await shoot(shots, 'episode-trace');
}
