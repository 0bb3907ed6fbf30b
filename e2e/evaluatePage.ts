import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { applyEdits } from '../src/core/answers/apply';
import { renderAnswer } from '../src/core/answers/text';
import { stepsOf } from '../src/core/skills/shape';
import { ATOMIC_SKILLS, TASK_KINDS, type Task } from '../src/core/tasks/types';
import { serializeSuite } from '../src/core/tasks/suite';
import { diffFiles } from '../src/core/vfs';
import type { GridResult } from '../src/eval/grid';
import { expect } from './fixtures';
import { lab, quickSuiteTasks } from './labCli';
import { expectTextSeen } from './uiStates';

const COLUMNS = ['untrained', 'warm', 'joint', 'single', 'composite-only', 'joint-single', 'gain'];

/** A task's gold answer as a model might write it: prose around it, its edits as a diff. */
export function modelText(task: Task): string {
  const steps = stepsOf(task.gold).map((step) =>
    step.kind === 'edits'
      ? `The fix:\n\n\`\`\`diff\n${diffFiles(task.files, applyEdits(task.files, step.edits))}\`\`\``
      : renderAnswer(step),
  );
  return `Looking at the repository, my answer:\n\n${steps.join('\n\n')}\n`;
}

const TRANSFER_RUNS = [...ATOMIC_SKILLS.map((k) => `single-${k}`), 'joint-rl', 'composite-only'];

/** Every cell of the grid's table, by kind and column (the mean row too), and of transfer. */
export async function gridTexts(page: Locator): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  const read = async (id: string) => {
    const cell = page.getByTestId(id);
    if ((await cell.count()) > 0) texts[id] = (await cell.innerText()).trim();
  };
  for (const kind of [...TASK_KINDS, 'mean'])
    for (const column of COLUMNS) await read(`grid-${kind}-${column}`);
  for (const run of TRANSFER_RUNS)
    for (const kind of TASK_KINDS) await read(`transfer-${run}-${kind}`);
  return texts;
}

/**
 * The grid's run pickers whose shown label does not fit the select (its text measured in the
 * select's own font, against the room left of the drop-down arrow): `[]` when every label shows.
 */
async function cutPickLabels(picks: Locator): Promise<string[]> {
  return picks.locator('select').evaluateAll((selects) => {
    const context = document.createElement('canvas').getContext('2d')!;
    return (selects as HTMLSelectElement[]).flatMap((select) => {
      const style = getComputedStyle(select);
      context.font = style.font;
      const text = select.selectedOptions[0]?.text ?? '';
      const room =
        select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      return context.measureText(text).width > room ? [text] : [];
    });
  });
}

/**
 * At 1400 and 800 px, each grid picker shows its run's whole label: the time that tells
 * same-named runs apart too.
 */
export async function expectWholePickLabels(page: Page, evaluate: Locator): Promise<void> {
  const viewport = page.viewportSize()!;
  for (const width of [1400, 800]) {
    await page.setViewportSize({ width, height: viewport.height });
    await expect(evaluate.getByTestId('grid-pick-joint-rl').locator('option:checked')).toHaveText(
      /^joint-rl · 3 steps · \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/,
    );
    expect(await cutPickLabels(evaluate.getByTestId('grid-picks'))).toEqual([]);
  }
  await page.setViewportSize(viewport);
}

/**
 * A run bundle opened as the grid's results.json and as a model's answers, and the results.json
 * as a task file: each is said to be what it is, with where it opens. Before that, with no task file, why Evaluate is
 * disabled is said beside it, not only in its tooltip.
 */
export async function expectWrongFilesNamed(
  evaluate: Locator,
  bundleFile: string,
  resultsFile: string,
): Promise<void> {
  await evaluate.getByTestId('grid-source-file').click();
  await evaluate.getByTestId('grid-file').setInputFiles(bundleFile);
  const gridError = evaluate.getByTestId('grid-file-error');
  await expect(gridError).toContainText('Could not read joint-rl.json: it is a run bundle');
  await expect(gridError).toContainText('"import bundle"');
  await evaluate.getByTestId('grid-source-runs').click();
  const tasks = evaluate.getByTestId('external-tasks');
  await expect(tasks.getByTestId('external-problem')).toHaveText(
    /^(Open a task file first\.|The compute worker is starting)/,
  );
  await tasks.getByTestId('external-file').setInputFiles(resultsFile);
  await expect(tasks.getByTestId('external-file-problem')).toContainText(
    'results.json is not a task file: it looks like a results.json of lab experiment',
  );
  // So is the bundle opened as a model's answers.
  const models = evaluate.getByTestId('model-panel');
  await models.getByTestId('model-answers-file').setInputFiles(bundleFile);
  await expect(models.getByTestId('model-error')).toContainText(
    "joint-rl.json is not a model's answers: it is a run bundle of lab bundle",
  );
}

