import type { Locator } from '@playwright/test';
import { applyEdits } from '../src/core/answers/apply';
import { renderAnswer } from '../src/core/answers/text';
import { stepsOf } from '../src/core/skills/shape';
import { ATOMIC_SKILLS, TASK_KINDS, type Task } from '../src/core/tasks/types';
import { diffFiles } from '../src/core/vfs';

const COLUMNS = ['untrained', 'warm', 'joint', 'single', 'composite-only', 'joint-single', 'gain'];

/** A task's gold answer as a model might write it: prose around it, its edits as a diff. */
export function modelText(task: Task): string {
  const steps = stepsOf(task.gold).map((step) =>
    step.kind === 'edits'
      ? `The fix:\n\n\`\`\`diff\n${diffFiles(task.files, applyEdits(task.files, step.edits))}\`\`\``
      : renderAnswer(step),
  );
  return `Looking at the repository, my answer:\n\n${steps.join('\n\n')}\n`;
}

const TRANSFER_RUNS = [...ATOMIC_SKILLS.map((k) => `single-${k}`), 'joint-rl', 'composite-only'];

/** Every cell of the grid's table, by kind and column (the mean row too), and of transfer. */
export async function gridTexts(page: Locator): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  const read = async (id: string) => {
    const cell = page.getByTestId(id);
    if ((await cell.count()) > 0) texts[id] = (await cell.innerText()).trim();
  };
  for (const kind of [...TASK_KINDS, 'mean'])
    for (const column of COLUMNS) await read(`grid-${kind}-${column}`);
  for (const run of TRANSFER_RUNS)
    for (const kind of TASK_KINDS) await read(`transfer-${run}-${kind}`);
  return texts;
}

/**
 * The grid's run pickers whose shown label does not fit the select (its text measured in the
 * select's own font, against the room left of the drop-down arrow): `[]` when every label shows.
 */
export async function cutPickLabels(picks: Locator): Promise<string[]> {
  return picks.locator('select').evaluateAll((selects) => {
    const context = document.createElement('canvas').getContext('2d')!;
    return (selects as HTMLSelectElement[]).flatMap((select) => {
      const style = getComputedStyle(select);
      context.font = style.font;
      const text = select.selectedOptions[0]?.text ?? '';
      const room =
        select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      return context.measureText(text).width > room ? [text] : [];
    });
  });
}
