import { Fragment, useMemo, useRef, useState } from 'react';
import { Message } from '../../../components/Message';
import { FileButton } from '../../../components/FileButton';
import { ATOMIC_SKILLS, KIND_LABELS } from '../../../core/tasks/types';
import { kindTextColor } from '../../../components/skillColors';
import type { RunSummary } from '../../../protocol/training';
import { RunRow } from './RunRow';
import { UndoToast } from './UndoToast';
import { DifferenceRow, type TestScoresLoader } from './DifferenceRow';
import { filterRuns, nextSort, sortRuns, type RunSort, type SortKey } from './runOrder';

/** The table's filter and sort. */
export interface RunsView {
  query: string;
  sort: RunSort;
}

export interface RunsListProps {
  runs: readonly RunSummary[];
  /** The filter and sort, kept by the caller (absent: the table keeps its own). */
  view?: RunsView;
  onViewChange?: (view: RunsView) => void;
  /** Ids of the runs ticked for comparison. */
  selected: readonly string[];
  onSelect: (ids: string[]) => void;
  /** The run whose details are shown, if any (highlighted). */
  activeId?: string | null;
  /** Runs another tab of this browser trains. */
  elsewhere?: readonly string[];
  onOpen?: (id: string) => void;
  onRename: (id: string, name: string) => void;
  /** The run's whole new tag list (one tag added or removed). */
  onTag: (id: string, tags: string[]) => void;
  /** Deletes a run; resolves false when it was not (said in the runs' message): no Undo then. */
  onDelete: (id: string) => Promise<boolean> | void;
  /**
   * Puts a deleted run back; resolves false when it could not (said in the runs' message), and
   * the run's Undo is offered again (what was kept to undo it is kept).
   */
  onUndoDelete: (id: string) => Promise<boolean> | void;
  /** A deleted run's Undo is withdrawn: what was kept to undo it can go. */
  onUndoExpired?: (id: string) => void;
  onExportBundle: (id: string) => void;
  onExportCsv: (id: string) => void;
  /** The files picked for import, all at once (one message says what came of them). */
  onImport: (files: File[]) => void;
  /** What the last import (or a refused action) came to: shown beside the import button. */
  outcome?: { kind: 'error' | 'done'; text: string } | null;
  onDismissOutcome?: () => void;
  /** Reads a run's per-task test scores, for paired errors in the difference of two runs. */
  loadTestScores?: TestScoresLoader;
  /** Changes when stored episodes were dropped: the scores are read again. */
  scoresRevision?: number;
  /** How long the Undo offer stays (ms, default 10 s). */
  undoMs?: number;
}

