import { expect, test } from './fixtures';
import { openTrain, runSteps, stored } from './trainStore';

test.describe('Train page: a run’s stored episodes @webgpu', () => {
  test.setTimeout(8 * 60_000);

  test('lists a step’s sampled answers and opens one: its tokens, answer and why it got its reward', async ({
    app,
    page,
  }) => {
    await openTrain(app);
    const name = `episodes-${Date.now()}`;
    await page.getByTestId('field-name').fill(name);
    // Opened before the run starts: step 0's episodes appear once step 0 ends, not at step 5.
    await page.getByTestId('episodes-section').locator('summary').click();
    const runId = await runSteps(page, 1, (r) => r.name === name);
    const all = (await stored(page, runId, { episodes: true })).episodes;
    const mine = all.filter((e) => e.step === 0);
    expect(mine.length, 'step 0 keeps every group').toBeGreaterThan(0);

    // The section follows the newest stored step (the run may have passed step 5 before the
    // stop landed), and lists every stored one.
    const section = page.getByTestId('run-episodes');
    const steps = [...new Set(all.map((e) => e.step))];
    await expect(section.getByTestId('episode-step')).toHaveValue(String(steps.at(-1)));
    await expect(section.getByTestId('episode-step').locator('option')).toHaveText(
      steps.map(String),
    );
    if (steps.length > 1) await section.getByTestId('episode-step').selectOption('0');
    const rows = section.getByTestId('episode-row');
    await expect(rows).toHaveCount(mine.length);

    // The first answer's trace: every decoded token, the answer, the verifier's facts.
    const first = mine[0]!;
    await rows.first().getByRole('button').click();
    const trace = section.getByTestId('episode-trace');
    await expect(trace).toBeVisible();
    await expect(trace.getByTestId('episode-token')).toHaveCount(first.actionLabels.length);
    await expect(trace.getByTestId('episode-token').first()).toContainText(first.actionLabels[0]!);
    await expect(trace.getByTestId('episode-prompt')).toContainText(first.prompt.title);
    await expect(trace.getByTestId('episode-answer')).toHaveText(first.answerText);
    await expect(trace.getByTestId('episode-reward')).toContainText(`Reward ${first.reward}`);
    await expect(trace.getByTestId('episode-facts').locator('li')).toHaveText(first.facts);
    // Clicking it again closes it.
    await rows.first().getByRole('button').click();
    await expect(trace).toHaveCount(0);

    // The skill filter keeps that skill's answers only.
    const kind = mine.at(-1)!.kind;
    await section.getByTestId('episode-kind').selectOption(kind);
    await expect(rows).toHaveCount(mine.filter((e) => e.kind === kind).length);

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
