import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

type Box = { x: number; y: number; width: number; height: number };

async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}

/**
 * The map's "Bug fixing = Find the file → Fix the code ⇒ Bug fixing" at 1400 px and at 800 px:
 * one line in a wide window; in a narrow one the steps stacked in the step column (right of the
 * row's label), each arrow between the cards it joins, turned down. The viewport is put back.
 */
export async function expectMapLayout(page: Page, learn: Locator): Promise<void> {
  const before = page.viewportSize();
  const label = learn.locator('.learn-row-label').first();
  const cards = ['localization', 'editing', 'bugfix'].map((s) =>
    learn.getByTestId(`learn-step-${s}`),
  );
  const arrows = learn.getByTestId('learn-eq-bugfix').locator('.learn-arrow');
  await expect(arrows).toHaveCount(2);

  await page.setViewportSize({ width: 1400, height: 900 });
  await expect(arrows.nth(1)).toHaveCSS('transform', 'none');
  const wide = await Promise.all(cards.map(box));
  const wideArrows = [await box(arrows.nth(0)), await box(arrows.nth(1))];
  for (const [i, a] of wideArrows.entries()) {
    const [left, right] = [wide[i]!, wide[i + 1]!];
    expect(left.y, 'one line at 1400 px').toBe(right.y);
    expect(a.x, 'arrow between its cards').toBeGreaterThanOrEqual(left.x + left.width);
    expect(a.x + a.width).toBeLessThanOrEqual(right.x);
  }

  await page.setViewportSize({ width: 800, height: 900 });
  await expect(arrows.nth(1)).not.toHaveCSS('transform', 'none');
  const labelBox = await box(label);
  const narrow = await Promise.all(cards.map(box));
  for (const c of narrow) {
    expect(c.x, 'each card in the step column').toBeGreaterThanOrEqual(labelBox.x + labelBox.width);
    expect(c.x, 'the cards aligned').toBe(narrow[0]!.x);
  }
  for (let i = 0; i < 2; i++) {
    const [above, below, a] = [narrow[i]!, narrow[i + 1]!, await box(arrows.nth(i))];
    expect(a.y, 'arrow below the card it leaves').toBeGreaterThanOrEqual(
      above.y + above.height - 1,
    );
    expect(a.y + a.height, 'and above the next').toBeLessThanOrEqual(below.y + 1);
    expect(a.x, 'within the step column').toBeGreaterThan(above.x);
  }
  if (before) await page.setViewportSize(before);
}

/**
 * In the page: how far (px) the margin's marked number is from where `line` is drawn in the
 * textarea, or Infinity when that line is scrolled out of the textarea's view.
 */
export function markDrift(el: Element, line: number): number {
  const area = el as HTMLTextAreaElement;
  const style = getComputedStyle(area);
  const top =
    area.getBoundingClientRect().top +
    area.clientTop +
    parseFloat(style.paddingTop) +
    (line - 1) * parseFloat(style.lineHeight) -
    area.scrollTop;
  const inView =
    top >= area.getBoundingClientRect().top && top < area.getBoundingClientRect().bottom;
  const mark = area.parentElement?.querySelector('.marked')?.getBoundingClientRect();
  return mark && inView ? Math.abs(mark.top - top) : Infinity;
}

/** In the page: how many lines of text a textarea shows (its height without padding). */
export function rowsShown(el: Element): number {
  const style = getComputedStyle(el);
  const inner = el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  return Math.round(inner / parseFloat(style.lineHeight));
}
