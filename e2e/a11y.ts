import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import { expect, type Page } from '@playwright/test';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  resultTypes: ['violations'],
};

/**
 * Runs axe-core's WCAG A/AA and best-practice rules over the page as it stands, in the light
 * and the dark theme, and fails on every serious or critical violation, naming where it is.
 * Monaco's editors are left out: their token colours are the editor theme's, not the app's.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  await page.addScriptTag({ path: AXE });
  const theme = await page.evaluate(() => document.documentElement.getAttribute('data-theme'));
  const found: string[] = [];
  for (const t of ['light', 'dark']) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), t);
    // Monaco follows the theme a render later: run axe once every editor has taken it, or its
    // old background would be read as the page's.
    await page.waitForFunction(
      (other) => document.querySelector(`.monaco-editor.${other}`) === null,
      t === 'dark' ? 'vs' : 'vs-dark',
    );
    const violations = await page.evaluate(
      async ({ options }) => {
        const axe = (
          window as unknown as { axe: { run: (...a: unknown[]) => Promise<AxeResults> } }
        ).axe;
        const result = await axe.run({ exclude: [['.monaco-editor']] }, options);
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.id} (${v.impact}): ${v.help}; at ${v.nodes
                .slice(0, 3)
                .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`)
                .join(' | ')}`,
          );
      },
      { options: OPTIONS },
    );
    found.push(...violations.map((v) => `${t}: ${v}`));
  }
  await page.evaluate((theme) => {
    if (theme === null) document.documentElement.removeAttribute('data-theme');
    else document.documentElement.setAttribute('data-theme', theme);
  }, theme);
  expect(found, `serious or critical accessibility problems on ${where}`).toEqual([]);
}