/**
 * Joint RL picked for the single-skill localization run: the page says it is not that baseline,
 * and its transfer row says what it trained on; picked back, all is as it was.
 */
export async function expectMisfitPickNamed(evaluate: Locator, runsView: Locator): Promise<void> {
  const single = evaluate.getByTestId('grid-pick-single-localization');
  const own = await single.inputValue();
  const trainedOn = runsView.getByTestId('transfer-single-localization-trained-on');
  const misfit = evaluate.getByTestId('grid-pick-single-localization-kinds');
  await single.selectOption(await evaluate.getByTestId('grid-pick-joint-rl').inputValue());
  await expect(misfit).toHaveText(
    'it trained on all five skills, not code localization: its column is not this baseline',
  );
  await expect(trainedOn).toHaveText('all five skills');
  await single.selectOption(own);
  await expect(misfit).toHaveCount(0);
  await expect(trainedOn).toHaveText('code localization');
}

/**
 * The grid of an opened results.json stays while the app is open: shown again after the other
 * source is picked and back, and after another page and Back, source and table as they were.
 */
export async function expectFileGridKept(
  page: Page,
  evaluate: Locator,
  fileView: Locator,
  table: Record<string, string>,
): Promise<void> {
  await evaluate.getByTestId('grid-source-runs').click();
  await expect(fileView).toBeHidden();
  await evaluate.getByTestId('grid-source-file').click();
  await expect(fileView.getByTestId('grid-file-about')).toBeVisible();
  await page.getByRole('link', { name: 'Episodes', exact: true }).click();
  await expect(page.getByTestId('episodes-page')).toBeVisible();
  await page.goBack();
  await expect(evaluate.getByTestId('grid-source-file')).toHaveAttribute('aria-pressed', 'true');
  await expect(fileView.getByTestId('grid-file-about')).toBeVisible();
  expect(await gridTexts(fileView)).toEqual(table);
}

/**
 * A suite file with training and test tasks opened under External tasks: its test split is
 * evaluated unless another is chosen, and the first run (`jointRun`, a run directory) scores as
 * `lab eval` scores `<file>:test` in Node.
 */
export async function expectSuiteSplitEvaluated(
  ext: Locator,
  dir: string,
  jointRun: string,
): Promise<void> {
  const reviews = quickSuiteTasks().filter((t) => t.kind === 'review');
  const mixed = [
    ...reviews.filter((t) => t.split === 'train').slice(0, 2),
    ...reviews.filter((t) => t.split === 'test').slice(0, 2),
  ];
  const mixedFile = join(dir, 'mixed-splits.jsonl');
  writeFileSync(mixedFile, serializeSuite('mixed', mixed));
  await ext.getByTestId('external-file').setInputFiles(mixedFile);
  await expect(ext.getByTestId('external-file-about')).toHaveText(
    'mixed-splits.jsonl: a suite file of 4 tasks (2 train, 0 val, 2 test).',
  );
  await expect(ext.getByTestId('external-split')).toHaveValue('test');
  await ext.getByTestId('external-kind-bugfix').uncheck();
  await ext.getByTestId('external-kind-review').check();
  await ext.getByTestId('external-start').click();
  await expect(ext.getByTestId('external-result')).toContainText(
    'mixed-splits.jsonl (suite, test split): 2 code review tasks',
    { timeout: 120_000 },
  );
  const node = JSON.parse(
    lab([
      'eval',
      '--policy',
      jointRun,
      '--suite',
      `${mixedFile}:test`,
      '--validated',
      '--skills',
      'review',
      '--json',
    ]),
  ) as { bySkill: GridResult['runs'][string]['scores'] };
  const reviewed = node.bySkill.review!;
  await expect(ext.getByTestId('external-review-0')).toHaveText(
    `${reviewed.meanReward.toFixed(3)}${reviewed.stdErr === undefined ? '' : `± ${reviewed.stdErr.toFixed(3)}`}`,
  );
  await expect(ext.getByTestId('external-kept-row').first()).toContainText(
    'test split: 2 code review',
  );
}

