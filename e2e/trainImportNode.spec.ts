import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { lab, nodeWorkspace, tinyConfig } from './labCli';
import { openTrain, stored } from './trainStore';

const SKILLS = ['localization', 'editing', 'testgen', 'reproduction', 'review'] as const;

test.describe('Train page: a run trained in Node @webgpu', () => {
  test.setTimeout(8 * 60_000);

  test('lab train, then lab bundle, then import bundle: its curve, scores and test answers show beside the browser’s runs', async ({
    app,
    page,
  }) => {
    // A real headless run in Node, on the tasks the app built (the setup's quick suite)...
    const { dir, suite } = nodeWorkspace('asl-node-run-');
    const tiny = tinyConfig('node-tiny');
    writeFileSync(join(dir, 'tiny.json'), JSON.stringify(tiny));
    const out = join(dir, 'run');
    lab(['train', '--config', join(dir, 'tiny.json'), ...suite, '--out', out]);
    const done = JSON.parse(readFileSync(join(out, 'eval.json'), 'utf8')) as {
      steps: number;
      test: Record<string, { meanReward: number }>;
    };
    expect(done.steps).toBe(3);
    // ...as one bundle...
    const file = join(dir, 'node-tiny.json');
    expect(lab(['bundle', '--run', out, '--out', file])).toContain('3 steps');
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as {
      run: { id: string };
      episodes: unknown[];
    };
    const runId = bundle.run.id;

    // ...imported in the browser, through the Train page's own button: on a narrow window (one
    // column), from the runs list at the bottom, the imported run opens in view.
    await openTrain(app);
    await page.setViewportSize({ width: 700, height: 450 });
    await page.getByTestId('runs-list').scrollIntoViewIfNeeded();
    await page.getByTestId('import-bundle').setInputFiles(file);
    await expect(page.getByTestId('focus-name')).toBeInViewport();
    await expect(page.getByTestId('focus-name')).toHaveText('node-tiny');
    // Coming back to the page later does not scroll to the run again.
    await page.getByRole('link', { name: 'Evaluate' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evaluate');
    // Any scroll of the page meanwhile is recorded (one scrolled back would leave scrollY at 0).
    await page.evaluate(() => {
      const w = window as Window & { scrolled?: number[] };
      w.scrolled = [];
      addEventListener('scroll', () => w.scrolled!.push(scrollY));
    });
    await page.getByRole('link', { name: 'Train', exact: true }).click();
    await expect(page.getByTestId('focus-name')).toHaveText('node-tiny');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(
      await page.evaluate(() => (window as Window & { scrolled?: number[] }).scrolled),
    ).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect(page.getByTestId('runs-outcome')).toContainText('Imported run');
    const row = page.getByTestId(`run-row-${runId}`);
    await expect(row).toBeVisible();
    await expect(page.getByTestId(`run-status-${runId}`)).toHaveText('done');
    await expect(row).toContainText('node-tiny');
    const kept = await stored(page, runId, { episodes: true });
    expect(kept.points.map((p) => p.step)).toEqual([0, 1, 2]);
    expect(kept.evals.filter((e) => e.split === 'test')).toHaveLength(1);
    expect(kept.episodes).toHaveLength(bundle.episodes.length);
    const run = kept.runs.find((r) => r.id === runId)!;
    for (const [kind, score] of Object.entries(done.test))
      expect(run.finalRewards[kind], kind).toBe(score.meanReward);

    // Its curve on the chart, and its test answers in the trace viewer, with why the
    // observation cannot be rebuilt (the tasks came from a suite file).
    await page.getByTestId(`open-run-${runId}`).click();
    // (A skill whose reward did not move over the three steps is a flat line, which has no
    // height and so counts as hidden: some skill's line is drawn.)
    await expect(
      page.locator('.reward-chart .series-smooth').filter({ visible: true }).first(),
    ).toBeVisible();
    await page.getByTestId('episodes-section').locator('summary').click();
    const section = page.getByTestId('run-episodes');
    await expect(section.getByTestId('episode-step')).toHaveValue('test:3');
    const rows = section.getByTestId('episode-row');
    await expect(rows.first()).toBeVisible();
    await rows.first().getByRole('button').click();
    const trace = section.getByTestId('episode-trace');
    const first = kept.episodes[0]!;
    await expect(trace.getByTestId('episode-answer')).toHaveText(first.answerText);
    await expect(trace.getByTestId('episode-reward')).toContainText(`Reward ${first.reward}`);
    await trace.getByTestId('episode-observation').locator('summary').click();
    await expect(trace.getByTestId('observation-unavailable')).toContainText(
      'trained in Node on the suite file quick.jsonl',
    );
    // Nor are its task files: a patch is shown side by side as its hunks alone, numbered as
    // in the file (a review task's candidate patch here).
    const reviews = kept.episodes.filter((e) => e.kind === 'review');
    const hunk = /^@@ -(\d+)/m.exec(reviews[0]!.prompt.patch!);
    expect(hunk, 'a review answer with its candidate patch').not.toBeNull();
    await section.getByTestId('episode-kind').selectOption('review');
    await rows.first().getByRole('button').click();
    const candidate = trace.getByTestId('episode-review-files');
    await expect(candidate).toHaveAttribute('data-whole', 'false');
    await expect(candidate.getByTestId('episode-review-files-scope')).toContainText(
      'trained in Node on the suite file quick.jsonl',
    );
    const left = candidate.getByTestId('episode-review-files-diff').locator('.editor.original');
    await expect(
      left
        .locator('.line-numbers')
        .filter({ hasText: new RegExp(`^${hunk![1]}$`) })
        .first(),
    ).toBeVisible();
    await section.getByTestId('episode-kind').selectOption('all');

    // A second run on the same test tasks (the same seed picks them; a longer warm start),
    // imported and compared with the first: both on the chart, and the first ticked minus the
    // second under the table, skill by skill, with errors paired over those tasks.
    const out2 = join(dir, 'run2');
    writeFileSync(
      join(dir, 'warm8.json'),
      JSON.stringify({ ...tiny, name: 'node-warm8', warmStartPerKind: 8 }),
    );
    lab(['train', '--config', join(dir, 'warm8.json'), ...suite, '--out', out2]);
    const done2 = JSON.parse(readFileSync(join(out2, 'eval.json'), 'utf8')) as typeof done;
    const file2 = join(dir, 'node-warm8.json');
    lab(['bundle', '--run', out2, '--out', file2]);
    const runId2 = (JSON.parse(readFileSync(file2, 'utf8')) as typeof bundle).run.id;
    await page.getByTestId('import-bundle').setInputFiles(file2);
    await expect(page.getByTestId(`run-row-${runId2}`)).toContainText('node-warm8');
    await page.getByTestId(`select-run-${runId}`).check();
    await expect(page.getByTestId('runs-difference')).toHaveCount(0);
    await page.getByTestId(`select-run-${runId2}`).check();
    await expect(page.getByTestId('compare-count')).toHaveText('2 selected for comparison');
    const legend = page.getByTestId('run-legend');
    await expect(legend).toContainText('node-tiny');
    await expect(legend).toContainText('node-warm8');
    const difference = page.getByTestId('runs-difference');
    await expect(difference).toContainText('node-tiny − node-warm8');
    await expect(page.getByTestId('difference-errors')).toContainText(
      'errors paired over the same test tasks',
    );
    const perTask = [
      taskMeans(join(out, 'test-episodes.jsonl')),
      taskMeans(join(out2, 'test-episodes.jsonl')),
    ];
    let spread = 0;
    const [skillDiffs, errors]: [number[], number[]] = [[], []];
    for (const skill of SKILLS) {
      const d = done.test[skill]!.meanReward - done2.test[skill]!.meanReward;
      const cell = page.getByTestId(`difference-${skill}`);
      await expect(cell, skill).toContainText(`${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(3)}`);
      // The paired error, from the two runs' own test answers: the std of the per-task
      // differences over the square root of their number.
      const [ta, tb] = perTask.map((m) => m.get(skill)!);
      expect([...tb!.keys()].sort(), skill).toEqual([...ta!.keys()].sort());
      const diffs = [...ta!].map(([id, v]) => v - tb!.get(id)!);
      const mean = diffs.reduce((x, y) => x + y, 0) / diffs.length;
      const variance = diffs.reduce((x, y) => x + (y - mean) ** 2, 0) / (diffs.length - 1);
      const se = Math.sqrt(variance / diffs.length);
      spread = Math.max(spread, se);
      skillDiffs.push(d);
      errors.push(se);
      await expect(cell, skill).toContainText(`± ${se.toFixed(3)}`);
      // Its facts, in the row's line for the cell focused (a keyboard reaches them).
      await cell.getByRole('button').focus();
      await expect(page.getByTestId('difference-facts'), skill).toContainText(
        `paired over the ${diffs.length} test tasks both runs answered`,
      );
    }
    // (Were every paired error 0, the check above could not tell paired from unpaired.)
    expect(spread).toBeGreaterThan(0);
    // And the mean of the five skills: both runs' in the table, and their difference.
    const meanOf = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
    for (const [id, test] of [
      [runId, done.test],
      [runId2, done2.test],
    ] as const) {
      const m = meanOf(SKILLS.map((k) => test[k]!.meanReward));
      await expect(page.getByTestId(`final-${id}-mean`)).toHaveAttribute(
        'title',
        new RegExp(`^Mean of the five skills' final rewards: ${m.toFixed(3)}`),
      );
    }
    const dm = meanOf(skillDiffs);
    await expect(page.getByTestId('difference-mean')).toContainText(
      `${dm >= 0 ? '+' : '−'}${Math.abs(dm).toFixed(3)}± ${(Math.hypot(...errors) / 5).toFixed(3)}`,
    );

    // The table sorted by name (A first, then Z first), and filtered: the pair stays compared.
    const order = async () => {
      const ids = await page
        .locator('[data-testid^="run-row-"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.slice(8)));
      return ids.filter((id) => id === runId || id === runId2);
    };
    await page.getByTestId('sort-name').click();
    await expect.poll(order).toEqual([runId, runId2]);
    await page.getByTestId('sort-name').click();
    await expect.poll(order).toEqual([runId2, runId]);
    await page.getByTestId('runs-filter').fill('warm8');
    await expect(page.getByTestId('runs-shown')).toHaveText(/^1 of \d+ runs shown$/);
    await expect.poll(order).toEqual([runId2]);
    await expect(difference).toContainText('node-tiny − node-warm8');
    // Leaving the page and coming back keeps the filter and the sort.
    await page.getByRole('link', { name: 'Episodes', exact: true }).click();
    await expect(page.getByTestId('episodes-page')).toBeVisible();
    await page.getByRole('link', { name: 'Train', exact: true }).click();
    await expect(page.getByTestId('runs-filter')).toHaveValue('warm8');
    await expect.poll(order).toEqual([runId2]);
    await page.getByTestId('runs-filter').fill('');
    await expect.poll(order).toEqual([runId2, runId]);
    await expect(page.getByTestId('sort-name').locator('xpath=..')).toHaveAttribute(
      'aria-sort',
      'descending',
    );

    // A reload keeps the run open and the pair compared, curves and difference with them.
    await page.reload();
    await app.ready();
    await expect(page.getByTestId('focus-name')).toHaveText('node-warm8');
    await expect(page.getByTestId('compare-count')).toHaveText('2 selected for comparison');
    await expect(legend).toContainText('node-tiny');
    await expect(legend).toContainText('node-warm8');
    await expect(difference).toContainText('node-tiny − node-warm8');
  });
});

/** Each task's mean reward by kind, from a run's `test-episodes.jsonl`. */
function taskMeans(file: string): Map<string, Map<string, number>> {
  const sums = new Map<string, Map<string, number[]>>();
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const e = JSON.parse(line) as { kind: string; taskId: string; reward: number };
    const tasks = sums.get(e.kind) ?? new Map<string, number[]>();
    sums.set(e.kind, tasks);
    tasks.set(e.taskId, [...(tasks.get(e.taskId) ?? []), e.reward]);
  }
  return new Map(
    [...sums].map(([kind, tasks]) => [
      kind,
      new Map([...tasks].map(([id, rs]) => [id, rs.reduce((x, y) => x + y, 0) / rs.length])),
    ]),
  );
}
