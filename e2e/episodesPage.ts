import { proposedEdits, proposedPatch } from '../src/features/train/components/proposedPatch';
import type { Locator, Page } from '@playwright/test';
import { expect, type App } from './fixtures';
import { quickSuiteTasks } from './labCli';
import type { Stored } from './trainStore';

/**
 * Text as Monaco shows it, whitespace left out: long lines wrap (each wrapped piece its own view
 * line, at a space), and its spaces are non-breaking. Compare `squashed` on both sides.
 */
export const squashed = (text: string): string => text.replace(/[\s\u00a0]+/g, '');

/**
 * A composite answer whose edits the grader did not apply, opened on the Episodes page: no
 * patch, why, and what the edits would have changed worked out again against the task's files
 * (or why they do not apply), as proposedPatch makes it here in Node.
 */
export async function expectUnappliedEdits(
  app: App,
  runId: string,
  tested: Stored['episodes'],
): Promise<void> {
  const unapplied = tested.find(
    (e) => e.valid && !e.rendering?.patch && proposedEdits(e.answerText).length > 0,
  );
  expect(unapplied, 'a test answer whose edits were not applied').toBeDefined();
  const taskFiles = quickSuiteTasks().find((t) => t.id === unapplied!.taskId)!.files;
  const expected = proposedPatch(taskFiles, proposedEdits(unapplied!.answerText));
  await app.open('/episodes', { run: runId, episode: String(unapplied!.id) });
  const trace = app.page.getByTestId('episodes-page').getByTestId('episode-trace');
  await expect(trace.getByTestId('episode-no-patch')).toContainText('not applied');
  const proposed = trace.getByTestId('episode-proposed');
  if ('error' in expected) {
    await expect(proposed.getByTestId('episode-proposed-error')).toHaveText(
      `They do not apply to the task's files: ${expected.error}`,
    );
    return;
  }
  await trace.getByTestId('code-view-text').click();
  await expect(proposed.getByTestId('episode-proposed-patch')).toHaveText(
    expected.patch.trimEnd().split('\n').join(''),
  );
  await trace.getByTestId('code-view-editor').click();
}

/**
 * Training grades an answer only until its reward is settled, and its trace says what was not
 * run (a step's answers `mine`, listed as `rows`); the test evaluation (`tested`) grades in full.
 */
export async function expectSettledGrading(
  rows: Locator,
  trace: Locator,
  mine: Stored['episodes'],
  tested: Stored['episodes'],
): Promise<void> {
  const NOT_RUN = /not run.*, as the reward was already 0\./i;
  const cut = mine.findIndex((e) => e.facts.some((f) => NOT_RUN.test(f)));
  expect(cut, 'a training answer whose grading stopped early').toBeGreaterThanOrEqual(0);
  expect(mine[cut]!.reward).toBe(0);
  expect(mine[cut]!.runs.at(-1)!.asRequired).toBe(false);
  await rows.nth(cut).getByRole('button').click();
  await expect(trace.getByTestId('episode-facts')).toContainText(NOT_RUN);
  await expect(trace.getByTestId('episode-runs').locator(':scope > li')).toHaveCount(
    mine[cut]!.runs.length,
  );
  await rows.nth(cut).getByRole('button').click();
  await expect(trace).toHaveCount(0);
  const testgen = tested.filter((e) => e.kind === 'testgen');
  expect(testgen.length, 'test-generation answers in the test evaluation').toBeGreaterThan(0);
  for (const e of testgen) {
    expect(e.facts.join(' ')).toMatch(/Hidden mutants caught: \d+ of \d+\./);
    expect(e.facts.join(' ')).not.toMatch(NOT_RUN);
  }
}

/** A run's final test and validation scores are the means of the answers it stored for them. */
export function expectScoresFromAnswers(
  { episodes: all, evals }: Pick<Stored, 'episodes' | 'evals'>,
  run: Stored['runs'][number],
): void {
  const tested = all.filter((e) => e.source === 'test');
  expect(tested.length, 'the final test evaluation keeps its answers').toBeGreaterThan(0);
  expect(new Set(tested.map((e) => e.step))).toEqual(new Set([run.step]));
  for (const [kind, score] of Object.entries(run.finalRewards)) {
    const rewards = tested.filter((e) => e.kind === kind).map((e) => e.reward);
    expect(rewards.reduce((a, b) => a + b, 0) / rewards.length, kind).toBeCloseTo(score, 9);
  }

  // Each validation's answers are what its scores were made of, too.
  const validations = evals.filter((e) => e.split === 'val');
  expect(validations.map((e) => e.step)).toEqual([0, run.step]);
  for (const v of validations) {
    const answers = all.filter((e) => e.source === 'val' && e.step === v.step);
    expect(answers.length, `validation after ${v.step} steps keeps its answers`).toBeGreaterThan(0);
    for (const [kind, score] of Object.entries(v.bySkill)) {
      const rewards = answers.filter((e) => e.kind === kind).map((e) => e.reward);
      expect(rewards.reduce((a, b) => a + b, 0) / rewards.length, kind).toBeCloseTo(
        score.meanReward,
        9,
      );
    }
  }
}

