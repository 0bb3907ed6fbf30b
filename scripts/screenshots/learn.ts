// The Learn page played by a person: the first bug's file found, its code fixed, bug fixing graded.
import { applyEdits } from '../../src/core/answers/apply';
import type { Task } from '../../src/core/tasks/types';
import { bugCatalog, decomposeBug } from '../../src/learn/decompose';
import { open, shoot, type Shots } from './session';

/**
 * learn-bugfix.png: the bug the page opens on (the first held-out one), its localization answer
 * (the files the gold fix changes, ticked) and editing answer (the gold fix typed over the file)
 * joined into bug fixing and checked: reward 1, with the verifier's facts and sandbox run, and
 * the quick demo's own test answers to it beside. `tasks`: the quick suite, whole (the oracle).
 */
export async function learnBugfix(shots: Shots, tasks: Task[]): Promise<void> {
  const { page } = shots;
  const full = (id: string): Task => tasks.find((t) => t.id === id)!;
  const bug = decomposeBug(tasks, bugCatalog(tasks)[0]!.id)!;
  const localization = full(bug.localization.id);
  const editing = full(bug.editing.id);
  if (localization.gold.kind !== 'files' || editing.gold.kind !== 'edits')
    throw new Error(`bug ${bug.bug.id}: no gold files or edits`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page, '/learn');
  const learn = page.getByTestId('learn-page');
  await learn
    .getByTestId('learn-bug')
    .and(page.locator(`[data-bug="${bug.bug.id}"]`))
    .waitFor();

  // Find the file: the files the fix changes, ticked.
  await learn.getByTestId('learn-step-localization').click();
  const picks = learn.getByTestId('learn-file-picks');
  for (const file of localization.gold.files)
    await picks.getByRole('checkbox', { name: file, exact: true }).check();
  await learn.getByTestId('learn-localization-check').click();
  await learn.getByTestId('learn-localization-reward').getByText('Reward 1').waitFor();

  // Fix the code: the fixed file typed over the buggy one (as text), then back to the editor.
  await learn.getByTestId('learn-step-editing').click();
  const file = editing.focus!.file;
  const fixed = applyEdits(editing.files, editing.gold.edits)[file]!;
  await page.getByTestId('code-view-text').click();
  await learn.getByTestId('learn-editor-text').fill(fixed);
  await page.getByTestId('code-view-editor').click();
  await learn.getByTestId('learn-editing-check').click();
  await learn.getByTestId('learn-editing-reward').getByText('Reward 1').waitFor();

  // Bug fixing: the two answers as one episode.
  await learn.getByTestId('learn-step-bugfix').click();
  await learn.getByTestId('learn-bugfix-check').click();
  await learn.getByTestId('learn-bugfix-reward').getByText('Reward 1').waitFor();
  await learn.getByTestId('learn-bugfix-runs').waitFor();
  // How this browser's runs answered it: the quick demo's test evaluation did.
  await learn.getByTestId('learn-bugfix-policies').locator('summary').click();
  await learn.getByTestId('learn-bugfix-policy-answers-row').first().waitFor();
  await shoot(shots, 'learn-bugfix', { from: null, to: learn });
}