/** The runs table: compare, rename, tag, delete with undo, export and import. */
export function RunsList({
  runs,
  selected,
  onSelect,
  undoMs = 10_000,
  view,
  onViewChange,
  ...on
}: RunsListProps) {
  // Every run deleted in the last undoMs keeps its own Undo (a second delete does not take the
  // first one's away).
  const [deleted, setDeleted] = useState<RunSummary[]>([]);
  const importButton = useRef<HTMLInputElement>(null);
  // The Undo offer goes; with it the keyboard's focus, if it held it: to the runs list.
  const list = useRef<HTMLElement>(null);
  const forget = (id: string, hadFocus = false) => {
    setDeleted((d) => d.filter((r) => r.id !== id));
    if (hadFocus) list.current?.focus();
  };
  // Two runs ticked: the first ticked minus the second, skill by skill, under the table.
  const picked = selected.flatMap((id) => runs.filter((r) => r.id === id));
  const pair = selected.length === 2 && picked.length === 2 ? picked : null;
  const toggle = (id: string, on: boolean) =>
    onSelect(on ? [...selected.filter((s) => s !== id), id] : selected.filter((s) => s !== id));
  // What the table shows: the runs matching the filter, in the order of the sorted column.
  // The filter and sort: the caller's to keep when it passes them, else this table's own.
  const [own, setOwn] = useState<RunsView>({ query: '', sort: { key: 'stored', desc: false } });
  const { query, sort } = view ?? own;
  const setView = onViewChange ?? setOwn;
  const setQuery = (q: string) => setView({ query: q, sort });
  const shown = sortRuns(filterRuns(runs, query), sort);
  // Every run's name (a row's own is no change to it, so one set serves all rows).
  const names = useMemo(() => new Set(runs.map((r) => r.name)), [runs]);
  const header = (
    key: Exclude<SortKey, 'stored'>,
    label: string,
    title?: string,
    color?: string,
  ) => (
    <SortHeader
      label={label}
      title={title}
      color={color}
      sorted={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : undefined}
      onSort={() => setView({ query, sort: nextSort(sort, key) })}
    />
  );
  return (
    <section
      ref={list}
      tabIndex={-1}
      className="runs-list"
      data-testid="runs-list"
      aria-label="Runs"
    >
      <div className="runs-toolbar">
        <FileButton
          label="import bundle"
          testId="import-bundle"
          accept=".json,application/json"
          multiple
          title="Import run bundles: exported from this app, or made from a run trained in Node with npm run lab -- bundle."
          onFiles={on.onImport}
          inputRef={importButton}
        />
        {on.outcome && (
          <Message
            kind={on.outcome.kind === 'error' ? 'error' : 'notice'}
            className="runs-outcome"
            testId="runs-outcome"
            onDismiss={
              on.onDismissOutcome &&
              (() => {
                // The button goes with the message: the focus goes back to the import button.
                importButton.current?.focus();
                on.onDismissOutcome?.();
              })
            }
          >
            {on.outcome.text}
          </Message>
        )}
        {/* Shown while a filter is typed even if runs were deleted down to one: it can be cleared. */}
        {(runs.length > 1 || query !== '') && (
          <input
            type="search"
            className="runs-filter"
            data-testid="runs-filter"
            aria-label="Filter runs by name or tag"
            placeholder="filter by name or tag"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        )}
        {shown.length < runs.length && (
          <span className="hint" data-testid="runs-shown">
            {shown.length} of {runs.length} runs shown
          </span>
        )}
        {selected.length > 0 && (
          <span className="hint" data-testid="compare-count">
            {selected.length} selected for comparison
          </span>
        )}
      </div>
      {deleted.map((run) => (
        <UndoToast
          key={run.id}
          testId={`undo-toast-${run.id}`}
          undoTestId={`undo-delete-${run.id}`}
          undoLabel={`Undo deleting ${run.name}`}
          undoMs={undoMs}
          onUndo={() => {
            forget(run.id, true);
            void Promise.resolve(on.onUndoDelete(run.id)).then((back) => {
              if (back === false) setDeleted((d) => [...d.filter((r) => r.id !== run.id), run]);
            });
          }}
          onExpire={(hadFocus) => {
            on.onUndoExpired?.(run.id);
            forget(run.id, hadFocus);
          }}
        >
          Deleted “{run.name}”.
        </UndoToast>
      ))}
      {runs.length === 0 ? (
        <p className="hint">No runs yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>
                  <span className="sr-only">compare</span>
                </th>
                {header('name', 'name')}
                <th>status</th>
                <th>tags</th>
                <th>backend</th>
                {header('steps', 'steps', 'Steps done')}
                {ATOMIC_SKILLS.map((s) => (
                  <Fragment key={s}>
                    {header(s, s, `Final ${KIND_LABELS[s]} reward`, kindTextColor(s))}
                  </Fragment>
                ))}
                {header('mean', 'mean', 'Mean final reward over the five atomic skills')}
                {header(
                  'composite',
                  'composite',
                  'Mean final reward over the composite tasks evaluated',
                )}
                <th className="run-actions-cell">
                  <span className="sr-only">actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.length === 0 && (
                <tr>
                  <td colSpan={15} className="hint">
                    No run’s name or tags match “{query}”.
                  </td>
                </tr>
              )}
              {shown.map((run) => (
                <RunRow
                  key={run.id}
                  run={run}
                  selected={selected.includes(run.id)}
                  active={run.id === on.activeId}
                  elsewhere={on.elsewhere?.includes(run.id) ?? false}
                  onToggleSelect={(v) => toggle(run.id, v)}
                  onOpen={on.onOpen && (() => on.onOpen?.(run.id))}
                  onRename={(name) => on.onRename(run.id, name)}
                  takenNames={names}
                  onTag={(tags) => on.onTag(run.id, tags)}
                  onDelete={() => {
                    setDeleted((d) => [...d.filter((r) => r.id !== run.id), run]);
                    void Promise.resolve(on.onDelete(run.id)).then((gone) => {
                      // Not deleted: no Undo (and its focus, if it had it, to the list).
                      const undo = document.activeElement?.getAttribute('data-testid');
                      if (gone === false) forget(run.id, undo === `undo-delete-${run.id}`);
                    });
                  }}
                  onExportBundle={() => on.onExportBundle(run.id)}
                  onExportCsv={() => on.onExportCsv(run.id)}
                />
              ))}
            </tbody>
            {pair && (
              <tfoot>
                <DifferenceRow
                  a={pair[0]!}
                  b={pair[1]!}
                  loadScores={on.loadTestScores}
                  revision={on.scoresRevision}
                />
              </tfoot>
            )}
          </table>
        </div>
      )}
    </section>
  );
}

/** A column header that sorts the table by its column (a second click turns the order round). */
function SortHeader(props: {
  label: string;
  title?: string;
  color?: string;
  sorted?: 'ascending' | 'descending';
  onSort: () => void;
}) {
  const { sorted } = props;
  return (
    <th aria-sort={sorted ?? 'none'} title={props.title} style={{ color: props.color }}>
      <button
        type="button"
        className="sort-button"
        data-testid={`sort-${props.label}`}
        onClick={props.onSort}
      >
        {props.label}
        <span aria-hidden="true" className="sort-mark">
          {sorted === 'descending' ? ' ▾' : sorted === 'ascending' ? ' ▴' : ''}
        </span>
      </button>
    </th>
  );
}
