import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * One look at the page, taken by a recorder in the page itself: the text and disabled state of
 * each element watched (by test id; null when it is not in the page) and the test id of the
 * focused element.
 */
export interface UiState {
  text: Record<string, string | null>;
  disabled: Record<string, boolean | null>;
  focused: string | null;
}

declare global {
  interface Window {
    __uiStates?: UiState[];
  }
}

/**
 * Starts recording the page's state at every change of the document and of the focus, so that
 * a state the page shows for less than an assertion's round trip (a Stop that ends within a
 * batch) is still seen. Read the record with `uiStates`.
 */
export async function recordUiStates(page: Page, testIds: string[]): Promise<void> {
  await page.evaluate((ids) => {
    const states: UiState[] = [];
    window.__uiStates = states;
    const look = () => {
      const text: UiState['text'] = {};
      const disabled: UiState['disabled'] = {};
      for (const id of ids) {
        const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
        text[id] = el ? (el.textContent ?? '') : null;
        disabled[id] = el ? el.matches(':disabled') : null;
      }
      const active = document.activeElement;
      const focused = active instanceof HTMLElement ? (active.dataset.testid ?? null) : null;
      const last = states[states.length - 1];
      const state = { text, disabled, focused };
      if (!last || JSON.stringify(last) !== JSON.stringify(state)) states.push(state);
    };
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    document.addEventListener('focusin', look);
    look();
  }, testIds);
}

/** The states recorded since `recordUiStates`, in order. */
export async function uiStates(page: Page): Promise<UiState[]> {
  return page.evaluate(() => window.__uiStates ?? []);
}

/**
 * Asks a run to stop (`act` presses or clicks Stop) and returns the states the page showed with
 * the run's status "stopping…", once it has shown one (within 2 s: a Stop is acknowledged at
 * once) and the stop is settled (the status no longer "stopping…"), so that the focus moved
 * while stopping is in the record. A Stop acts within a batch, so "stopping…" can show for
 * less than an assertion's round trip: the page's own record is read instead.
 */
export async function stoppingSeen(page: Page, act: () => Promise<void>): Promise<UiState[]> {
  await recordUiStates(page, ['run-status', 'run-stopping', 'stop-run', 'pause-run']);
  await act();
  const stopping = (s: UiState) => s.text['run-status'] === 'stopping…';
  await expect
    .poll(async () => (await uiStates(page)).some(stopping), { timeout: 2000 })
    .toBe(true);
  await expect(page.getByTestId('run-status')).not.toHaveText('stopping…', { timeout: 120_000 });
  return (await uiStates(page)).filter(stopping);
}

/**
 * Does `act`, then expects the element `testId` to show a text matching `pattern` within
 * `timeout` ms, however briefly (read from the page's own record): for a state too short-lived
 * to assert on with a round trip.
 */
export async function expectTextSeen(
  page: Page,
  testId: string,
  pattern: RegExp,
  act: () => Promise<void>,
  timeout = 5000,
): Promise<void> {
  await recordUiStates(page, [testId]);
  await act();
  await expect
    .poll(async () => (await uiStates(page)).some((s) => pattern.test(s.text[testId] ?? '')), {
      message: `${testId} showed ${String(pattern)}`,
      timeout,
    })
    .toBe(true);
}
