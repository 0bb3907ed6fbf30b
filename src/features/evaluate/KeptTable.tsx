import { errorText } from '../../protocol/errorText';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { forgetKept, unforget } from '../../bridge/evaluation';
import type { Kept } from '../../protocol/kept';
import { appStore } from '../../state/appStore';
import type { EvaluateJob } from '../../state/evaluateSlice';
import { useApp } from '../../state/hooks';
import { TableScroll } from '../../components/TableScroll';
import { compactTime } from './runLabel';

export interface KeptColumn<J extends EvaluateJob> {
  head: ReactNode;
  title?: string;
  cell: (entry: Kept<J>) => ReactNode;
}

/**
 * The results of one of the Evaluate page's jobs kept in this browser, newest first: one shows
 * in the table above it (another is picked with Show); Remove forgets one, with an undo.
 */
export function KeptTable<J extends EvaluateJob>({
  job,
  caption,
  columns,
}: {
  job: J;
  caption: string;
  columns: KeptColumn<J>[];
}) {
  const kept = useApp((s) => s.evaluate.kept[job]) as Kept<J>[];
  const { shownId, status } = useApp((s) => s.evaluate[job]);
  const [removed, setRemoved] = useState<Kept<J> | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Where keyboard focus goes once a Remove or an Undo has landed (its button is gone): to the
  // Undo, then back to the row put back.
  const [focusTo, setFocusTo] = useState<'undo' | number | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusTo === null) return;
    const target =
      focusTo === 'undo'
        ? box.current?.querySelector<HTMLElement>(`[data-testid="${job}-kept-undo"]`)
        : box.current?.querySelector<HTMLElement>(
            `[data-kept-id="${focusTo}"] [data-testid="${job}-kept-remove"]`,
          );
    if (target) {
      target.focus();
      setFocusTo(null);
    }
  }, [focusTo, job, kept, removed]);
  const act = (what: string, work: Promise<unknown>) =>
    work.then(
      () => setError(null),
      (e: unknown) => setError(`Could not ${what}: ${errorText(e)}`),
    );
  if (kept.length === 0 && !removed && !error) return null;
  return (
    <div data-testid={`${job}-kept`} ref={box}>
      {kept.length > 0 && (
        <TableScroll>
          <table className="table kept-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                {columns.map((c, i) => (
                  <th key={i} scope="col" {...(c.title ? { title: c.title } : {})}>
                    {c.head}
                  </th>
                ))}
                <th scope="col">
                  <span className="sr-only">actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {kept.map((k) => (
                <tr
                  key={k.id}
                  data-testid={`${job}-kept-row`}
                  data-kept-id={k.id}
                  aria-current={k.id === shownId ? 'true' : undefined}
                  className={k.id === shownId ? 'current' : undefined}
                >
                  <th scope="row">
                    {k.result.fileName}
                    <div className="hint">kept {compactTime(k.createdAt)}</div>
                  </th>
                  {columns.map((c, i) => (
                    <td key={i}>{c.cell(k)}</td>
                  ))}
                  {/* Its buttons stack when the table is tight (e.g. a model's many kinds). */}
                  <td className="actions" style={{ whiteSpace: 'normal' }}>
                    <button
                      type="button"
                      data-testid={`${job}-kept-show`}
                      disabled={k.id === shownId || status === 'running'}
                      onClick={() => appStore.getState().evaluateActions.show(job, k.id)}
                    >
                      {k.id === shownId ? 'Shown' : 'Show'}
                    </button>{' '}
                    <button
                      type="button"
                      data-testid={`${job}-kept-remove`}
                      onClick={() =>
                        void act(
                          `remove ${k.result.fileName}`,
                          forgetKept(appStore, k).then((entry) => {
                            setRemoved(entry);
                            setFocusTo('undo');
                          }),
                        )
                      }
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {removed && (
        <p className="hint" role="status" data-testid={`${job}-kept-removed`}>
          Removed {removed.result.fileName} (kept {compactTime(removed.createdAt)}).{' '}
          <button
            type="button"
            data-testid={`${job}-kept-undo`}
            onClick={() =>
              void act(
                `put ${removed.result.fileName} back`,
                unforget(appStore, removed).then(() => {
                  setFocusTo(removed.id);
                  setRemoved(null);
                }),
              )
            }
          >
            Undo
          </button>
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
