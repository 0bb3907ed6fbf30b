import { useCallback, useDeferredValue, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useApp, useTrainActions } from '../../state/hooks';
import { RewardChart } from './components/RewardChart';
import { SignalsPanel } from './components/SignalsPanel';
import { RunEpisodes } from './RunEpisodes';
import { DEFAULT_VIEW, writeView, type EpisodesView } from '../../protocol/episodeView';
import { useChartRuns } from './useChartRuns';
import { useThrottled } from './useThrottled';

/** The focused run's episodes on their own page, with room for side-by-side code. */
function FullWidthLink({ view }: { view: EpisodesView }) {
  const focusId = useApp((s) => s.train.focusId);
  if (!focusId) return null;
  // The same batch, filters and open episode.
  const params = writeView(new URLSearchParams({ run: focusId }), view);
  if (view.episode !== null) params.set('episode', String(view.episode));
  return (
    <p className="hint">
      <Link to={`/episodes?${params}`} data-testid="episodes-full-width">
        {view.episode === null
          ? 'Open on the Episodes page'
          : 'Open this episode on the Episodes page'}
      </Link>
      , full width, with a link to each episode.
    </p>
  );
}

/** Reward curves and training signals of the focused and compared runs, and their episodes. */
export function Charts() {
  // Drawn in a transition: React renders the charts in slices between the browser's own work,
  // so new points never hold the main thread for long.
  const runs = useDeferredValue(useThrottled(useChartRuns(), 1000));
  // The signal charts are drawn only while their section is open. The sections, and what the
  // episodes section shows, are kept in the store: leaving the page and coming back (Back from
  // the Episodes page, say) finds them as they were.
  const { signals, episodes } = useApp((s) => s.train.sections);
  const focusId = useApp((s) => s.train.focusId);
  const anyRun = useApp((s) => s.train.focusId !== null || s.train.compare.length > 0);
  const kept = useApp((s) => s.train.episodesView);
  const episodesView = kept && kept.runId === focusId ? kept.view : DEFAULT_VIEW;
  const section = useRef<HTMLDetailsElement>(null);
  const actions = useTrainActions();
  const setEpisodes = useCallback(
    (open: boolean) => actions.openSection('episodes', open),
    [actions],
  );
  const keepView = useCallback(
    (view: EpisodesView) => {
      if (focusId) actions.keepEpisodesView(focusId, view);
    },
    [actions, focusId],
  );
  // A click on a validation point opens its answers below (that run focused).
  const openValidation = useCallback(
    ({ runId, step }: { runId: string; step: number }) => {
      actions.focus(runId);
      actions.requestEpisodes({ runId, batch: { source: 'val', step } });
      setEpisodes(true);
      requestAnimationFrame(() => section.current?.scrollIntoView({ block: 'start' }));
    },
    [actions, setEpisodes],
  );
  return (
    <>
      <RewardChart runs={runs} onPickValidation={openValidation} />
      <details
        open={signals}
        onToggle={(e) => actions.openSection('signals', e.currentTarget.open)}
        data-testid="signals-section"
      >
        <summary>
          Training signals: KL, entropy, clipping, gradients, learning rate, answers cut short, time
        </summary>
        {signals &&
          (anyRun ? (
            <SignalsPanel runs={runs} />
          ) : (
            <p className="hint" data-testid="signals-no-run">
              No run in view: open one from the list below, or tick runs to compare, and their
              signals show here.
            </p>
          ))}
      </details>
      <details
        ref={section}
        open={episodes}
        onToggle={(e) => setEpisodes(e.currentTarget.open)}
        data-testid="episodes-section"
      >
        <summary>Episodes of this run: the answers sampled, and why each got its reward</summary>
        {episodes &&
          (focusId ? (
            <>
              <FullWidthLink view={episodesView} />
              <RunEpisodes address={episodesView} onView={keepView} kept />
            </>
          ) : (
            <p className="hint" data-testid="episodes-no-run">
              No run open: open one from the list below (its “open” link), and its episodes show
              here.
            </p>
          ))}
      </details>
    </>
  );
}
