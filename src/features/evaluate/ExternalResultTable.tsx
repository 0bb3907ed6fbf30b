import { KIND_LABELS, SPLIT_LABELS, TASK_KINDS } from '../../core/tasks/types';
import { pairedDifference } from '../../eval/compare';
import type { ExternalEvalResult } from '../../protocol/external';
import { plural } from '../../protocol/plural';
import { EstimateCell, signed } from './cells';
import { TableScroll } from '../../components/TableScroll';

/**
 * Each kind's score under each run, and the first run minus the second, paired over the tasks;
 * `earlier` heads it when it is not the last evaluation asked for (one going, or cancelled).
 */
export function ExternalResultTable({
  result,
  earlier,
}: {
  result: ExternalEvalResult;
  earlier: string | null;
}) {
  const kinds = TASK_KINDS.filter((k) => result.tasks[k] !== undefined);
  const [a, b] = result.runs;
  return (
    <div data-testid="external-result">
      <p className="hint">
        {earlier && <strong data-testid="external-earlier">{earlier} </strong>}
        {result.fileName} ({result.format}
        {result.split && `, ${SPLIT_LABELS[result.split]} split`}):{' '}
        {kinds.map((k) => `${result.tasks[k]} ${KIND_LABELS[k]}`).join(', ')}{' '}
        {kinds.reduce((n, k) => n + (result.tasks[k] ?? 0), 0) === 1 ? 'task' : 'tasks'};{' '}
        {plural(result.samples, 'answer')} a task, seed {result.seed}.
        {result.notGiven?.map((k) => (
          <span key={k} data-testid={`external-not-given-${k}`}>
            {' '}
            {KIND_LABELS[k]}: this file gives none.
          </span>
        ))}
      </p>
      <TableScroll>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Task kind</th>
              {result.runs.map((r) => (
                <th key={r.runId} scope="col">
                  {r.name} <span className="hint">@ step {r.step}</span>
                </th>
              ))}
              {a && b && (
                <th scope="col" title="Paired over the same tasks.">
                  {a.name} − {b.name}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {kinds.map((k) => {
              const d = a && b ? pairedDifference(a.perTask[k] ?? {}, b.perTask[k] ?? {}) : null;
              return (
                <tr key={k}>
                  <th scope="row">{KIND_LABELS[k]}</th>
                  {result.runs.map((r, i) => {
                    const s = r.bySkill[k];
                    return (
                      <EstimateCell
                        key={r.runId}
                        testId={`external-${k}-${i}`}
                        value={s ? s.meanReward.toFixed(3) : null}
                        stdErr={s?.stdErr}
                      />
                    );
                  })}
                  {a && b && (
                    <EstimateCell
                      testId={`external-${k}-diff`}
                      value={d ? signed(d.diff) : null}
                      stdErr={d?.stdErr}
                    />
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {result.runs
        .filter((r) => r.error)
        .map((r) => (
          <p key={r.runId} className="error" data-testid="external-run-error">
            {r.name} has no scores: {r.error}
          </p>
        ))}
      {result.skipped.length > 0 && (
        <details data-testid="external-skipped">
          <summary>{result.skipped.length} left out</summary>
          <ul>
            {result.skipped.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
