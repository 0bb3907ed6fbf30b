import { useCallback, useDeferredValue, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useApp, useTrainActions } from '../../state/hooks';
import { RewardChart } from './components/RewardChart';
import { SignalsPanel } from './components/SignalsPanel';
import { RunEpisodes } from './RunEpisodes';
import { useChartRuns } from './useChartRuns';
import { useThrottled } from './useThrottled';

/** The focused run's episodes on their own page, with room for side-by-side code. */
function FullWidthLink({ episode }: { episode: number | null }) {
  const focusId = useApp((s) => s.train.focusId);
  if (!focusId) return null;
  const run = `/episodes?run=${encodeURIComponent(focusId)}`;
  return (
    <p className="hint">
      <Link
        to={episode === null ? run : `${run}&episode=${episode}`}
        data-testid="episodes-full-width"
      >
        {episode === null ? 'Open on the Episodes page' : 'Open this episode on the Episodes page'}
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
  // The signal charts are drawn only while their section is open.
  const [signals, setSignals] = useState(false);
  const [episodes, setEpisodes] = useState(false);
  // The episode open in the section, for the link to the Episodes page.
  const [openEpisode, setOpenEpisode] = useState<number | null>(null);
  const section = useRef<HTMLDetailsElement>(null);
  const actions = useTrainActions();
  // A click on a validation point opens its answers below (that run focused).
  const openValidation = useCallback(
    ({ runId, step }: { runId: string; step: number }) => {
      actions.focus(runId);
      actions.requestEpisodes({ runId, batch: { source: 'val', step } });
      setEpisodes(true);
      requestAnimationFrame(() => section.current?.scrollIntoView({ block: 'start' }));
    },
    [actions],
  );
  return (
    <>
      <RewardChart runs={runs} onPickValidation={openValidation} />
      <details
        open={signals}
        onToggle={(e) => setSignals(e.currentTarget.open)}
        data-testid="signals-section"
      >
        <summary>
          Training signals: KL, entropy, clipping, gradients, learning rate, answers cut short, time
        </summary>
        {signals && <SignalsPanel runs={runs} />}
      </details>
      <details
        ref={section}
        open={episodes}
        onToggle={(e) => setEpisodes(e.currentTarget.open)}
        data-testid="episodes-section"
      >
        <summary>Episodes of this run: the answers sampled, and why each got its reward</summary>
        {episodes && (
          <>
            <FullWidthLink episode={openEpisode} />
            <RunEpisodes onOpen={setOpenEpisode} />
          </>
        )}
      </details>
    </>
  );
}
