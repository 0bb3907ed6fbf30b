import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SIGNALS } from '../src/features/train/components/signals';
import { tinyBundle } from './labCli';
import { openTrain } from './trainStore';

/** Whether the focused element sits (partly) under the status bar; null: nothing to check. */
function focusedUnderBar(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const bar = document.querySelector('[data-testid="status-bar"]')!;
    if (!el || el === document.body || bar.contains(el)) return null;
    const r = el.getBoundingClientRect();
    const b = bar.getBoundingClientRect();
    const name = el.getAttribute('aria-label') ?? el.getAttribute('data-testid') ?? el.tagName;
    return { name, covered: r.bottom > b.top + 0.5 && r.top < b.bottom, bottom: r.bottom };
  });
}

test.describe('Keyboard use: every control reachable, visible and left again @webgpu', () => {
  test.setTimeout(5 * 60_000);

  test('keyboard: Settings is a modal dialog that takes focus, closes on Escape and gives focus back', async ({
    app,
    page,
  }) => {
    await app.open('/train');
    await app.ready();
    const opener = page.getByRole('button', { name: 'Settings', exact: true });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog).toBeVisible();
    // Focus moved in (its first control), and the page behind it is out of reach.
    await expect(dialog.getByRole('button', { name: 'Close settings' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('radio', { name: 'system' })).toBeChecked();
    await expect(dialog.getByRole('radio', { name: 'system' })).toBeFocused();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      // (The body stands for the browser's own controls, between the dialog's last and first.)
      const where = await dialog.evaluate(
        (d) => d.contains(document.activeElement) || document.activeElement === document.body,
      );
      expect(where, `Tab ${i + 2} stays in the dialog`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
    // Opened from the status bar's backend, closed with its button: focus goes back there.
    const backend = page.getByTestId('status-backend');
    await backend.focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(backend).toBeFocused();
    // A click on the dimmed page beside it closes it too.
    await opener.click();
    await expect(dialog).toBeVisible();
    await page.mouse.click(10, 300);
    await expect(dialog).toBeHidden();
  });

  test('keyboard: the Train page’s skip links pass the form, to the run view or the runs', async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await app.open('/train');
    await app.ready();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return {
          text: el?.textContent?.trim() ?? '',
          id: el?.id ?? '',
          inWatch: !!el?.closest('.train-watch'),
          inRuns: !!el?.closest('.train-runs'),
        };
      });
    // Hidden until the keyboard reaches them: after the header's stops, before the form's.
    const skip = page.getByRole('button', { name: 'Skip to the run view' });
    await expect(skip).not.toBeInViewport();
    for (let i = 0; i < 12 && (await focused()).text !== 'Skip to the run view'; i++)
      await page.keyboard.press('Tab');
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({ id: 'train-watch', inWatch: true });
    await page.keyboard.press('Tab');
    expect((await focused()).inWatch, 'the next stop is in the run view').toBe(true);

    await skip.focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Skip to the runs' })).toBeFocused();
    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({ id: 'train-runs', text: 'Runs', inRuns: true });
    await expect(page.locator('#train-runs')).toBeInViewport();
    await page.keyboard.press('Tab');
    expect((await focused()).inRuns, 'the next stop is in the runs').toBe(true);
  });

  test('keyboard: no control tabbed to is left under the status bar, wide or wrapped', async ({
    app,
    page,
  }) => {
    for (const width of [1400, 800]) {
      await page.setViewportSize({ width, height: 900 });
      await app.open('/train');
      await app.ready();
      const bar = page.getByTestId('status-bar');
      // The page's scroll padding follows the bar's height as it wraps.
      await expect
        .poll(() =>
          page.evaluate(() =>
            getComputedStyle(document.documentElement).getPropertyValue('--status-bar-height'),
          ),
        )
        .toBe(`${await bar.evaluate((b) => (b as HTMLElement).offsetHeight)}px`);
      const seen: string[] = [];
      for (let i = 0; i < 150; i++) {
        await page.keyboard.press('Tab');
        const at = await focusedUnderBar(page);
        if (!at) continue;
        seen.push(at.name);
        expect(at.covered, `${at.name} at ${width}px: under the status bar`).toBe(false);
        if (at.name === 'issue reproduction weight') break;
      }
      expect(seen, `the mix slider was reached at ${width}px`).toContain(
        'issue reproduction weight',
      );
    }
  });

  test('keyboard: Tab leaves the Learn page’s code editor, which says so', async ({
    app,
    page,
  }) => {
    await openTrain(app, { cachedSuite: true });
    await page.getByRole('link', { name: 'Learn', exact: true }).click();
    const learn = page.getByTestId('learn-page');
    await learn.getByTestId('learn-step-editing').click();
    await page.getByTestId('code-view-text').click();
    const before = await learn.getByTestId('learn-editor-text').inputValue();
    await page.getByTestId('code-view-editor').click();
    const editor = learn.getByTestId('learn-editor');
    await expect(learn.getByTestId('learn-editor-hint')).toHaveText(
      'Tab and Shift+Tab move out of the editor; indent with spaces.',
    );
    const inEditor = () =>
      editor.evaluate((e) => e.contains(document.activeElement) && document.hasFocus());
    await editor.locator('.view-lines').click();
    await expect.poll(inEditor).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(inEditor).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(inEditor).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(inEditor).toBe(false);
    // Tab moved focus and typed nothing: the file is as it was.
    await page.getByTestId('code-view-text').click();
    await expect(learn.getByTestId('learn-editor-text')).toHaveValue(before);
    // Arrows through the step map are one history entry: one Back returns to the step left.
    await learn.getByTestId('learn-step-editing').focus();
    for (const step of ['bugfix', 'reproduction']) {
      await page.keyboard.press('ArrowRight');
      await expect(page).toHaveURL(new RegExp(`[?&]step=${step}(&|$)`));
    }
    await page.goBack();
    await expect(page).toHaveURL(/[?&]step=editing(&|$)/);
    await expect(learn.getByTestId('learn-step-editing')).toHaveAttribute('aria-selected', 'true');
  });

  test('keyboard: the reward chart is a named stop whose arrows, Enter and Escape work as the mouse', async ({
    app,
    page,
  }) => {
    // A tiny run trained in Node on the setup's tasks, imported: validations at 0 and at its end.
    const { file, bundle } = tinyBundle();
    const runId = bundle.run.id;
    await openTrain(app);
    await page.getByTestId('import-bundle').setInputFiles(file);
    await page.getByTestId(`open-run-${runId}`).click();

    const chart = page.getByRole('application', { name: 'Reward per task kind by step' });
    await page.getByTestId('reward-chart-export-png').focus();
    await page.keyboard.press('Tab');
    await expect(chart).toBeFocused();
    const tip = page.locator('.reward-chart [data-testid="chart-tooltip"]');
    await expect(tip).toHaveCount(0);
    await page.keyboard.press('ArrowRight');
    await expect(tip).toContainText('step 0');
    await expect(page.locator('.reward-chart .series-cursor')).toBeAttached();
    await expect(page.getByTestId('chart-pick-hint')).toContainText(
      "Click or Enter: this validation's answers (after 0 steps)",
    );
    await page.keyboard.press('ArrowRight');
    await expect(tip).toContainText('step 1');
    await expect(page.getByTestId('chart-pick-hint')).toHaveCount(0);
    // Enter does what a click does: nothing off a validation; on one, its answers open in the
    // episodes section below (a run trained in Node kept only its test answers, so the section
    // opens on those).
    const episodes = page.getByTestId('episodes-section');
    await page.keyboard.press('Enter');
    await expect(episodes).not.toHaveAttribute('open');
    await page.keyboard.press('Escape');
    await expect(tip).toHaveCount(0);
    await page.keyboard.press('Home');
    await expect(tip).toContainText('step 0');
    await page.keyboard.press('Enter');
    await expect(episodes).toHaveAttribute('open');
    await expect(episodes).toBeInViewport();
    // Its answers are one Tab stop that the arrow keys move through.
    const answers = episodes.getByTestId('episode-row').getByRole('button');
    await expect(answers.first()).toBeVisible();
    expect(await answers.count()).toBeGreaterThan(2);
    await answers.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(answers.nth(1)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(answers.nth(2)).not.toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(answers.nth(1)).toBeFocused();
    // Enter opens its trace, heading focused; Escape closes it and goes back to the row.
    await page.keyboard.press('Enter');
    await expect(episodes.getByTestId('episode-trace-heading')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(episodes.getByTestId('episode-trace')).toHaveCount(0);
    await expect(answers.nth(1)).toBeFocused();

    // The training-signal charts are named stops too.
    await page.getByTestId('signals-section').locator('summary').click();
    const signals = page.getByTestId('signals-panel').getByRole('application');
    await expect(signals).toHaveCount(SIGNALS.length + 1);
    for (const name of await signals.evaluateAll((els) =>
      els.map((e) => e.getAttribute('aria-label')),
    ))
      expect(name).toBeTruthy();
    await signals.first().focus();
    await page.keyboard.press('End');
    await expect(page.getByTestId('signals-panel').getByTestId('chart-tooltip')).toHaveCount(1);
  });
});
