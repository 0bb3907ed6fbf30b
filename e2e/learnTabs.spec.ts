import { bugCatalog, decomposeBug } from '../src/learn/decompose';
import { expect, test } from './fixtures';
import { quickSuiteTasks } from './labCli';
import { openTrain } from './trainStore';

test.describe('Learn page in two tabs @webgpu', () => {
  test.setTimeout(4 * 60_000);

  test('answers made in either tab are kept: one tab’s save does not erase the other’s', async ({
    app,
    page,
  }) => {
    const tasks = quickSuiteTasks();
    const [a, b] = bugCatalog(tasks).map((bug) => decomposeBug(tasks, bug.id)!);
    const fileOf = (bug: typeof a) => bug!.localization.space.files[0]!;
    await openTrain(app, { cachedSuite: true });
    const open = async (tab: typeof page, bug: typeof a) => {
      await tab.goto(`/learn?bug=${bug!.bug.id}&step=localization`);
      await expect(tab.getByTestId('learn-bug')).toHaveAttribute('data-bug', bug!.bug.id);
    };
    const tick = async (tab: typeof page, bug: typeof a) => {
      await tab
        .getByTestId('learn-file-picks')
        .getByRole('checkbox', { name: fileOf(bug), exact: true })
        .check();
      await expect(tab.getByTestId('learn-localization-answer')).toHaveText(
        `FILES ${fileOf(bug)} END`,
      );
    };
    // Both tabs open before either answers: each read the saved state when it opened.
    await open(page, a);
    const other = await page.context().newPage();
    await open(other, b);
    await tick(page, a);
    // The other tab follows it: picked from its list (no reload, nothing read again from the
    // saved state), bug A shows the answer made here...
    const pick = async (tab: typeof page, bug: typeof a) => {
      await tab.getByTestId('learn-bug-select').selectOption(bug!.bug.id);
      await expect(tab.getByTestId('learn-bug')).toHaveAttribute('data-bug', bug!.bug.id);
    };
    await pick(other, a);
    await expect(other.getByTestId('learn-localization-answer')).toHaveText(
      `FILES ${fileOf(a)} END`,
    );
    // ...so its own answer, saved after, keeps this one.
    await pick(other, b);
    await tick(other, b);
    await other.close();
    await page.reload();
    await expect(page.getByTestId('learn-localization-answer')).toHaveText(
      `FILES ${fileOf(a)} END`,
    );
    await open(page, b);
    await expect(page.getByTestId('learn-localization-answer')).toHaveText(
      `FILES ${fileOf(b)} END`,
    );
  });

  test('edits made in one tab show in the other’s editor, and its next keystroke keeps them', async ({
    app,
    page,
  }) => {
    const tasks = quickSuiteTasks();
    const bug = decomposeBug(tasks, bugCatalog(tasks)[0]!.id)!;
    await openTrain(app, { cachedSuite: true });
    const url = `/learn?bug=${encodeURIComponent(bug.bug.id)}&step=editing`;
    const lines = (tab: typeof page) => tab.getByTestId('learn-editor').locator('.view-lines');
    await page.goto(url);
    await expect(lines(page)).toBeVisible({ timeout: 120_000 });
    const other = await page.context().newPage();
    await other.goto(url);
    await expect(lines(other)).toBeVisible({ timeout: 120_000 });
    // This tab edits as text; the other's editor (Monaco) starts again from that edit.
    await page.getByTestId('code-view-text').click();
    const text = page.getByTestId('learn-editor-text');
    await text.fill((await text.inputValue()).replace(/\n/, '\nexport const fromTabOne = 1;\n'));
    // (Monaco draws only the lines in view: its top, where the line went, is brought in.)
    await expect(async () => {
      await lines(other).click();
      await other.keyboard.press('Control+Home');
      await expect(lines(other)).toContainText('fromTabOne', { timeout: 1000 });
    }).toPass({ timeout: 60_000 });
    // Its own line typed there keeps this tab's: both tabs' answers hold both.
    await other.keyboard.press('Control+End');
    await other.keyboard.type('\nexport const fromTabTwo = 2;');
    for (const tab of [other, page])
      await expect(tab.getByTestId('learn-editing-answer')).toContainText(
        /fromTabOne[\s\S]*fromTabTwo/,
      );
    await expect(text).toHaveValue(/fromTabOne[\s\S]*fromTabTwo/);
    await other.close();
  });
});
