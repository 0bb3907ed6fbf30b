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
});
