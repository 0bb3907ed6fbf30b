import { useRef } from 'react';
import {
  exportBundle,
  finalTestScores,
  importRunFiles,
  loadSeries,
  openRun,
  removeRun,
  rename,
  retag,
  undoRemove,
} from '../../bridge/training';
import { download, fileSafe } from '../../components/download';
import type { HeldRun } from '../../storage/runs';
import { appStore } from '../../state/appStore';
import { isGoing } from '../../protocol/training';
import { useShallow } from 'zustand/react/shallow';
import { useApp, useTrainActions } from '../../state/hooks';
import { RunsList } from './components/RunsList';
import { asRunSort } from './components/runOrder';
import { runToCsv } from './components/series';

/** The runs list wired to storage: compare, open, rename, tag, delete with undo, export, import. */
export function RunsPanel() {
  // Narrow subscriptions: progress messages and new points do not re-render the list.
  const train = useApp(
    useShallow((s) => ({
      runs: s.train.runs,
      compare: s.train.compare,
      focusId: s.train.focusId,
      view: s.train.runsView,
      outcome: s.train.runsOutcome,
      elsewhere: s.train.trainingElsewhere,
    })),
  );
  const loaded = (id: string): boolean => Boolean(appStore.getState().train.series[id]);
  const actions = useTrainActions();
  // Episodes dropped: the difference of two runs reads their test scores again.
  const scoresRevision = useApp((s) => s.train.episodesRevision);
  // Each deleted run's rows, as the delete resolves: an Undo pressed before it has (the Undo
  // takes the focus at once) waits for it rather than doing nothing.
  // With how it was shown (open, ticked for comparison): its Undo shows it so again.
  const deleted = useRef(
    new Map<string, { held: Promise<HeldRun | null>; open: boolean; compared: boolean }>(),
  );
  const open = (id: string): void => openRun(appStore, id);
  return (
    <section className="card train-runs">
      <h2 id="train-runs" tabIndex={-1}>
        Runs
      </h2>
      <RunsList
        runs={train.runs}
        view={{ query: train.view.query, sort: asRunSort(train.view.sort) }}
        onViewChange={actions.setRunsView}
        selected={train.compare}
        activeId={train.focusId}
        elsewhere={train.elsewhere}
        loadTestScores={finalTestScores}
        scoresRevision={scoresRevision}
        onSelect={(ids) => {
          actions.setCompare(ids);
          for (const id of ids) if (!loaded(id)) void loadSeries(appStore, id);
        }}
        onOpen={open}
        onRename={(id, name) => void rename(appStore, id, name)}
        onTag={(id, tags) => void retag(appStore, id, tags)}
        onDelete={(id) => {
          const run = train.runs.find((r) => r.id === id);
          if (run && isGoing(run.status)) {
            actions.setRunsOutcome({
              kind: 'error',
              text: `"${run.name}" is still going: stop it before deleting it.`,
            });
            return Promise.resolve(false);
          }
          const taken = removeRun(appStore, id);
          const { focusId, compare } = appStore.getState().train;
          deleted.current.set(id, {
            held: taken,
            open: focusId === id,
            compared: compare.includes(id),
          });
          return taken.then((held) => held !== null);
        }}
        onUndoDelete={async (id) => {
          const gone = deleted.current.get(id);
          const held = await gone?.held;
          if (!gone || !held) return true;
          // Kept until it is back: a put-back refused (the storage full) can be tried again.
          const back = await undoRemove(appStore, held);
          if (!back) return false;
          deleted.current.delete(id);
          // Shown again as it was: open (where it was: no scroll), ticked. Its curves are read.
          if (gone.compared) actions.setCompare([...appStore.getState().train.compare, id]);
          if (gone.open && appStore.getState().train.focusId === null) actions.focus(id);
          return true;
        }}
        // A bundle holds the run's checkpoints and episodes (tens of MB): not kept past its Undo.
        onUndoExpired={(id) => deleted.current.delete(id)}
        onExportBundle={(id) =>
          void exportBundle(id)
            .then((b) =>
              download(`${fileSafe(b.run.name)}.run.json`, JSON.stringify(b), 'application/json'),
            )
            .catch((error: unknown) =>
              actions.setRunsOutcome({
                kind: 'error',
                text: `Could not export the run: ${error instanceof Error ? error.message : String(error)}`,
              }),
            )
        }
        onExportCsv={(id) => {
          const run = train.runs.find((r) => r.id === id);
          const s = appStore.getState().train.series[id];
          const csv = (series: NonNullable<typeof s>) =>
            runToCsv(
              run?.name ?? id,
              series.points.map((p) => p.point),
              series.evals,
            );
          if (s) download(`${fileSafe(run?.name ?? id)}.metrics.csv`, csv(s), 'text/csv');
          else
            void loadSeries(appStore, id).then(() => {
              const loaded = appStore.getState().train.series[id];
              if (loaded)
                download(`${fileSafe(run?.name ?? id)}.metrics.csv`, csv(loaded), 'text/csv');
            });
        }}
        outcome={train.outcome}
        onDismissOutcome={() => actions.setRunsOutcome(null)}
        onImport={(files) => void importRunFiles(appStore, files)}
      />
    </section>
  );
}