/**
 * On the Episodes page, the `open`th answer of `batch` (step 0's groups) open: the skill and
 * reward filters go into the address and come back after a reload; a filter that hides the open
 * trace says so (the address keeps the episode), and Show it brings it back, unfiltered. A
 * mistyped filter in the address is said.
 */
export async function expectFiltersInAddress(
  page: Page,
  runId: string,
  batch: Stored['episodes'],
  which: number,
): Promise<void> {
  const ep = page.getByTestId('episodes-page');
  const epTrace = ep.getByTestId('episode-trace');
  const open = batch[which]!;
  const hides = open.reward > 0 ? 'unrewarded' : 'rewarded';
  await ep.getByTestId('episode-kind').selectOption(open.kind);
  await ep.getByTestId('episode-reward-filter').selectOption(hides);
  const address = () => Object.fromEntries(new URL(page.url()).searchParams);
  await expect
    .poll(address)
    .toMatchObject({ kind: open.kind, reward: hides, episode: String(open.id) });
  const hidden = ep.getByTestId('episode-hidden');
  await expect(hidden).toContainText(`The open episode ${open.id}`);
  await expect(hidden).toContainText('is hidden by the reward filter');
  await page.reload();
  await expect(ep.getByTestId('episode-reward-filter')).toHaveValue(hides);
  await expect(ep.getByTestId('episode-kind')).toHaveValue(open.kind);
  await expect(ep.getByTestId('episode-step')).toHaveValue('train:0');
  await expect(ep.getByTestId('episode-row')).toHaveCount(
    batch.filter(
      (e) => e.kind === open.kind && (e.reward > 0 ? 'rewarded' : 'unrewarded') === hides,
    ).length,
  );
  await expect(hidden).toBeVisible();
  await ep.getByTestId('episode-hidden-show').click();
  await expect(ep.getByTestId('episode-reward-filter')).toHaveValue('all');
  await expect(epTrace.getByTestId('episode-answer')).toHaveText(open.answerText);
  await expect.poll(address).toEqual({ run: runId, batch: 'train-0', episode: String(open.id) });
  // Values the filters do not take are said, with what they take, until another is picked.
  await page.goto(`/episodes?run=${runId}&kind=${open.kind}s&reward=yes`);
  const bad = ep.getByTestId('episodes-bad-filter');
  await expect(bad).toContainText(`“kind=${open.kind}s” in the address is not a skill`);
  await expect(bad).toContainText('“reward=yes” in the address is not a reward filter');
  await expect(ep.getByTestId('episode-kind')).toHaveValue('all');
  await ep.getByTestId('episode-kind').selectOption(open.kind);
  await expect(bad).not.toContainText('kind=');
  await expect(bad).toContainText('reward=yes');
  // Gone for good: not back with the default picked again.
  await ep.getByTestId('episode-kind').selectOption('all');
  await expect(bad).toContainText('reward=yes');
  await expect(bad).not.toContainText('kind=');
  // A batch of the right form that the run has not stored (a link cut short) is said too.
  await page.goto(`/episodes?run=${runId}&batch=train-99`);
  await expect(ep.getByTestId('episodes-not-stored')).toContainText(
    'No answers stored for step 99 (a step with none',
  );
}

/**
 * An open answer beyond the list's first page (row `row`), linked: its row selected and in view.
 * Hidden by a filter, Show it clears the filters and pages its row in again, its trace shown.
 */