/**
 * Files that are not task files, opened under External tasks after `shown` was evaluated (its
 * table says `tableSays`): each
 * is refused as soon as it is opened, saying why; the last error goes (it was about the other
 * file), the table stays, and so does the file before.
 */
export async function expectBadTaskFilesRefused(
  ext: Locator,
  dir: string,
  shown: string,
  tableSays: string,
): Promise<void> {
  const table = ext.getByTestId('external-result');
  const notes = join(dir, 'notes.txt');
  writeFileSync(notes, 'just some notes\n');
  await ext.getByTestId('external-file').setInputFiles(notes);
  const refused = ext.getByTestId('external-file-problem');
  await expect(refused).toContainText('notes.txt is not a task file (line 1 is not JSON)');
  await expect(refused).toContainText(`Still using ${shown}.`);
  await expect(ext.getByTestId('external-file-about')).toContainText(`${shown}: 3`);
  await expect(ext.getByTestId('external-start')).toBeEnabled();
  await expect(ext.getByTestId('external-error')).toHaveCount(0);
  await expect(table).toContainText(tableSays);
  // So is a file of records none of which can be read, naming the first line's problem.
  const badRecords = join(dir, 'bad-records.jsonl');
  writeFileSync(badRecords, '{"task_id": "x", "prompt": 1}\n');
  await ext.getByTestId('external-file').setInputFiles(badRecords);
  await expect(refused).toContainText(
    'bad-records.jsonl has no record the app can read (1 line left out; the first: bad-records.jsonl line 1: entry_point: entry_point is missing or not a string)',
  );
  await expect(refused).toContainText(`Still using ${shown}.`);
}

/**
 * While runs answer external tasks in the trainer worker, Settings keeps the backend (and the
 * device check's tour of the backends) from moving their tensors mid-answer, and says why.
 */
export async function expectBackendHeldWhileEvaluating(page: Page): Promise<void> {
  await page.getByTestId('status-backend').click();
  const settings = page.getByTestId('settings-panel');
  await expect(settings.getByTestId('backend-external-eval')).toContainText(
    'An evaluation of external tasks is going (Evaluate page): the backend can change once it ends',
  );
  await expect(settings.locator('input[name="backend"][value="cpu"]')).toBeDisabled();
  await expect(settings.getByTestId('run-device-check')).toBeDisabled();
  await expect(settings.getByTestId('device-check-training')).toContainText(
    'An evaluation of external tasks is going',
  );
  await settings.getByRole('button', { name: 'Close settings' }).click();
}

/**
 * A second evaluation of humanevalfix-3.jsonl, cancelled while it makes its tasks: it says so at
 * once, then that nothing was kept, and the first one's table stays, marked as the earlier one.
 */
export async function expectCancelKeepsEarlier(page: Page, ext: Locator): Promise<void> {
  await ext.getByTestId('external-kind-review').check();
  await ext.getByTestId('external-start').click();
  await expect(ext.getByTestId('external-earlier')).toHaveText(
    'Earlier evaluation, shown until that of humanevalfix-3.jsonl is done:',
  );
  // Acted on at the next record, "Cancelling" may show for less than an assertion's round
  // trip: the page's own record of what it showed is read.
  await expectTextSeen(page, 'external-progress', /Cancelling/, () =>
    ext.getByTestId('external-cancel').click(),
  );
  await expect(ext.getByTestId('external-cancelled')).toHaveText(
    'Cancelled: evaluating humanevalfix-3.jsonl; nothing was kept. The table below is still the earlier evaluation of humanevalfix-3.jsonl.',
    { timeout: 120_000 },
  );
  await expect(ext.getByTestId('external-cancel')).toHaveCount(0);
  await expect(ext.getByTestId('external-error')).toHaveCount(0);
  await expect(ext.getByTestId('external-earlier')).toHaveText('Earlier evaluation:');
}
