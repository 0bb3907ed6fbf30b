// The paper's grid and the interference grid as markdown tables: what `lab experiment` prints and writes to table.md, and what the Evaluate page downloads.
import { ATOMIC_SKILLS } from '../core/tasks/types';
import type { Difference } from './compare';
import type { KindScore } from './evaluate';
import {
  difference,
  meanDifference,
  meanScore,
  paperGrid,
  type Estimate,
  type GridResult,
  type RunFor,
} from './grid';

const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
/**
 * Joint RL's relative gain over the warm start, signed as on the Evaluate page: `+67%`, `-33%`
 * (the page writes its minus as `−`).
 */
export const relativeGain = (relative: number, minus = '-'): string =>
  `${relative >= 0 ? '+' : minus}${Math.abs(relative * 100).toFixed(0)}%`;
/** ` ± 0.045`, or nothing when the error is unknown (absent, or NaN from a single task). */
const plusMinus = (stdErr: number | undefined): string =>
  stdErr === undefined || Number.isNaN(stdErr) ? '' : ` ± ${stdErr.toFixed(3)}`;
const cell = (s: KindScore | undefined): string =>
  s ? `${s.meanReward.toFixed(3)}${plusMinus(s.stdErr)}` : '—';
const estimateCell = (m: Estimate | null): string =>
  m ? `${m.value.toFixed(3)}${plusMinus(m.stdErr)}` : '—';

/** One run's mean score over the five skills, or — unless it scored all five. */
const meanScoreCell = (result: GridResult, name: string): string =>
  estimateCell(meanScore(result, name));

/** ` (± 0.080 by project)`, or nothing when that error is unknown. */
const byProject = (stdErr: number): string =>
  Number.isNaN(stdErr) ? '' : ` (± ${stdErr.toFixed(3)} by project)`;
const diffCell = (d: Difference | null): string =>
  d ? `${signed(d.diff)}${plusMinus(d.stdErr)}${byProject(d.byProject)}` : '—';

/**
 * The paper-style table: rows are the five skills and five composite tasks; columns untrained,
 * warm start, joint RL, single-skill RL on the row's own skill, composite-only, joint RL minus
 * that single-skill run, and the gain of joint RL over warm start. Scores carry their standard
 * error over the test tasks where the runs recorded it; differences are paired over the same
 * tasks where the runs kept every task's score.
 */
export function gridTable(result: GridResult): string {
  const grid = paperGrid(result);
  const header =
    '| Task | Untrained | Warm start | Joint RL | Single-skill RL (own skill) | Composite-only RL | Joint - single | Joint vs warm start |';
  const lines = [header, '|---|---:|---:|---:|---:|---:|---:|---:|'];
  for (const row of grid.rows) {
    const atomic = row.jointMinusSingle !== undefined;
    const single = atomic ? cell(row.single) : '—';
    const vsSingle = atomic ? diffCell(row.jointMinusSingle ?? null) : '';
    const gain = !row.gain
      ? '—'
      : 'relative' in row.gain
        ? relativeGain(row.gain.relative)
        : `${signed(row.gain.absolute)} (abs)`;
    lines.push(
      `| ${row.kind} | ${cell(row.untrained)} | ${cell(row.warm)} | ${cell(row.joint)} | ${single} | ${cell(row.compositeOnly)} | ${vsSingle} | ${gain} |`,
    );
  }
  const { mean } = grid;
  const gainCell = mean.gain
    ? `${signed(mean.gain.value)}${plusMinus(mean.gain.stdErr)}${byProject(mean.gain.byProject)} (abs)`
    : '';
  lines.push(
    `| **mean of 5 skills** | ${estimateCell(mean.untrained)} | ${estimateCell(mean.warm)} | ${estimateCell(mean.joint)} | | ${estimateCell(mean.compositeOnly)} | | ${gainCell} |`,
  );
  // The by-project error is explained only when a cell gives one.
  const byProjectNote = lines.some((l) => l.includes(' by project)'))
    ? ' "By project" is the paired error with each project\'s tasks taken together (cluster-robust: tasks made from one project need not be independent; with the few projects of a test split, this estimate is rough itself).'
    : '';
  lines.push(
    '',
    `± is a standard error over the test tasks (each task scored by its mean reward over the samples); the mean of 5 skills combines the five as independent; "Joint - single" and the mean gain over the warm start are paired over the same tasks where the runs kept every task's score. "Joint vs warm start" is relative (+50%: half as much again), or the absolute difference (abs) where the warm start scored 0; on the mean row it is always the absolute difference of the means (abs).${byProjectNote}`,
  );
  return lines.join('\n');
}

/**
 * The interference table: for each skill, joint RL beside its single-skill run of as many steps
 * and its single-skill run of as many tasks of that skill (`matched-<skill>`), and the paired
 * differences that split a gap: joint - matched is what the other skills' updates cost (the
 * same data of this skill either way), matched - single what a smaller share of each batch
 * costs (the same skill alone, fewer tasks). Differences are paired over the same tasks where
 * both runs kept every task's score.
 */
export function interferenceTable(result: GridResult): string {
  const runs = result.runs;
  const lines = [
    "| Skill | Warm start | Joint RL | Single-skill RL (same steps) | Single-skill RL (joint's share) | Joint - single | Joint - matched (interference) | Matched - single (share) |",
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const skill of ATOMIC_SKILLS) {
    const [single, matched] = [`single-${skill}`, `matched-${skill}`];
    lines.push(
      `| ${skill} | ${cell(runs['warm-start']?.scores[skill])} | ${cell(runs['joint-rl']?.scores[skill])} | ${cell(runs[single]?.scores[skill])} | ${cell(runs[matched]?.scores[skill])} | ${diffCell(difference(result, 'joint-rl', single, skill))} | ${diffCell(difference(result, 'joint-rl', matched, skill))} | ${diffCell(difference(result, matched, single, skill))} |`,
    );
  }
  // The scores of single and matched runs come from five runs, so only differences are averaged.
  const joint: RunFor = () => 'joint-rl';
  const single: RunFor = (k) => `single-${k}`;
  const matched: RunFor = (k) => `matched-${k}`;
  const meanCell = (a: RunFor, b: RunFor): string => {
    const m = meanDifference(result, a, b);
    return m ? `${signed(m.value)}${plusMinus(m.stdErr)}${byProject(m.byProject)}` : '—';
  };
  lines.push(
    `| **mean of 5 skills** | ${meanScoreCell(result, 'warm-start')} | ${meanScoreCell(result, 'joint-rl')} | | | ${meanCell(joint, single)} | ${meanCell(joint, matched)} | ${meanCell(matched, single)} |`,
  );
  lines.push(
    '',
    "Every RL run forks from the same warm start and trains as many steps. A single-skill run of the same steps draws all of a step's tasks from its skill; the matched one draws as many as a joint step draws of that skill (its share of the mix), so it sees the same amount of its skill's data as joint RL. Joint - matched below zero is interference (the other skills' updates cost this skill); matched - single below zero is the cost of the smaller share. The mean row averages each difference over the five skills (only when all five have both runs), combining them as independent, and by project with every task's paired difference. ± as in the paper table: standard errors over the test tasks, differences paired over the same tasks where the runs kept every task's score.",
  );
  return lines.join('\n');
}
