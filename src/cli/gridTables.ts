// The tables `lab experiment` prints from a results.json: the paper's grid and the interference grid.
import { ATOMIC_SKILLS, TASK_KINDS, type TaskKind } from '../core/tasks/types';
import {
  clusteredStdErr,
  meanOfEstimates,
  pairedDifference,
  projectCluster,
  taskDifferences,
  unpairedDifference,
  type Difference,
} from '../eval/compare';
import type { KindScore } from '../eval/evaluate';
import type { GridResult } from './gridResult';

const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
/** ` ± 0.045`, or nothing when the error is unknown (absent, or NaN from a single task). */
const plusMinus = (stdErr: number | undefined): string =>
  stdErr === undefined || Number.isNaN(stdErr) ? '' : ` ± ${stdErr.toFixed(3)}`;
const cell = (s: KindScore | undefined): string =>
  s ? `${s.meanReward.toFixed(3)}${plusMinus(s.stdErr)}` : '—';

/** One run's mean score over the five skills, or — unless it scored all five. */
function meanScoreCell(result: GridResult, name: string): string {
  const parts = ATOMIC_SKILLS.map((k) => result.runs[name]?.scores[k]);
  if (!parts.every((p) => p !== undefined)) return '—';
  const m = meanOfEstimates(
    parts.map((p) => ({ value: p.meanReward, stdErr: p.stdErr ?? Number.NaN })),
  )!;
  return `${m.value.toFixed(3)}${plusMinus(m.stdErr)}`;
}

/** A run's name for each skill: one run for all (`joint-rl`), or one per skill (`single-<skill>`). */
type RunFor = (skill: TaskKind) => string;

/**
 * The by-project error of the mean over the five skills of run `a` minus run `b`, from every
 * task's paired difference (the skills share the test split's projects, so they are not
 * independent either). NaN unless both runs kept every skill's task scores.
 */
function meanDifferenceByProject(result: GridResult, a: RunFor, b: RunFor): number {
  const groups = ATOMIC_SKILLS.map((k) => {
    const [pa, pb] = [result.runs[a(k)]?.perTask?.[k], result.runs[b(k)]?.perTask?.[k]];
    return pa && pb ? taskDifferences(pa, pb) : [];
  });
  return groups.some((g) => g.length === 0) ? Number.NaN : clusteredStdErr(groups, projectCluster);
}

/** The mean over the five skills of run `a` minus run `b`, or null unless all five exist. */
function meanDifference(
  result: GridResult,
  a: RunFor,
  b: RunFor,
): { value: number; stdErr: number; byProject: number } | null {
  const diffs = ATOMIC_SKILLS.map((k) => difference(result, a(k), b(k), k));
  if (!diffs.every((d) => d !== null)) return null;
  const m = meanOfEstimates(diffs.map((d) => ({ value: d.diff, stdErr: d.stdErr })))!;
  return { ...m, byProject: meanDifferenceByProject(result, a, b) };
}

/** Run `a`'s score on `kind` minus run `b`'s: paired over tasks when both kept them. */
function difference(result: GridResult, a: string, b: string, kind: TaskKind): Difference | null {
  const [ra, rb] = [result.runs[a], result.runs[b]];
  const [sa, sb] = [ra?.scores[kind], rb?.scores[kind]];
  if (!sa || !sb) return null;
  const [pa, pb] = [ra?.perTask?.[kind], rb?.perTask?.[kind]];
  return (
    (pa && pb ? pairedDifference(pa, pb) : null) ??
    unpairedDifference(sa, sb) ?? {
      diff: sa.meanReward - sb.meanReward,
      stdErr: Number.NaN,
      byProject: Number.NaN,
      tasks: Math.min(sa.tasks, sb.tasks),
      paired: false,
    }
  );
}

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
  const runs = result.runs;
  const header =
    '| Task | Untrained | Warm start | Joint RL | Single-skill RL (own skill) | Composite-only RL | Joint - single | Joint vs warm start |';
  const lines = [header, '|---|---:|---:|---:|---:|---:|---:|---:|'];
  for (const kind of TASK_KINDS) {
    const warm = runs['warm-start']?.scores[kind];
    const joint = runs['joint-rl']?.scores[kind];
    const atomic = (ATOMIC_SKILLS as readonly string[]).includes(kind);
    const single = atomic ? cell(runs[`single-${kind}`]?.scores[kind]) : '—';
    const vsSingle = atomic ? diffCell(difference(result, 'joint-rl', `single-${kind}`, kind)) : '';
    const gain =
      warm && joint
        ? warm.meanReward > 0
          ? `${(((joint.meanReward - warm.meanReward) / warm.meanReward) * 100).toFixed(0)}%`
          : `${signed(joint.meanReward - warm.meanReward)} (abs)`
        : '—';
    lines.push(
      `| ${kind} | ${cell(runs.untrained?.scores[kind])} | ${cell(warm)} | ${cell(joint)} | ${single} | ${cell(runs['composite-only']?.scores[kind])} | ${vsSingle} | ${gain} |`,
    );
  }
  const mean = (name: string): string => meanScoreCell(result, name);
  const meanGain = meanDifference(
    result,
    () => 'joint-rl',
    () => 'warm-start',
  );
  const gainCell = meanGain
    ? `${signed(meanGain.value)}${plusMinus(meanGain.stdErr)}${byProject(meanGain.byProject)} (abs)`
    : '';
  lines.push(
    `| **mean of 5 skills** | ${mean('untrained')} | ${mean('warm-start')} | ${mean('joint-rl')} | | ${mean('composite-only')} | | ${gainCell} |`,
  );
  lines.push(
    '',
    '± is a standard error over the test tasks (each task scored by its mean reward over the samples); the mean of 5 skills combines the five as independent; "Joint - single" and the mean gain over the warm start are paired over the same tasks where the runs kept every task\'s score. "By project" is the paired error with each project\'s tasks taken together (cluster-robust: tasks made from one project need not be independent; with the few projects of a test split, this estimate is rough itself).',
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
