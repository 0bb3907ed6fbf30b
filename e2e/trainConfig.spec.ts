import { expect, test } from './fixtures';
import { fillSmallRun, openTrain, runSteps, stored, trainOnly } from './trainStore';

test.describe('Train page: the configuration form @webgpu', () => {
  test.setTimeout(12 * 60_000);

  test('a network too big to train is refused, saying what to lower; within bounds it starts', async ({
    app,
    page,
  }) => {
    await openTrain(app);
    // The task suite: a short name in the select, what it holds and costs beside it.
    const suite = page.getByTestId('suite-select');
    const detail = page.getByTestId('suite-detail');
    await expect(suite.locator('option:checked')).toHaveText('Quick: 8 projects');
    await expect(detail).toHaveText('8 corpus projects, built in about a minute.');
    await suite.selectOption('all');
    await expect(detail).toContainText('All 46 corpus projects: the first run builds them');
    // Kept with the form's other edits, over a reload.
    await page.reload();
    await app.ready();
    await expect(suite).toHaveValue('all');
    await suite.selectOption('quick');
    const problem = page.getByTestId('config-problem');
    const start = page.getByTestId('start-run');
    const tokens = page.getByLabel('observation tokens');
    const size = page.getByTestId('model-size');
    await expect(size).toContainText(
      /\d[\d,]+ parameters \(at most 5M\) · one group needs about 0\.\d GB/,
    );
    await tokens.fill('8192');
    await expect(size).toContainText(
      /one group needs about \d+\.\d GB in a training pass \(at most 2\.7 GB\)/,
    );
    await expect(problem).toContainText(
      /"observation tokens": a group of "group size" answers over one observation of 8192 tokens needs about \d+\.\d GB in a training pass, over the 2\.7 GB a pass may use; lower "observation tokens"/,
    );
    await expect(tokens).toHaveAttribute('aria-invalid', 'true');
    await expect(start).toBeDisabled();
    await tokens.fill('1024');
    await expect(problem).toHaveCount(0);
    await expect(start).toBeEnabled();
    const width = page.getByLabel('width (dModel)');
    await width.fill('1024');
    await expect(problem).toContainText(/M parameters, over the 5M the policy may have/);
    await expect(width).toHaveAttribute('aria-invalid', 'true');
    await expect(start).toBeDisabled();
    await width.fill('64');
    await expect(start).toBeEnabled();
    // A slip of the keyboard (steps 99999999 for 200) is refused with the range, not started.
    const steps = page.getByLabel('steps', { exact: true });
    await expect(steps).toHaveAttribute('max', '100000');
    await steps.fill('99999999');
    await expect(problem).toContainText('"steps" must be a whole number from 0 to 100,000');
    await expect(steps).toHaveAttribute('aria-invalid', 'true');
    await expect(start).toBeDisabled();
    await steps.fill('200');
    await expect(start).toBeEnabled();
    // Typed key by key, 1e999 stays what it is (it used to become 100000000099): not a number.
    await steps.fill('');
    await steps.pressSequentially('1e999');
    await expect(page.getByText('enter a number')).toBeVisible();
    await expect(start).toBeDisabled();
    await steps.fill('200');
    await expect(start).toBeEnabled();
    // The form's edits outlive a reload (kept in localStorage), bad ones included.
    await tokens.fill('8192');
    await page.reload();
    await app.ready();
    await expect(page.getByLabel('observation tokens')).toHaveValue('8192');
    await expect(page.getByTestId('config-problem')).toContainText('"observation tokens": a group');
    await page.getByTestId('preset-select').selectOption('quick');
    await expect(page.getByLabel('observation tokens')).toHaveValue('512');
    // A field that acts only with an option on is disabled, saying so, while the option is off.
    const flatAnswers = page.getByLabel('answers kept per flat group');
    const keepFlat = page.getByTestId('field-keepFlatGroups');
    await expect(keepFlat).not.toBeChecked();
    await expect(flatAnswers).toBeDisabled();
    await expect(
      page.getByText('acts only with "keep flat groups (KL and entropy only)" on'),
    ).toBeVisible();
    await page.getByTestId('preset-select').selectOption('joint-rl');
    await expect(keepFlat).toBeChecked();
    await expect(flatAnswers).toBeEnabled();
    await expect(flatAnswers).toHaveValue('2');
    await keepFlat.uncheck();
    await expect(flatAnswers).toBeDisabled();
    await expect(flatAnswers).toHaveValue('2');
    await expect(start).toBeEnabled();
    // The skill mix weighs what the run trains on: a slider each, composites too.
    const sliders = page.getByTestId('mix-sliders').getByRole('slider');
    await expect(sliders).toHaveCount(5);
    await trainOnly(page, ['localization', 'security-fix']);
    await expect(sliders).toHaveCount(2);
    await expect(page.getByLabel('security fixing weight')).toHaveValue('1');
    await expect(page.getByTestId('mix-slider-editing')).toHaveCount(0);
  });

  test('a run on a kind its tasks cannot test says so as it starts, and keeps saying it', async ({
    app,
    page,
  }) => {
    // The quick suite has security fixing to train on, none to validate or test. Cached (as a
    // first run leaves it), the form says so before the run starts.
    await openTrain(app, { cachedSuite: true });
    await page.reload();
    await app.ready();
    await fillSmallRun(page, 'security-only');
    const coverage = page.getByTestId('suite-coverage');
    await expect(coverage).toHaveCount(0);
    await trainOnly(page, ['security-fix']);
    await expect(coverage).toContainText(
      'These tasks have no test tasks of security fixing (no final score) and no validation tasks of security fixing',
    );
    await page.getByTestId('field-steps').fill('1');
    await page.getByTestId('start-run').click();
    const message = page.getByTestId('run-message');
    await expect(message).toContainText('no test tasks of security fixing (no final score)', {
      timeout: 120_000,
    });
    await expect(page.getByTestId('run-status')).toHaveText('done', { timeout: 240_000 });
    await expect(message).toContainText('only the training rewards will measure it');
  });

  test('the skill-tag switch builds a model with the tag path, which trains', async ({
    app,
    page,
  }) => {
    await openTrain(app, { cachedSuite: true });
    await fillSmallRun(page, 'tag');
    const tag = page.getByTestId('field-tagToDecoder');
    await expect(tag).not.toBeChecked();
    const size = page.getByTestId('model-size');
    const plain = await size.textContent();
    await tag.check();
    // One more d x d matrix: the parameter count shown grows.
    await expect(size).not.toHaveText(plain!);
    const runId = await runSteps(page, 2, (r) => r.config.tagToDecoder === true);
    const points = (await stored(page, runId)).points;
    for (const p of points) expect(Number.isFinite(p.point.gradNorm)).toBe(true);
    expect(points.some((p) => p.point.gradNorm > 0)).toBe(true);

    // With another run going, opening this one leaves a way back to the going run's controls.
    await page.getByTestId('start-run').click();
    await expect(page.locator('[data-testid^="run-row-"]')).toHaveCount(2);
    await expect(page.getByTestId('stop-run')).toBeVisible();
    // Started under the name the first run has: numbered apart, as a rename would have to be.
    await expect(page.getByTestId('focus-name')).toHaveText('tag (2)');
    await page.getByTestId(`open-run-${runId}`).click();
    await expect(page.getByTestId('stop-run')).toHaveCount(0);
    const note = page.getByTestId('going-note');
    await expect(note).toContainText(/is (building its tasks|training): Stop it to start another/);
    await note.getByRole('button', { name: 'Show it' }).click();
    await expect(note.getByRole('button')).toHaveCount(0);
    await expect(page.getByTestId('stop-run')).toBeInViewport();
    await page.getByTestId('stop-run').click();
    await expect(note).toHaveCount(0, { timeout: 60_000 });
  });

  test('gradient surgery: the switch reaches the trainer and changes the updates of a joint run', async ({
    app,
    page,
  }) => {
    await openTrain(app, { cachedSuite: true });
    await fillSmallRun(page, 'surgery');
    const surgery = page.getByTestId('field-projectConflicts');
    const run = async (project: boolean, n: number): Promise<string> => {
      await surgery.setChecked(project);
      return runSteps(page, n, (r) => r.config.projectConflicts === project);
    };
    const projected = await run(true, 4);
    const plain = await run(false, 4);
    const [a, b] = [(await stored(page, projected)).points, (await stored(page, plain)).points];
    // Same seed: both runs sample the same answers until the projection changes an update (at
    // the first step whose signal comes from kinds with conflicting gradients; a step whose
    // signal is one kind's is the same either way); every later step differs from there.
    const first = a.findIndex((p, i) => p.point.gradNorm !== b[i]!.point.gradNorm);
    expect(first, 'some update differs with the projection').toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= first; i++) expect(a[i]!.point.reward).toEqual(b[i]!.point.reward);
    expect(Object.keys(a[first]!.point.reward).length).toBeGreaterThan(1);
    const signal = a.filter((p) => p.point.flatGroups < 1);
    for (const p of signal) expect(p.point.gradNorm).toBeGreaterThan(0);
  });

  test('answers kept per flat group: the field reaches the trainer and changes the update at the first flat group', async ({
    app,
    page,
  }) => {
    await openTrain(app, { cachedSuite: true });
    await fillSmallRun(page, 'flat');
    await page.getByTestId('field-keepFlatGroups').check();
    const field = page.getByTestId('field-flatGroupAnswers');
    await expect(field).toHaveValue('0');
    const run = async (kept: number): Promise<string> => {
      await field.fill(String(kept));
      return runSteps(
        page,
        3,
        (r) => r.config.flatGroupAnswers === kept && r.config.keepFlatGroups === true,
      );
    };
    const few = (await stored(page, await run(1))).points.map((p) => p.point);
    const all = (await stored(page, await run(0))).points.map((p) => p.point);
    // Same seed: the same answers until the first step with a flat group, whose update then
    // trains on one of its answers instead of all of them.
    const first = all.findIndex((p) => p.flatGroups > 0);
    expect(first, 'a step had a flat group').toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= first; i++) expect(few[i]!.reward).toEqual(all[i]!.reward);
    expect(few[first]!.flatGroups).toBe(all[first]!.flatGroups);
    expect(few[first]!.gradNorm).not.toBe(all[first]!.gradNorm);
  });

  test('self-imitation replay: the field reaches the trainer, which replays the answers it holds', async ({
    app,
    page,
  }) => {
    await openTrain(app, { cachedSuite: true });
    await fillSmallRun(page, 'replay');
    const field = page.getByTestId('field-replayPerStep');
    await expect(field).toHaveValue('0');
    await field.fill('3');
    const runId = await runSteps(page, 4, (r) => r.config.replayPerStep === 3);
    const points = (await stored(page, runId)).points.map((p) => p.point);
    const held = points.map((p) => p.replayHeld!);
    for (const [i, n] of held.entries()) expect(n).toBeGreaterThanOrEqual(held[i - 1] ?? 0);
    expect(held.at(-1), 'some group beat its mean').toBeGreaterThan(0);
    expect(
      points.some((p) => p.replayed! > 0),
      'a step replayed',
    ).toBe(true);
    // A step replays 3 answers once the steps before it left any.
    expect(points[0]!.replayed).toBe(0);
    for (const [i, p] of points.entries())
      if (i > 0) expect(p.replayed).toBe(held[i - 1]! > 0 ? 3 : 0);
  });
});
