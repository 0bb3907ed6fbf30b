// The Evaluate page: two simple "models" scored beside the quick demo, and a tiny paper grid
// trained in Node and imported as bundles.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeSuite } from '../../src/core/tasks/suite';
import type { Task } from '../../src/core/tasks/types';
import { TINY_GRID_CONFIG } from '../../e2e/tinyGrid';
import { lab, open, shoot, type Shots } from './session';

/**
 * Trains the tiny paper grid in Node (`lab experiment --grid paper`) on the quick suite the
 * browser built, and bundles its runs (`lab bundle --experiment`): the bundle files. About a
 * minute; it runs while the browser takes other pictures.
 */
export async function tinyGrid(work: string, tasks: Task[]): Promise<string[]> {
  const suite = join(work, 'quick.jsonl');
  writeFileSync(suite, serializeSuite('quick', tasks));
  const config = join(work, 'grid-tiny.json');
  writeFileSync(config, JSON.stringify(TINY_GRID_CONFIG));
  const out = join(work, 'grid');
  const on = ['--suite', suite, '--validated'];
  await lab(['experiment', '--grid', 'paper', '--config', config, ...on, '--out', out]);
  const folder = join(work, 'bundles');
  await lab(['bundle', '--experiment', out, '--out', folder]);
  const { runs } = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
    runs: Record<string, unknown>;
  };
  return Object.keys(runs).map((name) => join(folder, `${name}.json`));
}

/** evaluate-grid.png: the grid bundles imported on the Train page, the Evaluate page's grid. */
export async function evaluateGrid(shots: Shots, bundles: string[]): Promise<void> {
  const { page } = shots;
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page, '/train');
  await page.getByTestId('import-bundle').setInputFiles(bundles);
  await page.getByTestId('runs-outcome').getByText('Imported').first().waitFor({ timeout: 60_000 });
  await page.getByRole('link', { name: 'Evaluate', exact: true }).click();
  const grid = page.getByTestId('grid-from-runs');
  await grid.getByTestId('grid-mean-joint').waitFor();
  await grid.getByTestId('transfer-table').waitFor();
  const card = page.locator('section.card').filter({ has: grid });
  await shoot(shots, 'evaluate-grid', { from: null, to: card, pad: 6 });
}

/** One answer a line for each prompt: what a very simple answerer says to a task of a kind. */
function answers(prompts: { task: string; kind: string }[], verdict: 'YES' | 'NO'): string {
  const say = (kind: string) =>
    kind === 'localization'
      ? 'FILES allocate.js END'
      : kind === 'review'
        ? `VERDICT ${verdict}`
        : 'No idea, sorry.';
  return prompts.map((p) => JSON.stringify({ task: p.task, answer: say(p.kind) })).join('\n');
}

/**
 * evaluate-models.png (dark theme): the quick suite's test split downloaded as prompts, two
 * simple answerers' files scored on it (one names allocate.js for every localization, says NO
 * to every patch and "no idea" to the rest; the other the same but YES), the shown one beside
 * the quick demo over the tasks both answered, and both kept side by side.
 */
export async function evaluateModels(shots: Shots, runId: string): Promise<void> {
  const { page, work } = shots;
  // Wide enough for the kept models' table (ten kinds side by side) without scrolling.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page, '/evaluate');
  const models = page.getByTestId('model-panel');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    models.getByTestId('model-prompts').click(),
  ]);
  const prompts = readFileSync(await download.path(), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { task: string; kind: string });
  for (const [file, verdict] of [
    ['guess-allocate.jsonl', 'NO'],
    ['always-yes.jsonl', 'YES'],
  ] as const) {
    writeFileSync(join(work, file), answers(prompts, verdict));
    await models.getByTestId('model-answers-file').setInputFiles(join(work, file));
    await models.getByTestId('model-about').getByText(file).waitFor({ timeout: 120_000 });
  }
  await models.getByTestId('model-run').selectOption(runId);
  const card = page.locator('section.card').filter({ has: models });
  await shoot(shots, 'evaluate-models', { from: card, to: card, pad: 0 });
  await page.emulateMedia({ colorScheme: null });
}
