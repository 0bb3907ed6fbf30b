import { KIND_LABELS } from '../../core/tasks/types';
import type { Difference } from '../../eval/compare';
import type { KindScore } from '../../eval/evaluate';
import type { Estimate, Gain, MeanDifference, PaperGrid } from '../../eval/grid';
import { kindTextColor } from '../../components/skillColors';
import { relativeGain } from '../../eval/gridTables';
import { EstimateCell, known, signed } from './cells';

const scoreCell = (testId: string, s: KindScore | Estimate | null | undefined, of?: string) => {
  const value = s ? ('meanReward' in s ? s.meanReward : s.value) : null;
  const title =
    s && 'tasks' in s && s.tasks > 0
      ? `${of ? `${of}: ` : ''}mean reward over ${s.tasks} test tasks`
      : undefined;
  return (
    <EstimateCell
      testId={testId}
      value={value === null ? null : value.toFixed(3)}
      stdErr={s?.stdErr}
      {...(title ? { title } : {})}
    />
  );
};

function differenceCell(
  testId: string,
  d: Difference | MeanDifference | null | undefined,
  what?: string,
  mark = '',
) {
  if (!d) return <EstimateCell testId={testId} value={null} />;
  const diff = 'diff' in d ? d.diff : d.value;
  const parts = [
    what ?? '',
    !known(d.stdErr)
      ? 'no standard error'
      : !('paired' in d)
        ? 'standard error: the five skills’ combined as independent'
        : d.paired
          ? `standard error paired over the ${d.tasks} test tasks both runs answered`
          : 'unpaired standard error (the runs’ task scores are not at hand)',
    known(d.byProject)
      ? `± ${d.byProject.toFixed(3)} with each project’s tasks taken together`
      : '',
  ].filter(Boolean);
  return (
    <EstimateCell
      testId={testId}
      value={`${signed(diff)}${'paired' in d ? '' : ' (abs)'}${mark}`}
      stdErr={d.stdErr}
      title={parts.join('; ')}
    />
  );
}

/** Signed like the differences beside it: +150%, −33%; absolute where the warm start scored 0. */
const gainText = (g: Gain | null): string | null =>
  !g ? null : 'relative' in g ? relativeGain(g.relative, '−') : `${signed(g.absolute)} (abs)`;

/**
 * The paper's table (its Table 1, in miniature): each task kind's test score under each
 * baseline, joint RL minus the single-skill run of the row's skill, and joint RL's gain over the
 * warm start; the means over the five skills at the foot.
 */
export function PaperGridTable({ grid }: { grid: PaperGrid }) {
  const { mean } = grid;
  return (
    <div className="table-scroll">
      <table className="table paper-grid" data-testid="paper-grid">
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Untrained</th>
            <th scope="col">Warm start</th>
            <th scope="col">Joint RL</th>
            <th scope="col">Single-skill RL (own skill)</th>
            <th scope="col">Composite-only RL</th>
            <th
              scope="col"
              title="Joint RL minus the single-skill run of the row's skill: below 0 is what training the skills together cost it."
            >
              Joint − single
            </th>
            <th
              scope="col"
              title="Joint RL over the warm start: relative, or absolute (abs) where the warm start scored 0; on the mean row always the absolute difference of the means (abs)."
            >
              Joint vs warm start
            </th>
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => {
            const atomic = row.jointMinusSingle !== undefined;
            const id = (col: string) => `grid-${row.kind}-${col}`;
            return (
              <tr key={row.kind} className={atomic ? '' : 'composite-row'}>
                <th scope="row" style={{ color: kindTextColor(row.kind) }}>
                  {KIND_LABELS[row.kind]}
                  {!atomic && <span className="hint"> (composite)</span>}
                </th>
                {scoreCell(id('untrained'), row.untrained)}
                {scoreCell(id('warm'), row.warm)}
                {scoreCell(id('joint'), row.joint)}
                {atomic ? scoreCell(id('single'), row.single) : <td />}
                {scoreCell(id('composite-only'), row.compositeOnly)}
                {atomic ? (
                  differenceCell(
                    id('joint-single'),
                    row.jointMinusSingle,
                    row.singleSharedWarmStart === false
                      ? 'The single-skill run warm-started on its own skill only: this compares the two recipes whole, not interference alone'
                      : undefined,
                    row.singleSharedWarmStart === false ? ' *' : '',
                  )
                ) : (
                  <td />
                )}
                <EstimateCell testId={id('gain')} value={gainText(row.gain)} />
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Mean of the 5 skills</th>
            {scoreCell('grid-mean-untrained', mean.untrained)}
            {scoreCell('grid-mean-warm', mean.warm)}
            {scoreCell('grid-mean-joint', mean.joint)}
            <td />
            {scoreCell('grid-mean-composite-only', mean.compositeOnly)}
            <td />
            {differenceCell(
              'grid-mean-gain',
              mean.gain,
              'Joint RL minus the warm start, over the five skills',
            )}
          </tr>
        </tfoot>
      </table>
      {grid.rows.some((r) => r.singleSharedWarmStart === false) && (
        <p className="hint" data-testid="grid-own-warm-start">
          * This single-skill run warm-started on its own skill only (runs trained on the Train page
          do; <code>lab experiment</code> forks every RL run from one warm start), so Joint − single
          compares the two recipes whole, warm start included, not interference alone.
        </p>
      )}
    </div>
  );
}
