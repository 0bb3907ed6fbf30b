import { useId } from 'react';
import { KIND_LABELS, type TaskKind } from '../../core/tasks/types';
import type { Difference } from '../../eval/compare';
import type { KindScore } from '../../eval/evaluate';
import type { Estimate, Gain, MeanDifference, PaperGrid, PaperRow } from '../../eval/grid';
import { kindTextColor } from '../../components/skillColors';
import { relativeGain } from '../../eval/gridTables';
import { CellFacts } from '../../components/CellFacts';
import { EstimateCell, known, signed } from './cells';
import { TableScroll } from '../../components/TableScroll';

const plusMinus = (stdErr: number | undefined) =>
  known(stdErr) ? ` ± ${stdErr.toFixed(3)}` : ' (no standard error)';

/** What a score cell says of itself: over how many test tasks, or how a mean was taken. */
function scoreFacts(where: string, s: KindScore | Estimate): string {
  const value = 'meanReward' in s ? s.meanReward : s.value;
  const how =
    'tasks' in s
      ? s.tasks > 0
        ? `the mean reward over ${s.tasks} test tasks`
        : 'the mean reward over its test tasks (how many was not recorded)'
      : 'the mean of the five skills’ scores, its ± taking their errors as independent';
  return `${where}: ${value.toFixed(3)}${plusMinus(s.stdErr)}, ${how}.`;
}

const scoreCell = (testId: string, s: KindScore | Estimate | null | undefined, where: string) => {
  const value = s ? ('meanReward' in s ? s.meanReward : s.value) : null;
  return (
    <EstimateCell
      testId={testId}
      value={value === null ? null : value.toFixed(3)}
      stdErr={s?.stdErr}
      facts={s ? scoreFacts(where, s) : undefined}
    />
  );
};

/** How a mean difference's error was made: from the five skills' errors, paired or not. */
export const meanErrorWords = (paired: number): string =>
  paired === 5
    ? 'its standard error combines the five skills’ as independent, each paired over the test tasks both runs answered'
    : paired === 0
      ? 'its standard error combines the five skills’ as independent, each unpaired (the runs’ task scores are not at hand)'
      : `its standard error combines the five skills’ as independent, ${paired} of them paired over the test tasks both runs answered, the others unpaired (those task scores are not at hand)`;

function differenceCell(
  testId: string,
  d: Difference | MeanDifference | null | undefined,
  where: string,
  what?: string,
  mark = '',
) {
  if (!d) return <EstimateCell testId={testId} value={null} />;
  const diff = 'diff' in d ? d.diff : d.value;
  const value = `${signed(diff)}${'paired' in d ? '' : ' (abs)'}`;
  const parts = [
    `${where}: ${value}${plusMinus(d.stdErr)}`,
    !known(d.stdErr)
      ? ''
      : !('paired' in d)
        ? meanErrorWords(d.pairedSkills)
        : d.paired
          ? `its standard error is paired over the ${d.tasks} test tasks both runs answered`
          : 'its standard error is unpaired (the runs’ task scores are not at hand)',
    known(d.byProject)
      ? `± ${d.byProject.toFixed(3)} with each project’s tasks taken together`
      : '',
    what ?? '',
  ].filter(Boolean);
  return (
    <EstimateCell
      testId={testId}
      value={`${value}${mark}`}
      stdErr={d.stdErr}
      facts={`${parts.join('; ')}.`}
    />
  );
}

/** Signed like the differences beside it: +150%, −33%; absolute where the warm start scored 0. */
const gainText = (g: Gain | null): string | null =>
  !g ? null : 'relative' in g ? relativeGain(g.relative, '−') : `${signed(g.absolute)} (abs)`;

const gainFacts = (row: PaperRow, label: string): string | undefined =>
  row.gain && row.joint && row.warm
    ? `Joint vs warm start on ${label}: ${gainText(row.gain)}, joint RL’s ${row.joint.meanReward.toFixed(3)} against the warm start’s ${row.warm.meanReward.toFixed(3)}${'absolute' in row.gain ? ' (absolute, as the warm start scored 0)' : ''}.`
    : undefined;

const scored = (row: PaperRow) =>
  [row.untrained, row.warm, row.joint, row.single, row.compositeOnly].some(Boolean);

/**
 * The kinds no run of the grid has a score on, while others have: none of their test tasks is
 * of these kinds (a suite without them, say). [] for a grid with no score at all.
 */
export const unscoredKinds = (grid: PaperGrid): TaskKind[] =>
  grid.rows.some(scored) ? grid.rows.filter((r) => !scored(r)).map((r) => r.kind) : [];

/** Said of a kind in `unscoredKinds`, in its row. */
const NO_TASKS = 'no test tasks of this kind in these runs';

const FACTS_PROMPT =
  'Hover, click or tap a score, or Tab into the table and move with the arrow keys, to read here how many test tasks it is over and how its ± was taken.';

