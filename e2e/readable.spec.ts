import type { Locator } from '@playwright/test';
import { PAPER_BASELINES } from '../src/eval/grid';
import { expect, test, type App } from './fixtures';
import { tinyBundle } from './labCli';
import { openTrain } from './trainStore';

/** How far (px) each line of an editor's text runs past the editor's right edge, at most. */
function overflow(editor: Locator): Promise<number> {
  return editor.evaluate((el) => {
    const right = el.getBoundingClientRect().right;
    const spans = [...el.querySelectorAll('.view-line > span')];
    return Math.max(0, ...spans.map((s) => s.getBoundingClientRect().right - right));
  });
}

/** Opens the run's first code-editing answer on the Episodes page; its patch's diff editor. */
async function openEditDiff(app: App, runId: string): Promise<Locator> {
  const { page } = app;
  await app.open('/episodes', { run: runId });
  await page.getByLabel('Skill', { exact: true }).selectOption('editing');
  await page.getByTestId('episode-row').first().getByRole('button').click();
  const diff = page.getByTestId('episode-patch-files-diff').first();
  // The editor's own lines (in one column, the removed lines show in view zones of that class).
  await expect(diff.locator('.editor.modified .view-lines:not(.line-delete)')).toBeVisible();
  return diff;
}

test.describe('Readable: select names, narrow diffs, flat signal charts @webgpu', () => {
  test.setTimeout(5 * 60_000);
  let made: ReturnType<typeof tinyBundle>;
  test.beforeAll(() => {
    test.setTimeout(5 * 60_000);
    made = tinyBundle();
  });

  /** The Train page with the tiny run imported; its id. */
  async function imported(app: App): Promise<string> {
    await openTrain(app);
    await app.page.getByTestId('import-bundle').setInputFiles(made.file);
    await expect(app.page.getByTestId(`open-run-${made.bundle.run.id}`)).toBeVisible();
    return made.bundle.run.id;
  }

  test('phone width: no page scrolls sideways at 360 px, with a run, its episodes, the grid and a bug to play', async ({
    app,
    page,
  }) => {
    const runId = await imported(app);
    // Reopened with the quick suite cached: the Learn page's bug comes at once.
    await openTrain(app, { cachedSuite: true });
    await page.setViewportSize({ width: 360, height: 800 });
    /** How far (px) the page runs past the window's right edge, and some of what reaches there. */
    const sideways = () =>
      page.evaluate(() => {
        const root = document.scrollingElement!;
        // The innermost elements that reach past the edge: what widens the page.
        const past = [...document.querySelectorAll('body *')].filter(
          (n) => n.getBoundingClientRect().right > root.clientWidth + 1,
        );
        const out = past
          .filter((n) => !past.some((m) => m !== n && n.contains(m)))
          .slice(0, 3)
          .map(
            (n) =>
              `${n.tagName.toLowerCase()}.${String(n.className)} "${(n.textContent ?? '').slice(0, 30)}"`,
          );
        return { by: root.scrollWidth - root.clientWidth, out };
      });
    const pages: [string, Locator][] = [
      ['Train', page.getByTestId(`open-run-${runId}`)],
      ['Episodes', page.getByTestId('episode-row').first()],
      ['Evaluate', page.getByTestId('grid-source-file')],
      ['Learn', page.getByTestId('learn-bug-select')],
    ];
    for (const [name, shown] of pages) {
      await page.getByRole('link', { name, exact: true }).click();
      await expect(shown).toBeVisible({ timeout: 60_000 });
      const { by, out } = await sideways();
      expect(by, `${name} is ${by} px too wide (e.g. ${out.join(', ')})`).toBe(0);
    }
    // The status bar scrolls with a phone's page: a table's sticky line keeps no room for it.
    await page.getByRole('link', { name: 'Evaluate', exact: true }).click();
    const line = page.locator('.cell-facts').first();
    await expect(line).toBeAttached();
    expect(await line.evaluate((el) => getComputedStyle(el).bottom)).toBe('0px');
    // The episodes list shows each answer's start and its reward without scrolling sideways.
    await page.getByRole('link', { name: 'Episodes', exact: true }).click();
    const list = page.locator('.episode-list-box');
    await expect(list.getByTestId('episode-row').first()).toBeVisible();
    expect(await list.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    // Its rows run past its box: a shade at its foot says so, until it is scrolled to its end.
    const listFrame = page.locator('.table-scroll-frame', { has: list });
    await expect(listFrame).toHaveAttribute('data-hidden-below', 'true');
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(listFrame).not.toHaveAttribute('data-hidden-below');
    await list.evaluate((el) => el.scrollTo({ top: 0 }));
    // The decoded tokens' table is wider than a phone: a shade on its right says it scrolls;
    // scrolled to its end, the shade moves to the left.
    await list.getByTestId('episode-row').first().getByRole('button').click();
    const frame = page.locator('.table-scroll-frame', { has: page.getByTestId('episode-tokens') });
    await expect(frame).toHaveAttribute('data-hidden-right', 'true');
    await expect(frame).not.toHaveAttribute('data-hidden-left');
    await frame.locator('.table-scroll').evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect(frame).toHaveAttribute('data-hidden-left', 'true');
    await expect(frame).not.toHaveAttribute('data-hidden-right');
  });

  test('select names: each select is named by its visible label alone, not its options', async ({
    app,
    page,
  }) => {
    const runId = await imported(app);
    await page.getByTestId(`open-run-${runId}`).click();
    // Train page: the preset and the reward chart's x axis.
    await expect(page.getByLabel('preset', { exact: true })).toHaveAttribute(
      'data-testid',
      'preset-select',
    );
    await expect(page.getByTestId('preset-select')).toHaveAccessibleName('preset');
    await expect(page.getByTestId('suite-select')).toHaveAccessibleName('Tasks');
    await expect(page.getByLabel('x axis', { exact: true })).toHaveAttribute(
      'data-testid',
      'x-axis-select',
    );
    // Evaluate page: a pick for every baseline, named by the baseline alone (not "Joint RL
    // Untrained — none — readable…").
    await page.getByRole('link', { name: 'Evaluate', exact: true }).click();
    for (const { name, label } of PAPER_BASELINES) {
      const pick = page.getByTestId(`grid-pick-${name}`);
      await expect(pick).toHaveAccessibleName(label);
      await expect(page.getByLabel(label, { exact: true })).toHaveAttribute(
        'data-testid',
        `grid-pick-${name}`,
      );
    }
    await page.getByLabel('Joint RL', { exact: true }).selectOption(runId);
    await expect(page.getByTestId('grid-pick-joint-rl')).toHaveValue(runId);
    // A run named otherwise than its baseline says so, outside the select's name.
    await expect(page.getByTestId('grid-pick-joint-rl-other')).toContainText(', not joint-rl');
    await expect(page.getByTestId('grid-pick-joint-rl')).toHaveAccessibleName('Joint RL');
    // Episodes page: the run picker and the list's filters.
    await page.getByRole('link', { name: 'Episodes', exact: true }).click();
    await expect(page.getByLabel('Run', { exact: true })).toHaveValue(runId);
    await expect(page.getByTestId('episodes-run')).toHaveAccessibleName('Run');
    for (const [label, testId] of [
      ['Episodes of', 'episode-step'],
      ['Skill', 'episode-kind'],
      ['Reward', 'episode-reward-filter'],
    ])
      await expect(page.getByTestId(testId!)).toHaveAccessibleName(label!);
  });

  test('narrow diff: at 800 px an edit shows in one column, at 1400 px (and on the Train page at 1280) side by side; its lines wrap, none cut off', async ({
    app,
    page,
  }) => {
    const runId = await imported(app);
    for (const [width, sideBySide] of [
      [800, false],
      [1400, true],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      const diff = await openEditDiff(app, runId);
      const editor = diff.locator('.monaco-diff-editor');
      if (sideBySide) await expect(editor).toHaveClass(/\bside-by-side\b/);
      else await expect(editor).not.toHaveClass(/\bside-by-side\b/);
      // Every line shown (both sides, or the one column with the removed lines in it) ends
      // inside its editor: long lines wrap, none runs off.
      for (const side of sideBySide ? ['original', 'modified'] : ['modified'])
        await expect
          .poll(() => overflow(diff.locator(`.editor.${side}`)), {
            message: `${width} px, ${side}`,
          })
          .toBe(0);
      await expect(diff.locator('.editor.modified .line-insert').first()).toBeVisible();
    }
    // The Train page's episodes section at 1280 px (a column of ~760 px) keeps two sides.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('link', { name: 'Train', exact: true }).click();
    await page.getByTestId(`open-run-${runId}`).click();
    const section = page.getByTestId('episodes-section');
    if ((await section.getAttribute('open')) === null)
      await section.locator('summary').first().click();
    await section.getByLabel('Skill', { exact: true }).selectOption('editing');
    await section.getByTestId('episode-row').first().getByRole('button').click();
    const diff = section.getByTestId('episode-patch-files-diff').first();
    await expect(diff.locator('.monaco-diff-editor')).toHaveClass(/\bside-by-side\b/);
    for (const side of ['original', 'modified'])
      await expect
        .poll(() => overflow(diff.locator(`.editor.${side}`)), { message: `Train page, ${side}` })
        .toBe(0);
  });

  test('flat signal: a clip fraction of 0 at every step draws a line at a labelled 0, clear of the x axis', async ({
    app,
    page,
  }) => {
    const runId = made.bundle.run.id;
    // One PPO epoch a step: the probability ratio is 1, so nothing is clipped.
    expect(made.bundle.points.map((p) => p.point.clipFraction)).toEqual([0, 0, 0]);
    await openTrain(app);
    await page.getByTestId('import-bundle').setInputFiles(made.file);
    await page.getByTestId(`open-run-${runId}`).click();
    await page.getByTestId('signals-section').locator('summary').click();
    const clip = page.getByTestId('signal-clipFraction');
    const line = clip.locator('.series-smooth path');
    await expect(line).toHaveAttribute('d', /^M/);
    const zero = clip.locator('text[orientation="left"]').filter({ hasText: /^0$/ });
    await expect(zero).toBeVisible();
    const at = await clip.evaluate((fig) => {
      const y = (el: Element | null) => {
        const r = el!.getBoundingClientRect();
        return r.top + r.height / 2;
      };
      const ticks = [...fig.querySelectorAll('text[orientation="left"]')];
      return {
        line: y(fig.querySelector('.series-smooth path')),
        zero: y(ticks.find((t) => t.textContent === '0') ?? null),
        axis: y(fig.querySelector('line[orientation="bottom"]')),
      };
    });
    expect(Math.abs(at.line - at.zero), 'the line sits at the 0 tick').toBeLessThan(2);
    expect(at.axis - at.line, 'the x axis runs below the line').toBeGreaterThanOrEqual(4);
  });
});
