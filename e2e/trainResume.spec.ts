import { expect, test } from './fixtures';
import { fillSmallRun, openTrain, patchStoredRun, stored } from './trainStore';

test.describe('Train page: resuming a run @webgpu', () => {
  test.setTimeout(6 * 60_000);

  test('a run interrupted after its final checkpoint evaluates again on resume and stores nothing twice', async ({
    app,
    page,
  }) => {
    await openTrain(app, { cachedSuite: true });
    const name = `resume-end-${Date.now()}`;
    await fillSmallRun(page, name);
    await page.getByTestId('field-steps').fill('2');
    await page.getByTestId('start-run').click();
    await expect
      .poll(async () => (await stored(page, null)).runs.find((r) => r.name === name)?.status, {
        timeout: 240_000,
        intervals: [2000],
      })
      .toBe('done');
    const runId = (await stored(page, null)).runs.find((r) => r.name === name)!.id;
    const before = await stored(page, runId, { episodes: true });
    const evalsOf = (s: typeof before) => s.evals.map((e) => `${e.split}@${e.step}`).sort();
    expect(evalsOf(before)).toEqual(['test@2', 'val@0', 'val@2']);
    const answers = (s: typeof before) =>
      s.episodes
        .filter((e) => e.source !== 'train')
        .map((e) => `${e.source}@${e.step}.${e.groupIndex}.${e.sampleIndex}`);
    expect(answers(before).length).toBeGreaterThan(0);

    // The tab closed after the final checkpoint was stored and before the run was marked done:
    // what IndexedDB then holds is this run with status "running". The reload marks it
    // interrupted; resuming starts from the final checkpoint, so it evaluates at step 2 again.
    await patchStoredRun(page, runId, { status: 'running' });
    await page.reload();
    await app.ready();
    await expect(page.getByTestId(`run-status-${runId}`)).toHaveText('interrupted');
    await page.getByTestId(`open-run-${runId}`).click();
    // Pressed twice before the trainer answers: one training of the run (review 39code).
    await page.getByTestId('resume-run').dblclick();
    await expect(page.getByTestId(`run-status-${runId}`)).toHaveText('done', {
      timeout: 240_000,
    });

    const after = await stored(page, runId, { episodes: true });
    expect(evalsOf(after), 'each evaluation once').toEqual(evalsOf(before));
    expect(answers(after).sort(), 'each evaluation answer once').toEqual(answers(before).sort());
    // The same weights and evaluation stream: the same scores.
    const run = (s: typeof before) => s.runs.find((r) => r.id === runId)!;
    expect(run(after).finalRewards).toEqual(run(before).finalRewards);
    expect(after.evals.find((e) => e.split === 'test')!.bySkill).toEqual(
      before.evals.find((e) => e.split === 'test')!.bySkill,
    );

    // Its tasks built by another version of the app (as after an update): resuming would train
    // it on other observations, so it is refused, saying why, and the run stays as it was.
    const suiteKey = run(after).suiteKey;
    await patchStoredRun(page, runId, { status: 'running', suiteKey: `${suiteKey}-older` });
    await page.reload();
    await app.ready();
    await expect(page.getByTestId(`run-status-${runId}`)).toHaveText('interrupted');
    await page.getByTestId(`open-run-${runId}`).click();
    await page.getByTestId('resume-run').click();
    await expect(page.getByTestId('train-error')).toContainText(
      'was trained on tasks another version of the app built or laid out for the policy otherwise',
    );
    await expect(page.getByTestId(`run-status-${runId}`)).toHaveText('interrupted');
    const refused = await stored(page, runId);
    expect(refused.evals.length).toBe(after.evals.length);
  });
});
