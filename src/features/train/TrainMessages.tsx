import { useMemo } from 'react';
import { openRun } from '../../bridge/training';
import { Message } from '../../components/Message';
import { appStore } from '../../state/appStore';
import { useApp, useTrainActions } from '../../state/hooks';
import { interruptedNotice, stillInterrupted } from '../../state/trainSlice';
import { StorageWarning } from './StoragePanel';

/**
 * Above the charts: the storage warning, the runs a reload or a closed tab interrupted (with a
 * way to each), and the page's notice and error.
 */
export function Messages() {
  const notice = useApp((s) => s.train.notice);
  const error = useApp((s) => s.train.error);
  const runs = useApp((s) => s.train.runs);
  const ids = useApp((s) => s.train.interruptedIds);
  const focusId = useApp((s) => s.train.focusId);
  const still = useMemo(() => stillInterrupted(runs, ids), [runs, ids]);
  const interrupted = interruptedNotice(still.length);
  const actions = useTrainActions();
  return (
    <>
      <StorageWarning />
      {interrupted && (
        <Message
          kind="notice"
          testId="interrupted-notice"
          onDismiss={() => actions.setInterrupted([])}
        >
          {interrupted} {/* A way to each (the first three): opened, its Resume is at hand. */}
          {still
            .filter((r) => r.id !== focusId)
            .slice(0, 3)
            .map((r) => (
              <button
                key={r.id}
                type="button"
                onClick={() => {
                  // The button goes (the run is in view): the focus moves on to its Resume.
                  actions.setFocusControl({ runId: r.id, control: 'resume' });
                  openRun(appStore, r.id);
                }}
              >
                Open “{r.name}”
              </button>
            ))}
        </Message>
      )}
      {notice && (
        <Message kind="notice" testId="train-notice" onDismiss={() => actions.setNotice(null)}>
          {notice}
        </Message>
      )}
      {error && (
        <Message kind="error" testId="train-error" onDismiss={() => actions.setError(null)}>
          {error}
        </Message>
      )}
    </>
  );
}
