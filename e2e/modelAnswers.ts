/** The Evaluate page's external models in the e2e: a model's replies, and its table's rows checked. */
import type { Locator } from '@playwright/test';
import type { Task, TaskKind } from '../src/core/tasks/types';
import { pairedDifference } from '../src/eval/compare';
import type { PerTaskScores } from '../src/eval/evaluate';
import type { GridResult } from '../src/eval/grid';
import { standardError } from '../src/eval/stats';
import { modelText } from './evaluatePage';
import { expect } from './fixtures';

/** What `lab eval --answers --json --per-task` prints of a model's answers. */
export interface ModelScores {
  bySkill: GridResult['runs'][string]['scores'];
  perTask: PerTaskScores;
  unreadCount: number;
}

/**
 * A model's replies to two of each kind's tasks a run was tested on: the gold answer in prose for
 * the first, "no idea" for the second; and one to a task not in the suite.
 */
export function modelReplies(
  tested: PerTaskScores,
  suiteTasks: readonly Task[],
): { task: string; answer: string }[] {
  const replies = Object.values(tested).flatMap((byTask) =>
    Object.keys(byTask)
      .slice(0, 2)
      .map((id, i) => {
        const task = suiteTasks.find((t) => t.id === id)!;
        return { task: id, answer: i === 0 ? modelText(task) : 'No idea, sorry.' };
      }),
  );
  replies.push({ task: 'review:nowhere:0', answer: 'VERDICT NO' });
  return replies;
}

/** A mean with its standard error as a cell shows it (none from one task); `n` after the mean. */
function estimate(xs: number[], n = ''): string {
  const se = standardError(xs);
  return `${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3)}${n}${Number.isNaN(se) ? '' : `± ${se.toFixed(3)}`}`;
}

/**
 * One kind's row of the model table: the model's score as Node scored it, each side's mean over
 * the tasks both answered, and the model minus the run paired over them.
 */
export async function expectModelRow(
  models: Locator,
  kind: TaskKind,
  model: ModelScores,
  tested: PerTaskScores,
): Promise<void> {
  const s = model.bySkill[kind]!;
  await expect(models.getByTestId(`model-${kind}-score`)).toHaveText(
    `${s.meanReward.toFixed(3)}${s.stdErr === undefined ? '' : `± ${s.stdErr.toFixed(3)}`}`,
  );
  const mine = model.perTask[kind]!;
  const theirs = Object.keys(mine).map((id) => tested[kind]![id]!);
  await expect(models.getByTestId(`model-${kind}-shared`)).toHaveText(
    estimate(Object.values(mine), ` (${theirs.length})`),
  );
  await expect(models.getByTestId(`model-${kind}-run`)).toHaveText(estimate(theirs));
  const d = pairedDifference(mine, tested[kind]!)!;
  await expect(models.getByTestId(`model-${kind}-diff`)).toHaveText(
    `${d.diff >= 0 ? '+' : '−'}${Math.abs(d.diff).toFixed(3)}${Number.isNaN(d.stdErr) ? '' : `± ${d.stdErr.toFixed(3)}`}`,
  );
}
