import { formatValue } from '../src/features/train/components/format';
import { bugCatalog } from '../src/learn/decompose';
import { expectAccessible } from './a11y';
import { expect, test } from './fixtures';
import {
  expectFiltersInAddress,
  expectQuickBackFollowed,
  expectQuickToggleKept,
  expectShowItPagesIn,
  expectScoresFromAnswers,
  expectSettledGrading,
  expectUnappliedEdits,
  expectUpdateSaid,
  squashed,
} from './episodesPage';
import { quickSuiteTasks } from './labCli';
import { afterSteps, openTrain, patchStoredRun, runSteps, stored } from './trainStore';

test.describe('Train page: a run’s stored episodes @webgpu', () => {
  test.setTimeout(8 * 60_000);

  test('lists a step’s sampled answers and the final test evaluation’s, and opens one: its tokens, answer and why it got its reward', async ({
    app,
    page,
  }) => {
    await openTrain(app, { cachedSuite: true });
    const name = `episodes-${Date.now()}`;
    await page.getByTestId('field-name').fill(name);
    // Opened before the run starts: step 0's episodes appear once step 0 ends, not at step 5.
    await page.getByTestId('episodes-section').locator('summary').click();
    const runId = await runSteps(page, 1, (r) => r.name === name);
    const { episodes: all, runs, evals } = await stored(page, runId, { episodes: true });
    const run = runs.find((r) => r.id === runId)!;
    const training = all.filter((e) => e.source === 'train');
    const tested = all.filter((e) => e.source === 'test');
    const mine = training.filter((e) => e.step === 0);
    expect(mine.length, 'step 0 keeps every group').toBeGreaterThan(0);

    // The final test evaluation's and each validation's answers are what their scores were made of.
    expectScoresFromAnswers({ episodes: all, evals }, run);

    // In order: validation at 0, the steps, the final validation and test (shown: the newest).
    const section = page.getByTestId('run-episodes');
    const steps = [...new Set(training.map((e) => e.step))].sort((a, b) => a - b);
    const picker = section.getByTestId('episode-step');
    await expect(picker).toHaveValue(`test:${run.step}`);
    await expect(picker.locator('option')).toHaveText([
      'validation after 0 steps',
      ...steps.map((s) => `step ${s}`),
      `validation ${afterSteps(run.step)}`,
      `test evaluation ${afterSteps(run.step)}`,
    ]);
    // A page of rows at a time: "show more" adds the next.
    const PAGE = 100;
    expect(tested.length, 'enough test answers to page').toBeGreaterThan(PAGE);
    const rows = section.getByTestId('episode-row');
    await expect(rows).toHaveCount(PAGE);
    await section.getByTestId('episodes-more').click();
    await expect(rows).toHaveCount(Math.min(tested.length, 2 * PAGE));
    await expect(section.getByRole('columnheader', { name: 'advantage' })).toHaveCount(0);
    // The rows of answers the decoder cut short at its step limit say so, and only those.
    const idsOf = (rs: typeof rows) =>
      rs.evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.episodeId)));
    const cutIds = new Set(tested.filter((e) => e.truncated).map((e) => e.id));
    expect(await idsOf(rows.filter({ hasText: 'cut short' }))).toEqual(
      (await idsOf(rows)).filter((id) => cutIds.has(id)),
    );
    const rewarded = tested.filter((e) => e.reward > 0).length;
    await expect(section.getByTestId('episodes-summary')).toContainText(
      `${tested.length} answers · ${rewarded} rewarded · a row’s 2.3 is answer 3 of task 2`,
    );
    // The reward filter: the unrewarded answers (from their first page), then all again.
    await section.getByTestId('episode-reward-filter').selectOption('unrewarded');
    await expect(rows).toHaveCount(Math.min(tested.length - rewarded, PAGE));
    await section.getByTestId('episode-reward-filter').selectOption('all');
    await expect(rows).toHaveCount(Math.min(tested.length, 2 * PAGE));
    // Its first answer: the task's Avg@k score and the rewards it averaged.
    await rows.first().getByRole('button').click();
    const evalTrace = section.getByTestId('episode-trace');
    await expect(evalTrace).toContainText(`test evaluation ${afterSteps(run.step)}, task 1`);
    await expect(evalTrace.getByTestId('episode-reward')).toContainText(
      `Reward ${tested[0]!.reward}`,
    );
    await expect(evalTrace.getByTestId('episode-reward')).toContainText("the task's score");
    await expect(evalTrace.getByTestId('episode-answer')).toHaveText(tested[0]!.answerText);
    // A localization answer's files are marked among the task's files.
    await rows.first().getByRole('button').click();
    await expect(evalTrace).toHaveCount(0);
    const located = tested.findIndex(
      (e) => e.kind === 'localization' && e.answerText.startsWith('FILES'),
    );
    expect(located, 'a localization answer on the first two pages').toBeGreaterThanOrEqual(0);
    expect(located).toBeLessThan(2 * PAGE);
    const chose = tested[located]!.answerText.trim().split(/\s+/).slice(1, -1);
    const where = quickSuiteTasks().find((t) => t.id === tested[located]!.taskId)!;
    const inOrder = Object.keys(where.files).sort();
    const lead = where.focus?.file;
    const tabOrder = lead ? [lead, ...inOrder.filter((p) => p !== lead)] : inOrder;
    await rows.nth(located).getByRole('button').click();
    const locFiles = evalTrace.getByTestId('episode-files');
    await locFiles.locator('summary').click();
    await expect(
      locFiles.locator('.file-tab, .file-name').filter({ hasText: '(chosen)' }),
    ).toHaveText(tabOrder.filter((p) => chose.includes(p)).map((p) => `${p} (chosen)`));
    await expect(locFiles).toContainText(`The answer chose ${chose.join(', ')}`);
    await rows.nth(located).getByRole('button').click();
    await expect(evalTrace).toHaveCount(0);

    await picker.selectOption('train:0');
    await expect(evalTrace).toHaveCount(0);
    await expect(rows).toHaveCount(mine.length);

    // The first answer's trace: every decoded token, the answer, the verifier's facts.
    const first = mine[0]!;
    await rows.first().getByRole('button').click();
    const trace = section.getByTestId('episode-trace');
    await expect(trace).toBeVisible();
    await expect(trace.getByTestId('episode-token')).toHaveCount(first.actionLabels.length);
    await expect(trace.getByTestId('episode-token').first()).toContainText(first.actionLabels[0]!);
    // Each token's probability, its log (what the loss uses) and the step's entropy.
    const cells = trace.getByTestId('episode-token').first().locator('td');
    await expect(cells.nth(3)).toHaveText(formatValue(first.logProbs[0], 2));
    await expect(trace.getByTestId('episode-tokens-about')).toContainText('@position:token');
    await expect(trace.getByTestId('episode-prompt')).toContainText(first.prompt.title);
    await expect(trace.getByTestId('episode-answer')).toHaveText(first.answerText);
    await expect(trace.getByTestId('episode-reward')).toContainText(`Reward ${first.reward}`);
    await expect(trace.getByTestId('episode-facts').locator('li')).toHaveText(first.facts);
    // What the policy saw, rebuilt from the task and vocabulary: its pointers' tokens marked.
    await trace.getByTestId('episode-observation').locator('summary').click();
    const seen = trace.getByTestId('observation-tokens');
    await expect(seen).toBeVisible();
    const pointers = first.actionLabels
      .map((l) => /^@(\d+):/.exec(l)?.[1])
      .filter((p): p is string => p !== undefined);
    expect(pointers.length, 'the first answer points into its observation').toBeGreaterThan(0);
    for (const pos of pointers) {
      await expect(seen.locator(`[data-pos="${pos}"]`)).toHaveClass(/obs-pointed/);
      await expect(trace.getByTestId('observation-pointed')).toContainText(`#${pos} `);
    }
    await expect(seen.locator('.obs-tok').first()).toHaveText(`<${first.kind}>`);

    // Clicking it again closes it.
    await rows.first().getByRole('button').click();
    await expect(trace).toHaveCount(0);

    // A run whose tasks another build made or laid out (another id in its suite key): its
    // observation is not rebuilt, and the trace says why.
    await patchStoredRun(page, runId, { suiteKey: `${run.suiteKey}-another-build` });
    await rows.first().getByRole('button').click();
    await trace.getByTestId('episode-observation').locator('summary').click();
    await expect(trace.getByTestId('observation-unavailable')).toContainText(
      'Another version of the app built this run',
    );
    await expect(trace.getByTestId('observation-tokens')).toHaveCount(0);
    await patchStoredRun(page, runId, { suiteKey: run.suiteKey });
    await rows.first().getByRole('button').click();
    await expect(trace).toHaveCount(0);

    await expectSettledGrading(rows, trace, mine, tested);

    // What an edit answer and a test answer became, as the sandbox ran them. In the editor
    // (Monaco, the default): the edited file whole, before and after, added lines marked.
    const edited = mine.findIndex((e) => e.rendering?.patch);
    const tester = mine.findIndex((e) => e.rendering?.tests);
    expect(edited, 'an edit answer that applied').toBeGreaterThanOrEqual(0);
    expect(tester, 'a test answer').toBeGreaterThanOrEqual(0);
    await rows.nth(edited).getByRole('button').click();
    const patch = mine[edited]!.rendering!.patch!;
    const patchFiles = trace.getByTestId('episode-patch-files');
    // The link to the Episodes page takes the batch and the open episode along.
    await expect(page.getByTestId('episodes-full-width')).toHaveAttribute(
      'href',
      `/episodes?run=${runId}&batch=train-0&episode=${mine[edited]!.id}`,
    );
    await expect(patchFiles).toHaveAttribute('data-whole', 'true');
    await expect(patchFiles.getByTestId('episode-patch-files-scope')).toContainText('Whole files');
    const sides = patchFiles.getByTestId('episode-patch-files-diff');
    await expect(sides.locator('.editor.original .view-lines')).toBeVisible();
    // Each side is named for a screen reader.
    for (const side of ['before', 'after'])
      await expect(
        sides.getByRole('textbox', { name: new RegExp(`, ${side} the change, read only$`) }),
      ).toHaveCount(1);
    // Every line the patch adds is on the right; what it changes is marked there.
    const added = patch
      .split('\n')
      .filter((l) => l.startsWith('+') && !l.startsWith('+++') && l.trim().length > 1)
      .map((l) => l.slice(1).trim());
    expect(added.length, 'the edit adds a line').toBeGreaterThan(0);
    await expect
      .poll(async () => squashed(await sides.locator('.editor.modified .view-lines').innerText()))
      .toContain(squashed(added[0]!));
    await expect(sides.locator('.editor.modified .line-insert').first()).toBeVisible();
    // The task's files as its policy was given them: the task's one first, its lines marked.
    const task = quickSuiteTasks().find((t) => t.id === mine[edited]!.taskId)!;
    const focus = task.focus!.file;
    const ordered = [
      focus,
      ...Object.keys(task.files)
        .sort()
        .filter((p) => p !== focus),
    ];
    const filesPanel = trace.getByTestId('episode-files');
    await filesPanel.locator('summary').click();
    const fileView = filesPanel.getByTestId('episode-file-view');
    await expect(fileView).toHaveAttribute(
      'data-lines',
      String(task.files[focus]!.split('\n').length),
    );
    if (ordered.length > 1) await expect(filesPanel.getByRole('tab')).toHaveText(ordered);
    if (task.focus!.startLine !== undefined)
      await expect(fileView.locator('.code-focus-line').first()).toBeVisible();
    await rows.nth(tester).getByRole('button').click();
    const testFile = trace.getByTestId('episode-tests-file');
    await expect(testFile.locator('.monaco-editor .view-lines')).toBeVisible();
    const testLines = mine[tester]!.rendering!.tests!.split('\n');
    await expect
      .poll(async () => squashed(await testFile.locator('.view-lines').innerText()))
      .toContain(squashed(testLines[0]!));
    expect(Number(await testFile.getAttribute('data-lines'))).toBe(testLines.length);

    // As text (the reader's choice, kept): the patch, line by line, and the test file.
    await trace.getByTestId('code-view-text').click();
    await expect(testFile).toHaveCount(0);
    await rows.nth(edited).getByRole('button').click();
    await expect(trace.getByTestId('episode-patch').locator('span')).toHaveText(
      mine[edited]!.rendering!.patch!.trimEnd().split('\n'),
    );
    await expect(
      trace.getByTestId('episode-patch').locator('.diff-add, .diff-del').first(),
    ).toBeVisible();
    // As text too, the task's file has its lines, the task's lines marked.
    const start = task.focus!.startLine;
    if (start !== undefined) {
      const end = task.focus!.endLine ?? start;
      const filesAgain = trace.getByTestId('episode-files');
      if (!(await filesAgain.evaluate((d) => (d as HTMLDetailsElement).open)))
        await filesAgain.locator('summary').click();
      const marked = filesAgain.getByTestId('episode-file-text-marked');
      await expect(marked).toHaveCount(end - start + 1);
      expect(squashed(await marked.first().innerText())).toBe(
        squashed(task.files[focus]!.split('\n')[start - 1]!),
      );
    }
    await rows.nth(tester).getByRole('button').click();
    await expect(trace.getByTestId('episode-tests')).toHaveText(
      mine[tester]!.rendering!.tests!.trimEnd(),
    );
    // A review answer's task: the issue and the candidate patch it asks about.
    const reviewed = mine.findIndex((e) => e.prompt.patch);
    expect(reviewed, 'a review answer').toBeGreaterThanOrEqual(0);
    await rows.nth(reviewed).getByRole('button').click();
    await expect(trace.getByTestId('episode-review-patch').locator('span')).toHaveText(
      mine[reviewed]!.prompt.patch!.trimEnd().split('\n'),
    );
    // In the editor, the candidate patch applied to the task's files, side by side.
    await trace.getByTestId('code-view-editor').click();
    await expect(trace.getByTestId('episode-review-files')).toHaveAttribute('data-whole', 'true');
    await expect(
      trace.getByTestId('episode-review-files-diff').locator('.editor.modified .view-lines'),
    ).toBeVisible();
    await rows.nth(reviewed).getByRole('button').click();
    await expect(trace).toHaveCount(0);

    // The skill filter keeps that skill's answers only.
    const kind = mine.at(-1)!.kind;
    await section.getByTestId('episode-kind').selectOption(kind);
    await expect(rows).toHaveCount(mine.filter((e) => e.kind === kind).length);

    // A click on the reward chart at a validation (step 0, its left edge) opens its answers.
    const pad = page.locator('.reward-chart [data-testid="chart-hover-pad"]');
    await pad.hover({ position: { x: 1, y: 20 } });
    await expect(page.getByTestId('chart-pick-hint')).toContainText('after 0 steps');
    await pad.click({ position: { x: 1, y: 20 } });
    await expect(picker).toHaveValue('val:0');
    await section.getByTestId('episode-kind').selectOption('all');
    await expect(rows).toHaveCount(all.filter((e) => e.source === 'val' && e.step === 0).length);

    // The Episodes page: the same run's episodes, full width. The address names the batch, the
    // filters and the open episode, so a reload (or the link, shared) opens the same list.
    await page.getByTestId('episodes-full-width').click();
    await expect(page).toHaveURL(new RegExp(`/episodes\\?run=${runId}&batch=val-0$`));
    const ep = page.getByTestId('episodes-page');
    await expect(ep.getByTestId('episodes-run')).toHaveValue(runId);
    await expect(ep.getByTestId('episode-step')).toHaveValue('val:0');
    // Back finds the Train page's episodes as they were left: the section open, the same batch.
    await page.goBack();
    await expect(page.getByTestId('episodes-section')).toHaveAttribute('open', '');
    await expect(section.getByTestId('episode-step')).toHaveValue('val:0');
    await page.goForward();
    await expect(ep.getByTestId('episode-step')).toHaveValue('val:0');
    await ep.getByTestId('episode-step').selectOption('train:0');
    // Anywhere on the row opens its trace (its group number here), in view, its heading focused.
    await ep.getByTestId('episode-row').nth(edited).locator('td').first().click();
    await expect(page).toHaveURL(new RegExp(`[?&]episode=${mine[edited]!.id}(&|$)`));
    const heading = ep.getByTestId('episode-trace-heading');
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    await expect(page).toHaveURL(new RegExp(`[?&]run=${runId}(&|$)`));
    await page.reload();
    const epTrace = ep.getByTestId('episode-trace');
    await expect(epTrace.getByTestId('episode-answer')).toHaveText(mine[edited]!.answerText);
    // The tab and the history name the episode and its run.
    await expect(page).toHaveTitle(
      `Episode ${mine[edited]!.id} · ${name} · Episodes · Atomic Skills Lab`,
    );
    await expect(ep.getByTestId('episode-step')).toHaveValue('train:0');
    await expect(epTrace.getByTestId('episode-patch-files')).toHaveAttribute('data-whole', 'true');
    await expect(
      epTrace.getByTestId('episode-patch-files-diff').locator('.editor.modified .view-lines'),
    ).toBeVisible();
    await expectAccessible(page, 'the Episodes page, an edit’s trace open');
    // The filters go into the address too; one that hides the open trace says so.
    await expectFiltersInAddress(page, runId, mine, edited);
    // A link to an answer beyond the list's first page: its batch picked, its row paged in.
    expect(tested.length, 'a test answer beyond the first page').toBeGreaterThan(PAGE + 5);
    const deep = tested[PAGE + 5]!;
    await app.open('/episodes', { run: runId, episode: String(deep.id) });
    await expect(ep.getByTestId('episode-step')).toHaveValue(`test:${run.step}`);
    await expect(epTrace.getByTestId('episode-answer')).toHaveText(deep.answerText);
    await expectShowItPagesIn(page, deep, PAGE + 5);
    await expectQuickBackFollowed(page, deep);
    // Another answer opened is a step in the history: Back opens the one before, Forward again.
    await ep.getByTestId('episode-row').first().locator('td').first().click();
    const shownId = () => new URL(page.url()).searchParams.get('episode');
    await expect.poll(shownId).not.toBe(String(deep.id));
    const other = tested.find((e) => String(e.id) === shownId())!;
    await expect(epTrace.getByTestId('episode-answer')).toHaveText(other.answerText);
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`[?&]episode=${deep.id}(&|$)`));
    await expect(epTrace.getByTestId('episode-answer')).toHaveText(deep.answerText);
    await page.goForward();
    await expect(epTrace.getByTestId('episode-answer')).toHaveText(other.answerText);
    await expectQuickToggleKept(page);
    // A link to a run this browser does not hold says so, and shows one it does.
    await app.open('/episodes', { run: 'no-such-run', episode: '1' });
    await expect(page.getByTestId('episodes-run-missing')).toContainText(
      'No run with id no-such-run in this browser (deleted, or stored in another browser), so its episode 1 cannot be shown',
    );
    await expect(page).toHaveURL(/[?&]episode=1(&|$)/);
    await expect(ep.getByTestId('episodes-run')).toHaveValue(runId);
    await expect(page).toHaveTitle(/^(?!Episode)/); // no episode is open: none named
    // A link naming an episode and no run opens it in its run, named in the address.
    await app.open('/episodes', { episode: String(deep.id) });
    await expect(epTrace.getByTestId('episode-answer')).toHaveText(deep.answerText);
    await expect(page).toHaveURL(new RegExp(`[?&]run=${runId}(&|$)`));
    // So does a link to an episode that is not stored; the address drops it.
    await app.open('/episodes', { episode: '999999' });
    await expect(ep.getByTestId('episode-missing')).toContainText(
      /^No episode 999999 in “.+”: it is not stored in this browser \(pruned under Storage, its run deleted or imported as a copy, or the address mistyped\)/,
    );
    await expect(page).not.toHaveURL(/episode=999999/);
    // An episode in the address that is not a number is said too.
    await app.open('/episodes', { run: runId, episode: '-1abc' });
    await expect(ep.getByTestId('episodes-bad-episode')).toContainText(
      '“-1abc” in the address is not an episode number',
    );
    await expect(ep.getByTestId('episodes-run')).toHaveValue(runId);
    // An address naming no run (the header's link) names the one shown.
    await page.getByRole('link', { name: 'Episodes', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/episodes\\?run=${runId}$`));
    await expectUnappliedEdits(app, runId, tested);
    await expectUpdateSaid(app, runId, training, run.config);

    // Learn: a bug the run's test evaluation answered shows those answers, opened in the viewer.
    const playable = new Set(bugCatalog(quickSuiteTasks()).map((b) => b.id));
    const bugId = tested.find((e) => e.kind === 'bugfix' && playable.has(e.taskId))?.taskId;
    expect(bugId, 'the test evaluation answered a bug the Learn page lists').toBeDefined();
    const answered = tested.filter((e) => e.taskId === bugId);
    await app.open('/learn', { bug: bugId!, step: 'bugfix' });
    const policies = page.getByTestId('learn-bugfix-policies');
    await policies.locator('summary').click();
    const row = policies.getByTestId('learn-bugfix-policy-answers-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(name);
    await expect(row).toContainText(`test evaluation ${afterSteps(run.step)}`);
    for (const e of answered) await expect(row).toContainText(e.answerText);
    const opened = answered.reduce((a, b) => (b.id < a.id ? b : a));
    await row.getByRole('link', { name: 'open' }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]episode=${opened.id}(&|$)`));
    await expect(epTrace.getByTestId('episode-answer')).toHaveText(opened.answerText);

    // Back on the Train page, its episodes open again under the charts (checked once listed).
    await page.getByRole('link', { name: 'Train', exact: true }).click();
    await page.getByTestId(`open-run-${runId}`).click();
    await page.getByTestId('episodes-section').locator('summary').click();
    await expect(rows.first()).toBeVisible();
    await expectAccessible(page, 'the Train page, a finished run open');

    // Dropping the run's episodes under Storage empties the section, open trace included.
    await rows.first().getByRole('button').click();
    await expect(trace).toBeVisible();
    await page.locator('[data-testid="storage-panel"] > summary').click();
    await page.getByTestId(`prune-episodes-${runId}`).click();
    await expect(section.getByTestId('episodes-none')).toBeVisible();
    await expect(trace).toHaveCount(0);
    await expect(rows).toHaveCount(0);
  });
});
