import { KIND_LABELS, TASK_KINDS, type TaskKind } from '../../core/tasks/types';
import type { Difference } from '../../eval/compare';
import { kindsText, type TransferRow } from '../../eval/transfer';
import { kindTextColor } from '../../components/skillColors';
import { CellFacts } from '../../components/CellFacts';
import { EstimateCell, signed } from './cells';
import { TableScroll } from '../../components/TableScroll';

/** How a gain reads: clearly up or down (more than two errors from 0), or not told apart. */
function clarity(d: Difference): 'up' | 'down' | 'unclear' {
  if (Number.isNaN(d.stdErr) || Math.abs(d.diff) <= 2 * d.stdErr) return 'unclear';
  return d.diff > 0 ? 'up' : 'down';
}

/** What a transfer cell says of itself: the difference, how it was paired, and what it shows. */
function transferFacts(row: TransferRow, kind: TaskKind, own: boolean): string {
  const d = row.gains[kind];
  if (!d) return `${row.name} on ${KIND_LABELS[kind]}: not scored by both it and the warm start.`;
  const error = Number.isNaN(d.stdErr) ? '' : ` ± ${d.stdErr.toFixed(3)}`;
  const pairing = d.paired ? `paired over ${d.tasks} test tasks` : 'unpaired';
  const start =
    row.sharedWarmStart === false
      ? '; it warm-started on its own skills only, so this includes that difference'
      : row.sharedWarmStart === null
        ? '; where its warm start began is not recorded'
        : '';
  return `${row.name} minus the warm start on ${KIND_LABELS[kind]}: ${signed(d.diff)}${error} (${pairing}); ${own ? 'it trained on this' : 'it never trained on this'}${start}.`;
}

const FACTS_PROMPT =
  'Hover, click or tap a cell, or Tab into the table and move with the arrow keys, to read here how its difference was paired and whether the run trained on that kind.';

/**
 * Transfer between skills: each RL run's test score minus the warm start's, on every task kind.
 * The run's own training kinds are outlined; a clear gain (more than two standard errors from
 * 0) is tinted green, a clear loss red. `unscored`: kinds no run has a score on, said so.
 */
export function TransferTable({
  rows,
  unscored = [],
}: {
  rows: readonly TransferRow[];
  unscored?: readonly TaskKind[];
}) {
  if (rows.length === 0)
    return (
      <p className="hint" data-testid="transfer-none">
        No transfer to show: it needs the warm start and at least one RL run of the grid.
      </p>
    );
  return (
    <CellFacts prompt={FACTS_PROMPT} testId="transfer-facts">
      <TableScroll>
        <table className="table transfer-table" data-testid="transfer-table">
          <thead>
            <tr>
              <th scope="col">Run (trained on)</th>
              {TASK_KINDS.map((kind) => (
                <th key={kind} scope="col" style={{ color: kindTextColor(kind) }}>
                  {KIND_LABELS[kind]}
                  {unscored.includes(kind) && <div className="hint">no test tasks</div>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name}>
                <th scope="row">
                  {row.name}
                  <div className="hint" data-testid={`transfer-${row.name}-trained-on`}>
                    {kindsText(row.trainedOn)}
                  </div>
                  {row.sharedWarmStart !== true && (
                    <div className="hint" data-testid={`transfer-${row.name}-caveat`}>
                      {row.sharedWarmStart === false
                        ? 'own warm start: not transfer alone'
                        : 'warm start not recorded'}
                    </div>
                  )}
                </th>
                {TASK_KINDS.map((kind) => {
                  const d = row.gains[kind] ?? null;
                  const own = row.trainedOn.includes(kind);
                  // A run that did not start where the warm start did: its gains are not transfer.
                  const how = d && row.sharedWarmStart === true ? clarity(d) : null;
                  return (
                    <EstimateCell
                      key={kind}
                      className={[own ? 'transfer-own' : '', how ? `transfer-${how}` : '']
                        .filter(Boolean)
                        .join(' ')}
                      testId={`transfer-${row.name}-${kind}`}
                      facts={
                        d || !unscored.includes(kind) ? transferFacts(row, kind, own) : undefined
                      }
                      value={d ? signed(d.diff) : null}
                      stdErr={d?.stdErr}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </CellFacts>
  );
}