export async function expectShowItPagesIn(
  page: Page,
  open: Stored['episodes'][number],
  row: number,
): Promise<void> {
  const ep = page.getByTestId('episodes-page');
  // Its row selected, and within the list's own scroll box.
  const selected = ep.getByTestId('episode-row').nth(row);
  await expect(selected).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => selected.evaluate(inItsBox)).toBe(true);
  await ep
    .getByTestId('episode-reward-filter')
    .selectOption(open.reward > 0 ? 'unrewarded' : 'rewarded');
  await expect(ep.getByTestId('episode-hidden')).toContainText(`The open episode ${open.id}`);
  await ep.getByTestId('episode-hidden-show').click();
  await expect(ep.getByTestId('episode-trace').getByTestId('episode-answer')).toHaveText(
    open.answerText,
  );
  await expect(ep.getByTestId('episode-reward-filter')).toHaveValue('all');
  // Its row scrolled back into the list's box. (Waited for before any other click: a row
  // clicked while the list scrolls may be another row than the one aimed at.)
  const again = ep.locator(`[data-testid="episode-row"][data-episode-id="${open.id}"]`);
  await expect(again).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => again.evaluate(inItsBox)).toBe(true);
}

/**
 * Back at once after another answer is opened, on a slowed CPU: React Router renders each
 * address in a transition, so the pushed address and Back's can render as one, as if the
 * address never changed. The trace still follows Back to the open episode (`open`, its row in
 * view on the list's first page: another row is clicked each time).
 */
export async function expectQuickBackFollowed(
  page: Page,
  open: Stored['episodes'][number],
  times = 3,
): Promise<void> {
  const ep = page.getByTestId('episodes-page');
  const shownId = () => new URL(page.url()).searchParams.get('episode');
  const cdp = await page.context().newCDPSession(page);
  try {
    for (let i = 0; i < times; i++) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 10 });
      await ep.getByTestId('episode-row').nth(i).locator('td').first().click();
      await expect.poll(shownId, { intervals: [10] }).not.toBe(String(open.id));
      await page.goBack();
      await expect(page).toHaveURL(new RegExp(`[?&]episode=${open.id}(&|$)`));
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await expect(
        ep.getByTestId('episode-trace').getByTestId('episode-answer'),
        `Back at once, try ${i + 1}`,
      ).toHaveText(open.answerText);
      // And nothing pushed the answer Back left over the entry it went to.
      expect(shownId(), 'the address after Back').toBe(String(open.id));
    }
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}

/**
 * An answer opened and at once closed from the keyboard stays closed, and the address drops it
 * (the address's navigation commits later than the second press).
 */
export async function expectQuickToggleKept(page: Page): Promise<void> {
  const ep = page.getByTestId('episodes-page');
  const row = ep.getByTestId('episode-row').nth(1).getByRole('button');
  await row.press('Enter');
  await row.press('Enter');
  await expect(ep.getByTestId('episode-trace')).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.get('episode')).toBeNull();
  await expect(ep.getByTestId('episode-trace')).toHaveCount(0);
}

/** Whether a list row is within the sight of the list's own scroll box. */
export function inItsBox(row: Element): boolean {
  const box = row.closest('.episode-list-box');
  if (!box) return false;
  const r = row.getBoundingClientRect();
  const b = box.getBoundingClientRect();
  return r.top >= b.top && r.bottom <= b.bottom;
}

/**
 * A training answer of a flat group (every reward of its group the same) says what it did in
 * the update, as the run's config has it; one of a group whose rewards disagree says nothing more.
 */
export async function expectUpdateSaid(
  app: App,
  runId: string,
  training: Stored['episodes'],
  config: Stored['runs'][number]['config'],
): Promise<void> {
  const groupOf = (e: Stored['episodes'][number]) =>
    training.filter((o) => o.step === e.step && o.groupIndex === e.groupIndex);
  const isFlat = (e: Stored['episodes'][number]) => groupOf(e).every((o) => o.reward === e.reward);
  const flat = training.find(isFlat);
  const signal = training.find((e) => !isFlat(e));
  expect(flat, 'a training answer of a flat group').toBeDefined();
  const trace = app.page.getByTestId('episodes-page').getByTestId('episode-trace');
  await app.open('/episodes', { run: runId, episode: String(flat!.id) });
  await expect(trace.getByTestId('episode-answer')).toHaveText(flat!.answerText);
  await expect(trace.getByTestId('episode-reward')).toContainText('advantage 0 ');
  const keptAnswers = config.flatGroupAnswers || groupOf(flat!).length;
  await expect(trace.getByTestId('episode-update')).toHaveText(
    !config.keepFlatGroups
      ? /this run leaves such groups out of the update, so this answer was not trained on\.$/
      : flat!.sampleIndex < keptAnswers
        ? /this run keeps such groups in the update at advantage 0/
        : /so this one \(answer \d+\) was not trained on\.$/,
  );
  if (signal) {
    await app.open('/episodes', { run: runId, episode: String(signal.id) });
    await expect(trace.getByTestId('episode-answer')).toHaveText(signal.answerText);
    await expect(trace.getByTestId('episode-update')).toHaveCount(0);
  }
}
