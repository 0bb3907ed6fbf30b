import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { lab, tinyConfig } from './labCli';
import { openTrain, stored, storedRows } from './trainStore';

test.describe('Train page: a run trained in Node on the quick suite @webgpu', () => {
  test.setTimeout(8 * 60_000);

  test('lab train --suite quick, bundled and imported: the trace viewer rebuilds what its policy saw', async ({
    app,
    page,
  }) => {
    // In Node, on the app's quick demo suite, which Node builds with the app's own code (or
    // reads from its cache)...
    const dir = mkdtempSync(join(tmpdir(), 'asl-node-quick-'));
    writeFileSync(join(dir, 'tiny.json'), JSON.stringify(tinyConfig('node-quick')));
    const out = join(dir, 'run');
    lab(['train', '--config', join(dir, 'tiny.json'), '--suite', 'quick', '--out', out]);
    expect(JSON.parse(readFileSync(join(out, 'eval.json'), 'utf8'))).toMatchObject({
      suite: { quick: 1 },
    });
    const file = join(dir, 'node-quick.json');
    lab(['bundle', '--run', out, '--out', file]);
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as {
      run: { id: string; suiteKey: string };
    };

    // ...imported into an app that has not built its suite yet: the trace says which suite to
    // build, and how.
    await openTrain(app);
    await page.getByTestId('import-bundle').setInputFiles(file);
    const runId = bundle.run.id;
    await expect(page.getByTestId(`run-row-${runId}`)).toContainText('node-quick');
    /** The run's first stored answer, opened with its observation shown: its trace. */
    const firstTrace = async () => {
      await page.getByTestId(`open-run-${runId}`).click();
      await page.getByTestId('episodes-section').locator('summary').click();
      const section = page.getByTestId('run-episodes');
      await section.getByTestId('episode-row').first().getByRole('button').click();
      const trace = section.getByTestId('episode-trace');
      await trace.getByTestId('episode-observation').locator('summary').click();
      return trace;
    };
    await expect((await firstTrace()).getByTestId('observation-unavailable')).toContainText(
      "This run's tasks (the quick suite (8 projects), seed 1) are not built in this browser: an imported run brings none",
    );

    // Once the app has built that suite, the run carries its key.
    await openTrain(app, { cachedSuite: true });
    const { suites } = (await storedRows(page, ['suites'])) as { suites: { key: string }[] };
    expect(
      suites.map((row) => row.key),
      'the app’s quick suite is the one the run names',
    ).toContain(bundle.run.suiteKey);

    // Its test answers open with the observation its policy saw, rebuilt from that suite.
    const { episodes } = await stored(page, runId, { episodes: true });
    const trace = await firstTrace();
    const first = episodes.find((e) => e.source === 'test')!;
    await expect(trace.getByTestId('episode-answer')).toHaveText(first.answerText);
    const seen = trace.getByTestId('observation-tokens');
    await expect(seen).toBeVisible();
    await expect(seen.locator('.obs-tok').first()).toHaveText(`<${first.kind}>`);
    await expect(trace.getByTestId('observation-unavailable')).toHaveCount(0);
  });
});
