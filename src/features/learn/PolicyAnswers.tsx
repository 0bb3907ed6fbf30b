import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { readTaskEpisodes } from '../../bridge/learn';
import { useRead } from '../../components/useRead';
import type { RunEpisodeSummary } from '../../protocol/episodes';
import { useApp } from '../../state/hooks';
import { formatValue } from '../train/components/format';
import { TASK_EPISODES_LIMIT } from '../../protocol/episodes';
import { answerBatches } from './policyAnswers';
import { TableScroll } from '../../components/TableScroll';

type Read = { ok: true; rows: RunEpisodeSummary[] } | { ok: false; reason: string };
const failed = (reason: string): Read => ({ ok: false, reason });

function AnswersTable({ taskId, testId }: { taskId: string; testId: string }) {
  const read = useCallback(
    () => readTaskEpisodes([taskId]).then((rows): Read => ({ ok: true, rows })),
    [taskId],
  );
  const got = useRead(read, failed, 'the runs’ answers');
  const runs = useApp((s) => s.train.runs);
  const batches = useMemo(
    () =>
      got?.ok
        ? answerBatches(
            got.rows,
            runs.map((r) => r.id),
          )
        : [],
    [got, runs],
  );
  if (got === undefined) return <p className="hint">Reading the runs’ answers…</p>;
  if (!got.ok)
    return (
      <p className="error" role="alert">
        {got.reason}
      </p>
    );
  if (batches.length === 0)
    return (
      <p className="hint" data-testid={`${testId}-none`}>
        No run in this browser has a stored answer to this task. A run stores its final test
        evaluation’s answers, to the test tasks it drew (its “test tasks per kind” of each kind, so
        not every test-split bug), and every group of every fifth training step.
      </p>
    );
  const name = (runId: string) => runs.find((r) => r.id === runId)?.name ?? runId;
  return (
    <TableScroll>
      {got.rows.length >= TASK_EPISODES_LIMIT && (
        <p className="hint">The newest {TASK_EPISODES_LIMIT} stored answers.</p>
      )}
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">run</th>
            <th scope="col">when</th>
            <th scope="col">answers (× how often) and their rewards</th>
            <th scope="col">mean reward</th>
            <th scope="col">trace</th>
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => (
            <tr key={`${b.runId}:${b.source}:${b.step}`} data-testid={`${testId}-row`}>
              <td>{name(b.runId)}</td>
              <td>{b.when}</td>
              <td>
                {b.answers.map((a, i) => (
                  <div key={i}>
                    <code className="learn-policy-answer">{a.text}</code> ×{a.count} · reward{' '}
                    {a.reward}
                  </div>
                ))}
              </td>
              <td className="num">{formatValue(b.meanReward, 2)}</td>
              <td>
                <Link to={`/episodes?run=${encodeURIComponent(b.runId)}&episode=${b.firstEpisode}`}>
                  open
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** How this browser's runs answered the task, read when opened; each batch opens in the trace viewer. */
export function PolicyAnswers({ taskId, testId }: { taskId: string; testId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="learn-policy"
      data-testid={`${testId}-policies`}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        How this browser’s runs answered it (their answers and rewards: a rewarded one gives the
        answer away)
      </summary>
      {open && <AnswersTable taskId={taskId} testId={`${testId}-policy-answers`} />}
    </details>
  );
}
