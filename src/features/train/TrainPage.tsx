import { useEffect, useMemo, useState } from 'react';
import {
  changeMix,
  continueRun,
  pauseRun,
  resumeStoredRun,
  startRun,
  stopRun,
} from '../../bridge/training';
import { QUICK_CONFIG, type TrainConfig } from '../../protocol/trainConfig';
import type { SuiteSpec } from '../../protocol/training';
import { appStore } from '../../state/appStore';
import { useBackendSummary, useTrain, useTrainActions } from '../../state/hooks';
import { ConfigForm } from './components/ConfigForm';
import { MixSliders } from './components/MixSliders';
import { RewardChart } from './components/RewardChart';
import { RunProgress } from './components/RunProgress';
import { SignalsPanel } from './components/SignalsPanel';
import { RunsPanel } from './RunsPanel';
import { useChartRuns } from './useChartRuns';

const SUITES: { id: SuiteSpec['projects']; label: string }[] = [
  { id: 'quick', label: 'Quick: 8 corpus projects (built in about a minute)' },
  { id: 'all', label: 'Whole corpus: 46 projects (builds for several minutes, once)' },
];

/** Configure, run, watch and compare joint-RL runs; every run is kept in IndexedDB. */
export function TrainPage() {
  const train = useTrain();
  const actions = useTrainActions();
  const backend = useBackendSummary();
  const [config, setConfig] = useState<TrainConfig>(QUICK_CONFIG);
  const [suite, setSuite] = useState<SuiteSpec['projects']>('quick');
  // Slider moves are sent once they settle: one config event per change, not one per pixel.
  const [draftMix, setDraftMix] = useState<{ runId: string; mix: TrainConfig['mix'] } | null>(null);
  useEffect(() => {
    if (!draftMix) return;
    const timer = setTimeout(() => {
      void changeMix(appStore, draftMix.runId, draftMix.mix);
      setDraftMix(null);
    }, 400);
    return () => clearTimeout(timer);
  }, [draftMix]);
  const focus = train.runs.find((r) => r.id === train.focusId) ?? null;
  const live = focus ? train.live[focus.id] : undefined;
  const shown = useMemo(() => {
    const ids = [...train.compare];
    if (focus && !ids.includes(focus.id)) ids.unshift(focus.id);
    return ids;
  }, [train.compare, focus]);
  const chartRuns = useChartRuns(shown, train.runs, train.series);
  const lastPoint = focus ? train.series[focus.id]?.points.at(-1)?.point : undefined;
  const mix = focus && train.series[focus.id]?.events.at(-1)?.mix;
  const going = focus && (focus.status === 'running' || focus.status === 'paused');
  const ready = backend.status === 'ready';

  const onStart = (c: TrainConfig): void => {
    startRun(appStore, c, { suite: { projects: suite, seed: 1 } });
  };
  return (
    <div className="train-page" data-testid="train-page">
      <section className="card train-config">
        <h1>Train</h1>
        <p className="lead">
          Joint GRPO over the five atomic skills, in a Web Worker on your device. Pick a preset,
          adjust, and start; every run is kept in this browser.
        </p>
        <label className="field">
          <span>Tasks</span>
          <select
            data-testid="suite-select"
            value={suite}
            onChange={(e) => setSuite(e.target.value as SuiteSpec['projects'])}
            title="Which built-in projects the run's tasks come from; each split holds different projects."
          >
            {SUITES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <ConfigForm
          value={config}
          onChange={setConfig}
          {...(ready && !going ? { onStart } : {})}
          disabled={!!going}
        />
        {!ready && (
          <p className="hint" role="status">
            Waiting for the compute worker ({backend.status})…
          </p>
        )}
      </section>
      <section className="card train-watch">
        {train.notice && (
          <p className="notice" role="status" data-testid="train-notice">
            {train.notice}{' '}
            <button type="button" onClick={() => actions.setNotice(null)}>
              Dismiss
            </button>
          </p>
        )}
        {train.error && (
          <p className="error" role="alert" data-testid="train-error">
            {train.error}{' '}
            <button type="button" onClick={() => actions.setError(null)}>
              Dismiss
            </button>
          </p>
        )}
        {focus ? (
          <>
            <h2 data-testid="focus-name">{focus.name}</h2>
            <RunProgress
              status={focus.status}
              step={focus.step}
              steps={focus.steps}
              elapsedMs={focus.elapsedMs}
              episodesPerSecond={lastPoint?.episodesPerSecond ?? null}
              backend={focus.backend}
              phase={
                live?.progress
                  ? `${live.progress.stage} ${live.progress.done}/${live.progress.total}`
                  : (live?.phase ?? null)
              }
              message={focus.message ?? null}
              onPause={() => void pauseRun(focus.id)}
              onResume={() =>
                void (focus.status === 'paused'
                  ? continueRun(focus.id)
                  : resumeStoredRun(appStore, focus.id))
              }
              onStop={() => void stopRun(focus.id)}
            />
            {going && (
              <div className="live-mix">
                <h3>Skill mix (changes apply from the next step)</h3>
                <MixSliders
                  mix={draftMix?.mix ?? mix ?? config.mix}
                  onChange={(m) => setDraftMix({ runId: focus.id, mix: m })}
                />
              </div>
            )}
          </>
        ) : (
          <p className="hint" data-testid="no-run">
            No run selected: start one, or pick one from the list below.
          </p>
        )}
        <RewardChart runs={chartRuns} />
        <details open>
          <summary>Training signals</summary>
          <SignalsPanel runs={chartRuns} />
        </details>
      </section>
      <RunsPanel />
    </div>
  );
}
