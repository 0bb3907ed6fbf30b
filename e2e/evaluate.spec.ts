import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pairedDifference } from '../src/eval/compare';
import type { PerTaskScores } from '../src/eval/evaluate';
import type { GridResult } from '../src/eval/grid';
import { taskPrompt, type PromptLine } from '../src/eval/modelPrompt';
import { expectAccessible } from './a11y';
import {
  expectBackendHeldWhileEvaluating,
  expectFileGridKept,
  expectBadTaskFilesRefused,
  expectCancelKeepsEarlier,
  expectMisfitPickNamed,
  expectSuiteSplitEvaluated,
  expectWholePickLabels,
  expectWrongFilesNamed,
  gridTexts,
} from './evaluatePage';
import { expect, test } from './fixtures';
import { expectModelRow, modelReplies, type ModelScores } from './modelAnswers';
import { lab, nodeWorkspace, quickSuiteTasks } from './labCli';
import { TINY_GRID_CONFIG } from './tinyGrid';
import { openTrain, seedQuickSuite } from './trainStore';

const HUMANEVALFIX = fileURLToPath(
  new URL('../../shared/data/humanevalfix-js.dev.jsonl', import.meta.url),
);

test.describe('Evaluate page: the paper’s grid @webgpu', () => {
  test.setTimeout(8 * 60_000);

  test('lab experiment’s results.json, and the same runs imported as bundles, give one table', async ({
    app,
    page,
  }) => {
    // The whole paper grid in Node, tiny, on the tasks the app built (the setup's quick suite).
    const { dir, suite } = nodeWorkspace('asl-grid-');
    writeFileSync(join(dir, 'tiny.json'), JSON.stringify(TINY_GRID_CONFIG));
    const out = join(dir, 'grid');
    lab([
      'experiment',
      '--grid',
      'paper',
      '--config',
      join(dir, 'tiny.json'),
      ...suite,
      '--out',
      out,
    ]);
    const resultsFile = join(out, 'results.json');
    const result = JSON.parse(readFileSync(resultsFile, 'utf8')) as GridResult;
    const names = Object.keys(result.runs);
    expect(names).toHaveLength(9);

    // The results.json, opened on the Evaluate page: each score as lab experiment measured it.
    await app.open('/evaluate');
    const evaluate = page.getByTestId('evaluate-page');
    await evaluate.getByTestId('grid-source-file').click();
    await evaluate.getByTestId('grid-file').setInputFiles(resultsFile);
    await expect(evaluate.getByTestId('grid-file-about')).toContainText(
      `results.json: 9 runs from grid-tiny, seed 1, on wasm`,
    );
    const fileView = evaluate.getByTestId('grid-from-file');
    const runsView = evaluate.getByTestId('grid-from-runs');
    let view = fileView;
    const cell = (kind: string, column: string) => view.getByTestId(`grid-${kind}-${column}`);
    for (const kind of ['editing', 'review', 'bugfix']) {
      const joint = result.runs['joint-rl']!.scores[kind as 'editing']!;
      await expect(cell(kind, 'joint')).toHaveText(
        `${joint.meanReward.toFixed(3)}± ${joint.stdErr!.toFixed(3)}`,
      );
    }
    const review = result.runs['single-review']!.scores.review!;
    await expect(cell('review', 'single')).toHaveText(
      `${review.meanReward.toFixed(3)}± ${review.stdErr!.toFixed(3)}`,
    );
    await expect(cell('security-fix', 'joint')).toHaveText('–');
    await expect(view.getByTestId('grid-security-fix-unscored')).toHaveText(
      'no test tasks of this kind in these runs',
    );
    // What k of Avg@k is: the config's evalSamples, beside the file and under the grid.
    const k = result.config!.evalSamples;
    await expect(evaluate.getByTestId('grid-file-about')).toContainText(`scored Avg@${k}.`);
    await expect(view.getByTestId('grid-notes')).toContainText(
      `Avg@k: each score is a final test reward, the mean reward over k sampled answers per task, averaged over the test tasks. Here k = ${k} (the config’s evalSamples).`,
    );
    // A keyboard user reads a cell's facts: the table is one Tab stop, the arrow keys move
    // between its cells, and the focused cell's facts show in the line under it (they are its
    // button's description too); Tab goes on past the table.
    await evaluate.getByTestId('grid-file').focus();
    await page.keyboard.press('Tab');
    const button = (kind: string, column: string) => cell(kind, column).getByRole('button');
    await expect(button('localization', 'untrained')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect(button('editing', 'joint')).toBeFocused();
    const editing = result.runs['joint-rl']!.scores.editing!;
    const facts = `Joint RL on code editing: ${editing.meanReward.toFixed(3)} ± ${editing.stdErr!.toFixed(3)}, the mean reward over ${editing.tasks} test tasks.`;
    await expect(view.getByTestId('grid-facts')).toHaveText(facts);
    await expect(button('editing', 'joint')).toHaveAccessibleDescription(facts);
    await page.keyboard.press('Escape');
    await expect(view.getByTestId('grid-facts')).toContainText('Tab into the table');
    await page.keyboard.press('Tab');
    await expect(view.getByTestId('grid-download')).toBeFocused();
    // Transfer: each RL run minus the warm start, on every kind (here the review run on its own
    // skill, and on editing, which it never trained on).
    const warm = result.runs['warm-start']!.scores;
    for (const kind of ['review', 'editing'] as const) {
      const gain = result.runs['single-review']!.scores[kind]!.meanReward - warm[kind]!.meanReward;
      await expect(fileView.getByTestId(`transfer-single-review-${kind}`)).toContainText(
        `${gain >= 0 ? '+' : '−'}${Math.abs(gain).toFixed(3)}`,
      );
    }
    const fromFile = await gridTexts(fileView);
    // Downloaded as markdown: the very table.md lab experiment wrote.
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      fileView.getByTestId('grid-download').click(),
    ]);
    expect(saved.suggestedFilename()).toBe('paper-grid.md');
    expect(readFileSync(await saved.path(), 'utf8')).toBe(
      readFileSync(join(out, 'table.md'), 'utf8'),
    );
    expect(Object.keys(fromFile).filter((id) => id.startsWith('transfer-'))).toHaveLength(70);

    // A file that is not a results.json says what is wrong, and the table stays.
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ runs: { 'joint-rl': { scores: { fixing: {} } } } }));
    await evaluate.getByTestId('grid-file').setInputFiles(bad);
    await expect(evaluate.getByTestId('grid-file-error')).toContainText(
      'Could not read bad.json: results.json: runs["joint-rl"].scores has "fixing", which is not a task kind',
    );
    expect(await gridTexts(fileView)).toEqual(fromFile);
    // The other source and back, another page and back: the file's table is still there.
    await expectFileGridKept(page, evaluate, fileView, fromFile);

    // The same nine runs as bundles, imported on the Train page: the Evaluate page picks each
    // baseline's run by its name, pairs the differences over their stored test answers, and
    // gives the same table.
    const folder = join(dir, 'bundles');
    expect(lab(['bundle', '--experiment', out, '--out', folder])).toContain(
      `9 bundles in ${folder}`,
    );
    const bundles = names.map((name) => join(folder, `${name}.json`));
    await openTrain(app);
    await page.getByTestId('import-bundle').setInputFiles(bundles);
    await expect(page.getByTestId('runs-outcome')).toContainText('Imported');
    await page.getByRole('link', { name: 'Evaluate', exact: true }).click();
    await expect(evaluate.getByTestId('grid-pick-joint-rl')).toHaveValue(/.+/);
    for (const name of names)
      await expect(
        evaluate.getByTestId(`grid-pick-${name}`).locator('option:checked'),
      ).toContainText(`${name} ·`);
    await expect.poll(() => gridTexts(runsView)).toEqual(fromFile);
    await expect(runsView.getByTestId('grid-notes')).toContainText(
      `Here k = ${k} (their configs’ eval samples).`,
    );
    await expectWholePickLabels(page, evaluate);
    // The bundled runs recorded that they forked from the grid's warm start: no caveat.
    await expect(runsView.locator('[data-testid$="-caveat"]')).toHaveCount(0);
    await expect(runsView.getByTestId('grid-own-warm-start')).toHaveCount(0);
    await expect(runsView.locator('.transfer-own')).toHaveCount(5 + 5 + 1);
    await expect(evaluate.locator('[data-testid$="-kinds"]')).toHaveCount(0);
    await expectMisfitPickNamed(evaluate, runsView);
    view = runsView;
    await expectWrongFilesNamed(evaluate, join(folder, 'joint-rl.json'), resultsFile);

    // External tasks: the first three HumanEvalFix records (read from ../shared/data), answered
    // by joint RL and the warm start in the browser, as lab eval scores them in Node.
    const records = readFileSync(HUMANEVALFIX, 'utf8').split('\n').slice(0, 3).join('\n');
    const tasksFile = join(dir, 'humanevalfix-3.jsonl');
    writeFileSync(tasksFile, `${records}\n`);
    const nodeScores = (run: string) =>
      JSON.parse(
        lab([
          'eval',
          '--policy',
          join(out, run),
          '--suite',
          tasksFile,
          '--skills',
          'bugfix,localization',
          '--samples',
          '2',
          '--seed',
          '3',
          '--json',
          '--per-task',
        ]),
      ) as { bySkill: GridResult['runs'][string]['scores']; perTask: PerTaskScores };
    const [jointNode, warmNode] = [nodeScores('joint-rl'), nodeScores('warm-start')];
    const ext = evaluate.getByTestId('external-tasks');
    await ext.getByTestId('external-file').setInputFiles(tasksFile);
    await expect(ext.getByTestId('external-file-about')).toContainText(
      'humanevalfix-3.jsonl: 3 HumanEvalPack-style records',
    );
    await ext.getByTestId('external-kind-localization').check();
    // Security fixing too, which these records cannot give: the result says so.
    await ext.getByTestId('external-kind-security-fix').check();
    await ext.getByTestId('external-samples').fill('2');
    // An empty seed box is refused, not taken for seed 0.
    await ext.getByTestId('external-seed').fill('');
    await expect(ext.getByTestId('external-problem')).toHaveText(
      'The seed must be a whole number.',
    );
    await expect(ext.getByTestId('external-start')).toBeDisabled();
    await ext.getByTestId('external-seed').fill('3');
    await ext.getByTestId('external-start').click();
    await expect(ext.getByTestId('external-progress')).toBeVisible();
    await expectBackendHeldWhileEvaluating(page);
    const table = ext.getByTestId('external-result');
    await expect(table).toBeVisible({ timeout: 180_000 });
    await expect(table).toContainText(
      '3 code localization, 3 bug fixing tasks; 2 answers a task, seed 3. security fixing: this file gives none.',
    );
    for (const kind of ['bugfix', 'localization'] as const)
      for (const [i, scores] of [jointNode, warmNode].entries()) {
        const s = scores.bySkill[kind]!;
        await expect(ext.getByTestId(`external-${kind}-${i}`)).toHaveText(
          `${s.meanReward.toFixed(3)}${s.stdErr === undefined ? '' : `± ${s.stdErr.toFixed(3)}`}`,
        );
      }
    // The first run minus the second, paired over the same tasks.
    const paired = pairedDifference(
      jointNode.perTask.localization!,
      warmNode.perTask.localization!,
    )!;
    await expect(ext.getByTestId('external-localization-diff')).toHaveText(
      `${paired.diff >= 0 ? '+' : '−'}${Math.abs(paired.diff).toFixed(3)}± ${paired.stdErr.toFixed(3)}`,
    );

    await expectCancelKeepsEarlier(page, ext);
    await expect(table).toContainText('3 code localization, 3 bug fixing tasks');
    await expectBadTaskFilesRefused(
      ext,
      dir,
      'humanevalfix-3.jsonl',
      '3 code localization, 3 bug fixing tasks',
    );
    const refused = ext.getByTestId('external-file-problem');

    // External models: the quick suite's test split as prompts, then a model's answers to some
    // of the tasks joint RL was tested on (gold answers, edits as a diff in prose; "no idea";
    // a task not in the suite), scored as lab eval --answers scores them in Node, beside joint
    // RL's test scores on the same tasks.
    await seedQuickSuite(page);
    const models = evaluate.getByTestId('model-panel');
    const [promptsFile] = await Promise.all([
      page.waitForEvent('download'),
      models.getByTestId('model-prompts').click(),
    ]);
    expect(promptsFile.suggestedFilename()).toBe('prompts-quick-seed1-test.jsonl');
    const suiteTasks = quickSuiteTasks();
    const testTasks = suiteTasks.filter((t) => t.split === 'test');
    const prompts = readFileSync(await promptsFile.path(), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as PromptLine);
    // Every test task once, in an order of its own (not the suite's, which would give the
    // review verdicts away), each prompt the task's.
    expect(prompts.map((l) => l.task).sort()).toEqual(testTasks.map((t) => t.id).sort());
    const byId = new Map(testTasks.map((t) => [t.id, t]));
    expect(prompts[0]!.prompt).toBe(taskPrompt(byId.get(prompts[0]!.task)!));
    await expect(models.getByTestId('model-prompts-note')).toContainText(
      `Saved ${testTasks.length} prompts`,
    );
    // Opened as a task file by mistake, the prompts file is named for what it is.
    await ext.getByTestId('external-file').setInputFiles(await promptsFile.path());
    await expect(refused).toContainText('is not a task file: it is a prompts file');
    const jointTested = result.runs['joint-rl']!.perTask!;
    const replies = modelReplies(jointTested, suiteTasks);
    const answersFile = join(dir, 'model-answers.jsonl');
    writeFileSync(answersFile, replies.map((r) => JSON.stringify(r)).join('\n'));
    const modelNode = JSON.parse(
      lab(['eval', '--answers', answersFile, ...suite, '--json', '--per-task']),
    ) as ModelScores;
    await models.getByTestId('model-answers-file').setInputFiles(answersFile);
    await expect(models.getByTestId('model-table')).toBeVisible({ timeout: 120_000 });
    await expect(models.getByTestId('model-about')).toContainText(
      `${modelNode.unreadCount} held no answer and scored 0`,
    );
    await expect(models.getByTestId('model-about')).toContainText(
      '1 named a task not in the suite and was left out (e.g. review:nowhere:0)',
    );
    await expect(models.getByTestId('model-about')).not.toContainText('answered more than once');
    await expect(models.getByTestId('model-run').locator('option:checked')).toContainText(
      'joint-rl ·',
    );
    const kinds = Object.keys(modelNode.bySkill) as (keyof typeof modelNode.bySkill)[];
    expect(kinds.sort(), 'the model answered every kind joint RL was tested on').toEqual(
      Object.keys(jointTested).sort(),
    );
    for (const kind of kinds) await expectModelRow(models, kind, modelNode, jointTested);
    // Two answers a kind, of the kind's test tasks: the table and the note say so.
    for (const kind of kinds)
      await expect(models.getByTestId(`model-${kind}-tasks`)).toHaveText(
        `${Object.keys(modelNode.perTask[kind]!).length} of ${testTasks.filter((t) => t.kind === kind).length}`,
      );
    await expect(models.getByTestId('model-partial')).toContainText(
      'Scored over the tasks answered only (2 of',
    );
    // A file with a bad line is refused, naming it; the table stays.
    const badAnswers = join(dir, 'bad-answers.jsonl');
    writeFileSync(badAnswers, '{"task": "x", "answer": "VERDICT NO"}\n{"answer": 1}\n');
    await models.getByTestId('model-answers-file').setInputFiles(badAnswers);
    await expect(models.getByTestId('model-error')).toContainText(
      'Could not score bad-answers.jsonl: 1 unreadable line, e.g. line 2: task: expected the task id as a string',
    );
    await expect(models.getByTestId('model-about')).toContainText('model-answers.jsonl');
    // So is a file whose answers name none of the tasks (made for other prompts).
    const elsewhere = join(dir, 'elsewhere.jsonl');
    writeFileSync(elsewhere, '{"task": "review:nowhere:0", "answer": "VERDICT NO"}\n');
    await models.getByTestId('model-answers-file').setInputFiles(elsewhere);
    await expect(models.getByTestId('model-error')).toContainText(
      'Could not score elsewhere.jsonl: none of its 1 answer names one of the tasks (e.g. "review:nowhere:0"); nothing was scored. Answer the prompts this page downloads',
    );
    await expect(models.getByTestId('model-about')).toContainText('model-answers.jsonl');

    // Both results are kept in this browser: after a reload they show again, as they were.
    const keptModels = models.getByTestId('model-kept-row');
    await expect(keptModels).toHaveCount(1);
    const firstKind = kinds[0]!;
    const firstScore = await models.getByTestId(`model-${firstKind}-score`).textContent();
    const externalTable = await table.textContent();
    await page.reload();
    await expect(models.getByTestId('model-about')).toContainText('model-answers.jsonl');
    await expect(models.getByTestId(`model-${firstKind}-score`)).toHaveText(firstScore!);
    await expect(keptModels).toHaveCount(1);
    await expect(table).toHaveText(externalTable!);
    await expect(ext.getByTestId('external-kept-row')).toHaveCount(1);
    await expect(ext.getByTestId('external-kept-show')).toHaveText('Shown');
    // A second model's answers (every one "no idea"): it shows, and both are listed side by
    // side, each with its own scores.
    const silentFile = join(dir, 'silent-model.jsonl');
    writeFileSync(
      silentFile,
      replies.map((r) => JSON.stringify({ task: r.task, answer: 'No idea.' })).join('\n'),
    );
    await models.getByTestId('model-answers-file').setInputFiles(silentFile);
    // Until it is scored, the table shown is said to be the earlier file's.
    await expect(models.getByTestId('model-about')).toHaveText(
      /^(Earlier file, shown until silent-model\.jsonl is scored: model-answers\.jsonl|silent-model\.jsonl): /,
    );
    await expect(models.getByTestId('model-about')).toHaveText(/^silent-model\.jsonl: /, {
      timeout: 120_000,
    });
    await expect(keptModels).toHaveCount(2);
    await expect(keptModels.nth(0)).toContainText('silent-model.jsonl');
    await expect(keptModels.nth(0).getByTestId(`model-kept-${firstKind}`)).toContainText('0.000');
    await expect(keptModels.nth(1).getByTestId(`model-kept-${firstKind}`)).toContainText(
      modelNode.bySkill[firstKind]!.meanReward.toFixed(3),
    );
    // The first one shown again; the shown one removed, then put back.
    await keptModels.nth(1).getByTestId('model-kept-show').click();
    await expect(models.getByTestId('model-about')).toContainText('model-answers.jsonl');
    await expect(models.getByTestId(`model-${firstKind}-score`)).toHaveText(firstScore!);
    // Its table goes with it (no other shows in its place unasked); undo shows it again.
    await keptModels.nth(1).getByTestId('model-kept-remove').click();
    await expect(keptModels).toHaveCount(1);
    await expect(models.getByTestId('model-about')).toHaveCount(0);
    await expect(models.getByTestId(`model-${firstKind}-score`)).toHaveCount(0);
    await models.getByTestId('model-kept-undo').click();
    await expect(keptModels).toHaveCount(2);
    await expect(models.getByTestId('model-about')).toContainText('model-answers.jsonl');
    await page.reload();
    await expect(keptModels).toHaveCount(2);
    await expect(keptModels.nth(1)).toContainText('model-answers.jsonl');
    await expectSuiteSplitEvaluated(ext, dir, join(out, 'joint-rl'));

    // Another run picked for a baseline changes its column; none leaves it empty.
    await evaluate.getByTestId('grid-pick-untrained').selectOption('');
    await expect(cell('editing', 'untrained')).toHaveText('–');
    await expect(cell('mean', 'untrained')).toHaveText('–');
    // The picks stay through another page and a reload.
    await page.getByRole('link', { name: 'Train', exact: true }).click();
    await page.getByRole('link', { name: 'Evaluate', exact: true }).click();
    await expect(evaluate.getByTestId('grid-pick-untrained')).toHaveValue('');
    await page.reload();
    await expect(evaluate.getByTestId('grid-pick-joint-rl')).toHaveValue(/.+/);
    await expect(evaluate.getByTestId('grid-pick-untrained')).toHaveValue('');
    await expect(cell('mean', 'untrained')).toHaveText('–');
    await expectAccessible(page, 'the Evaluate page, every table filled');
  });
});