/**
 * The paper's table (its Table 1, in miniature): each task kind's test score under each
 * baseline, joint RL minus the single-skill run of the row's skill, and joint RL's gain over the
 * warm start; the means over the five skills at the foot. Under it, the picked cell's facts and
 * what the columns, Avg@k (with `samples`: what k is here) and ± mean.
 */
export function PaperGridTable({ grid, samples }: { grid: PaperGrid; samples: string }) {
  const { mean } = grid;
  const notes = useId();
  const unscored = unscoredKinds(grid);
  return (
    <>
      <CellFacts prompt={FACTS_PROMPT} testId="grid-facts">
        <TableScroll>
          <table className="table paper-grid" data-testid="paper-grid">
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Untrained</th>
                <th scope="col">Warm start</th>
                <th scope="col">Joint RL</th>
                <th scope="col">Single-skill RL (own skill)</th>
                <th scope="col">Composite-only RL</th>
                <th scope="col" aria-describedby={`${notes}-single`}>
                  Joint − single
                </th>
                <th scope="col" aria-describedby={`${notes}-gain`}>
                  Joint vs warm start
                </th>
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((row) => (
                <GridRow key={row.kind} row={row} unscored={unscored.includes(row.kind)} />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Mean of the 5 skills</th>
                {scoreCell(
                  'grid-mean-untrained',
                  mean.untrained,
                  'Untrained, mean of the 5 skills',
                )}
                {scoreCell('grid-mean-warm', mean.warm, 'Warm start, mean of the 5 skills')}
                {scoreCell('grid-mean-joint', mean.joint, 'Joint RL, mean of the 5 skills')}
                <td />
                {scoreCell(
                  'grid-mean-composite-only',
                  mean.compositeOnly,
                  'Composite-only RL, mean of the 5 skills',
                )}
                <td />
                {differenceCell(
                  'grid-mean-gain',
                  mean.gain,
                  'Joint vs warm start, mean of the 5 skills',
                  'joint RL minus the warm start, over the five skills',
                )}
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      </CellFacts>
      {grid.rows.some((r) => r.singleSharedWarmStart === false) && (
        <p className="hint" data-testid="grid-own-warm-start">
          * This single-skill run warm-started on its own skill only (runs trained on the Train page
          do; <code>lab experiment</code> forks every RL run from one warm start), so Joint − single
          compares the two recipes whole, warm start included, not interference alone.
        </p>
      )}
      <ul className="hint grid-notes" data-testid="grid-notes">
        <li id={`${notes}-avg`}>
          <strong>Avg@k</strong>: each score is a final test reward, the mean reward over k sampled
          answers per task, averaged over the test tasks. {samples}
        </li>
        <li>
          <strong>±</strong>: a standard error over those tasks. Joint − single and the mean gain
          are paired over the same tasks when both runs kept every task&apos;s score, else the
          errors are combined as independent: a cell&apos;s line above says which.
        </li>
        <li id={`${notes}-single`}>
          <strong>Joint − single</strong>: joint RL minus the single-skill run of the row&apos;s
          skill; below 0 is what training the skills together cost it.
        </li>
        <li id={`${notes}-gain`}>
          <strong>Joint vs warm start</strong>: joint RL over the warm start, relative, or absolute
          (abs) where the warm start scored 0; on the mean row always the absolute difference of the
          means (abs).
        </li>
      </ul>
    </>
  );
}

/** One task kind's row; `unscored`: no run has a score on it, said in its head. */
function GridRow({ row, unscored }: { row: PaperRow; unscored: boolean }) {
  const atomic = row.jointMinusSingle !== undefined;
  const id = (col: string) => `grid-${row.kind}-${col}`;
  const label = KIND_LABELS[row.kind];
  const on = (column: string) => `${column} on ${label}`;
  return (
    <tr className={atomic ? '' : 'composite-row'}>
      <th scope="row" style={{ color: kindTextColor(row.kind) }}>
        {label}
        {!atomic && <span className="hint"> (composite)</span>}
        {unscored && (
          <div className="hint" data-testid={`grid-${row.kind}-unscored`}>
            {NO_TASKS}
          </div>
        )}
      </th>
      {scoreCell(id('untrained'), row.untrained, on('Untrained'))}
      {scoreCell(id('warm'), row.warm, on('Warm start'))}
      {scoreCell(id('joint'), row.joint, on('Joint RL'))}
      {atomic ? scoreCell(id('single'), row.single, on('Single-skill RL')) : <td />}
      {scoreCell(id('composite-only'), row.compositeOnly, on('Composite-only RL'))}
      {atomic ? (
        differenceCell(
          id('joint-single'),
          row.jointMinusSingle,
          on('Joint − single'),
          row.singleSharedWarmStart === false
            ? 'the single-skill run warm-started on its own skill only: this compares the two recipes whole, not interference alone'
            : undefined,
          row.singleSharedWarmStart === false ? ' *' : '',
        )
      ) : (
        <td />
      )}
      <EstimateCell testId={id('gain')} value={gainText(row.gain)} facts={gainFacts(row, label)} />
    </tr>
  );
}
