import { proposedEdits, proposedPatch } from '../src/features/train/components/proposedPatch';
import { expect, type App } from './fixtures';
import { quickSuiteTasks } from './labCli';
import type { Stored } from './trainStore';

/**
 * Text as Monaco shows it, whitespace left out: long lines wrap (each wrapped piece its own view
 * line, at a space), and its spaces are non-breaking. Compare `squashed` on both sides.
 */
export const squashed = (text: string): string => text.replace(/[\s\u00a0]+/g, '');

/**
 * A composite answer whose edits the grader did not apply, opened on the Episodes page: no
 * patch, why, and what the edits would have changed worked out again against the task's files
 * (or why they do not apply), as proposedPatch makes it here in Node.
 */
export async function expectUnappliedEdits(
  app: App,
  runId: string,
  tested: Stored['episodes'],
): Promise<void> {
  const unapplied = tested.find(
    (e) => e.valid && !e.rendering?.patch && proposedEdits(e.answerText).length > 0,
  );
  expect(unapplied, 'a test answer whose edits were not applied').toBeDefined();
  const taskFiles = quickSuiteTasks().find((t) => t.id === unapplied!.taskId)!.files;
  const expected = proposedPatch(taskFiles, proposedEdits(unapplied!.answerText));
  await app.open('/episodes', { run: runId, episode: String(unapplied!.id) });
  const trace = app.page.getByTestId('episodes-page').getByTestId('episode-trace');
  await expect(trace.getByTestId('episode-no-patch')).toContainText('not applied');
  const proposed = trace.getByTestId('episode-proposed');
  if ('error' in expected) {
    await expect(proposed.getByTestId('episode-proposed-error')).toHaveText(
      `They do not apply to the task's files: ${expected.error}`,
    );
    return;
  }
  await trace.getByTestId('code-view-text').click();
  await expect(proposed.getByTestId('episode-proposed-patch')).toHaveText(
    expected.patch.trimEnd().split('\n').join(''),
  );
  await trace.getByTestId('code-view-editor').click();
}
