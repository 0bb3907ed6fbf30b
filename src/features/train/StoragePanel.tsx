import { useCallback, useEffect, useState } from 'react';
import {
  clearSuiteCache,
  pruneStored,
  storageDetails,
  undoDropEpisodes,
  type StorageOutcome,
} from '../../bridge/storage';
import { formatBytes, storageLevel, type StorageReport } from '../../protocol/storage';
import { appStore } from '../../state/appStore';
import { useApp, useTrainActions } from '../../state/hooks';
import { StorageOutcomeView } from './StorageOutcome';
import { useStorageOutcome } from './useStorageOutcome';
import { TableScroll } from '../../components/TableScroll';

const total = (r: StorageReport['runs'][number]): number => r.metrics + r.checkpoints + r.episodes;

/** "x of y used (z %)", or what is known of it. */
export function usageText(usage: number | null, quota: number | null): string {
  if (usage === null) return 'usage unknown (this browser does not estimate it)';
  if (quota === null || quota <= 0) return `${formatBytes(usage)} used`;
  return `${formatBytes(usage)} of ${formatBytes(quota)} used (${((100 * usage) / quota).toFixed(usage / quota < 0.01 ? 2 : 0)} %)`;
}

/** A warning above the charts when the browser's storage for the app is nearly full. */
export function StorageWarning() {
  const storage = useApp((s) => s.train.storage);
  const actions = useTrainActions();
  const level = storageLevel(storage?.usage ?? null, storage?.quota ?? null);
  if (!storage || level === 'ok') return null;
  return (
    <p className="error" role="alert" data-testid="storage-warning" data-level={level}>
      Storage is {level === 'full' ? 'full' : 'nearly full'}:{' '}
      {usageText(storage.usage, storage.quota)}. A run that cannot save stops and keeps everything
      up to its last checkpoint.{' '}
      <button type="button" onClick={() => actions.showStorage(true)}>
        See what each run uses
      </button>
    </p>
  );
}

/** What each run stores, with ways to free space that keep every curve. */
export function StoragePanel({ undoMs = 10_000 }: { undoMs?: number }) {
  const open = useApp((s) => s.train.storageOpen);
  const actions = useTrainActions();
  const [report, setReport] = useState<StorageReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { outcome, say, settle, outcomeRef } = useStorageOutcome(open);
  const refresh = useCallback(
    () =>
      storageDetails(appStore).then(
        (r) => {
          setReport(r);
          setProblem(null);
        },
        (error: unknown) => setProblem(`Could not measure storage: ${(error as Error).message}`),
      ),
    [],
  );
  // Measured when opened, and again when a run is deleted, put back or imported meanwhile (a
  // deleted run's row would otherwise stay, its buttons acting on nothing).
  const runIds = useApp((s) => s.train.runs.map((r) => r.id).join('\n'));
  useEffect(() => {
    if (open) void refresh();
  }, [open, refresh, runIds]);
  /**
   * Runs a storage change, then measures again and says what came of it (replacing the last
   * message, whose dropped episodes are released unless this is their Undo); buttons are
   * disabled meanwhile.
   */
  const act =
    (fn: () => Promise<StorageOutcome | null>, release = true) =>
    () => {
      setBusy(true);
      void fn()
        .then(async (result) => {
          await refresh();
          // Measuring again says nothing new: the last message (and its Undo) stays.
          if (result) say(result, release);
        })
        .finally(() => {
          setBusy(false);
          settle();
        });
    };
  return (
    <details
      className="card storage-panel"
      open={open}
      onToggle={(e) => {
        actions.showStorage(e.currentTarget.open);
        if (!e.currentTarget.open) say(null);
      }}
      data-testid="storage-panel"
    >
      <summary>
        <h2>Storage</h2>
        {report && <span className="hint"> {usageText(report.usage, report.quota)}</span>}
      </summary>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {outcome && (
        <StorageOutcomeView
          ref={outcomeRef}
          outcome={outcome}
          undoMs={undoMs}
          onUndo={act(() => undoDropEpisodes(appStore, outcome.runId!), false)}
          onUndoExpired={(hadFocus) => {
            say({ ...outcome, undo: false });
            if (hadFocus) settle();
          }}
          onDismiss={() => say(null)}
        />
      )}
      {!report && !problem && <p className="hint">Measuring…</p>}
      {report && (
        <>
          <p className="hint">
            Sizes are approximate: each row measured as its JSON (checkpoints as their weights&apos;
            bytes). The browser stores them compressed, so its total used, above, can be less than
            the rows add up to. Dropping episodes or older checkpoints keeps every curve; the latest
            checkpoint is always kept (an unfinished run resumes from it, a finished one keeps its
            final weights).{' '}
            <button type="button" onClick={act(() => Promise.resolve(null))} disabled={busy}>
              {busy ? 'Measuring…' : 'Measure again'}
            </button>
          </p>
          <TableScroll>
            <table className="storage-table" data-testid="storage-table">
              <thead>
                <tr>
                  <th>Run</th>
                  <th>Metrics</th>
                  <th>Checkpoints</th>
                  <th>Episodes</th>
                  <th>Total</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {report.runs.map((r) => (
                  <tr
                    key={r.runId}
                    data-testid={`storage-row-${r.runId}`}
                    data-episodes={r.episodeCount}
                    data-checkpoints={r.checkpointCount}
                  >
                    <td>
                      {r.name} <span className="hint">({r.status})</span>
                    </td>
                    <td>{formatBytes(r.metrics)}</td>
                    <td>
                      {formatBytes(r.checkpoints)}{' '}
                      <span className="hint">×{r.checkpointCount}</span>
                    </td>
                    <td>
                      {formatBytes(r.episodes)} <span className="hint">×{r.episodeCount}</span>
                    </td>
                    <td>{formatBytes(total(r))}</td>
                    <td className="storage-actions">
                      <button
                        type="button"
                        data-testid={`prune-episodes-${r.runId}`}
                        disabled={busy || r.episodeCount === 0}
                        onClick={act(() => pruneStored(appStore, r.runId, 'episodes'))}
                        title="Delete this run's stored episodes (training steps' and the evaluations' answers, the trace viewer's material); curves and scores stay. Undo for a few seconds."
                      >
                        Drop episodes
                      </button>
                      <button
                        type="button"
                        data-testid={`prune-checkpoints-${r.runId}`}
                        disabled={busy || r.checkpointCount <= 1}
                        onClick={act(() => pruneStored(appStore, r.runId, 'checkpoints'))}
                        title="Delete all checkpoints but the latest (an unfinished run still resumes from it)."
                      >
                        Keep last checkpoint
                      </button>
                    </td>
                  </tr>
                ))}
                <tr data-testid="storage-suites">
                  <td>
                    Cached task suites <span className="hint">×{report.suites.count}</span>
                  </td>
                  <td colSpan={3} className="hint">
                    Built tasks kept so runs start fast; rebuilt when needed.
                  </td>
                  <td>{formatBytes(report.suites.bytes)}</td>
                  <td className="storage-actions">
                    <button
                      type="button"
                      disabled={busy || report.suites.count === 0}
                      onClick={act(clearSuiteCache)}
                    >
                      Clear
                    </button>
                  </td>
                </tr>
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </details>
  );
}
