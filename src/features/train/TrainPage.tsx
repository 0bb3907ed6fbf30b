import { useShallow } from 'zustand/react/shallow';
import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import {
  changeMix,
  continueRun,
  pauseRun,
  openRun,
  resumeStoredRun,
  startRun,
  stopRun,
} from '../../bridge/training';
import { QUICK_CONFIG, type TrainConfig } from '../../protocol/trainConfig';
import { type RunSummary, type SuiteSpec } from '../../protocol/training';
import { appStore } from '../../state/appStore';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useApp, useGoingRun, useTrainActions, useUiActions } from '../../state/hooks';
import { usePendingMixFrom } from './pendingMix';
import { ConfigForm } from './components/ConfigForm';
import { goingRunNote } from './components/goingNote';
import { MixSliders } from './components/MixSliders';
import { RunProgress } from './components/RunProgress';
import { useLiveElapsed } from './components/useLiveElapsed';
import { stoppingNote } from './components/stopping';
import { SuiteCoverage } from './components/SuiteCoverage';
import { RunsPanel } from './RunsPanel';
import { StoragePanel } from './StoragePanel';
import { Messages } from './TrainMessages';
import { Charts } from './RunCharts';
import { averageEpisodesPerSecond } from './components/series';

/** The task suites a run may draw from: a short name for the select, the detail beside it. */
const SUITES: { id: SuiteSpec['projects']; label: string; detail: string }[] = [
  {
    id: 'quick',
    label: 'Quick: 8 projects',
    detail: '8 corpus projects, built in about a minute.',
  },
  {
    id: 'all',
    label: 'Whole corpus: 46 projects',
    detail:
      'All 46 corpus projects: the first run builds them (about 30 minutes here); cached after.',
  },
];

/** Configure, run, watch and compare joint-RL runs; every run is kept in IndexedDB. */
export function TrainPage() {
  // The run in view names the tab (a tab left open shows which run it watches).
  const focusName = useApp((s) => s.train.runs.find((r) => r.id === s.train.focusId)?.name);
  useDocumentTitle(focusName, 'Train');
  return (
    <div className="train-page" data-testid="train-page">
      <SkipLinks />
      <div className="train-top">
        <ConfigPanel />
        <section className="card train-watch">
          {/* Where "Skip to the run view" lands: the next Tab is the view's first control. */}
          <span id="train-watch" tabIndex={-1} className="sr-only">
            Run view
          </span>
          <FocusInView>
            <Messages />
            <FocusPanel />
          </FocusInView>
          <Charts />
        </section>
      </div>
      <RunsPanel />
      <StoragePanel />
    </div>
  );
}

/**
 * Past the configuration form to the run view or the runs, for the keyboard: in one column the
 * form's forty-odd stops come first. Shown only while focused.
 */
function SkipLinks() {
  const skip = (id: string) => () => {
    const target = document.getElementById(id);
    target?.focus();
    target?.scrollIntoView?.({ block: 'start' });
  };
  return (
    <nav className="skip-links" aria-label="Skip to">
      <button type="button" className="skip-link" onClick={skip('train-watch')}>
        Skip to the run view
      </button>
      <button type="button" className="skip-link" onClick={skip('train-runs')}>
        Skip to the runs
      </button>
    </nav>
  );
}

/**
 * Brings the run into view when it is opened from the list, imported or started: in one column,
 * or below a long runs list, it would otherwise open out of sight. (A click on a validation
 * point focuses its run without this: it shows that validation's answers below instead.)
 */
function FocusInView({ children }: { children: ReactNode }) {
  const reveal = useApp((s) => s.train.revealFocus);
  const box = useRef<HTMLDivElement>(null);
  // Only a reveal asked for while the page is shown: coming back to the page does not scroll.
  const seen = useRef(reveal);
  useEffect(() => {
    if (reveal === seen.current) return;
    seen.current = reveal;
    box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [reveal]);
  return (
    <div ref={box} className="focus-in-view">
      {children}
    </div>
  );
}

/** The form: re-renders only when which run is going (or its status), or the backend, changes. */
const ConfigPanel = memo(function ConfigPanel() {
  // Its id, name and status only (strings): a new step of the run does not re-render the form.
  const goingRun = useGoingRun();
  const goingId = goingRun?.id ?? null;
  const goingName = goingRun?.name ?? '';
  const goingStatus = goingRun?.status;
  const going = goingRun !== null;
  const ready = useApp((s) => s.device.status === 'ready');
  const backendStatus = useApp((s) => s.device.status);
  const config = useApp((s) => s.ui.draftConfig) ?? QUICK_CONFIG;
  const { setDraftConfig: setConfig } = useUiActions();
  // Kept with the form's draft (over reloads too).
  const suite = useApp((s) => s.ui.draftSuite);
  const { setDraftSuite: setSuite } = useUiActions();
  const { setFocusControl } = useTrainActions();
  const onStart = (c: TrainConfig): void => {
    // The form, disabled while the run goes, loses the focus: the run's Pause takes it.
    const { runId } = startRun(appStore, c, { suite: { projects: suite, seed: 1 } });
    setFocusControl({ runId, control: 'pause' });
  };
  return (
    <section className="card train-config">
      <h1>Train</h1>
      <p className="lead">
        Joint GRPO over the five atomic skills, in a Web Worker on your device. Pick a preset,
        adjust, and start; every run is kept in this browser.
      </p>
      <label className="field">
        <span id="suite-select-label">Tasks</span>
        <select
          aria-labelledby="suite-select-label"
          data-testid="suite-select"
          value={suite}
          disabled={going}
          onChange={(e) => setSuite(e.target.value as SuiteSpec['projects'])}
          title="Which built-in projects the run's tasks come from; each split holds different projects."
        >
          {SUITES.map((x) => (
            <option key={x.id} value={x.id} title={x.detail}>
              {x.label}
            </option>
          ))}
        </select>
        <span className="hint" data-testid="suite-detail">
          {SUITES.find((x) => x.id === suite)?.detail}
        </span>
      </label>
      <ConfigForm
        value={config}
        onChange={setConfig}
        {...(ready && !going ? { onStart } : {})}
        disabled={going}
      />
      <SuiteCoverage
        suite={{ projects: suite, seed: 1 }}
        trainKinds={config.trainKinds}
        reread={`${ready}:${goingId}`}
      />
      {!ready && (
        <p className="hint" role="status">
          Waiting for the compute worker ({backendStatus})…
        </p>
      )}
      {goingId && goingStatus && (
        <GoingNote run={{ id: goingId, name: goingName, status: goingStatus }} />
      )}
    </section>
  );
});

/** Why Start is not offered while a run goes, with a way to its controls when it is not in view. */
function GoingNote({ run }: { run: Pick<RunSummary, 'id' | 'name' | 'status'> }) {
  const inView = useApp((s) => s.train.focusId === run.id);
  return (
    <p className="hint" role="status" data-testid="going-note">
      {goingRunNote(run)}
      {!inView && (
        <>
          {' '}
          <button type="button" onClick={() => openRun(appStore, run.id)}>
            Show it
          </button>
        </>
      )}
    </p>
  );
}

/** Whether a run is training now, as the store has it (not only as a view shows it). */
const trainingNow = (runId: string): boolean =>
  appStore.getState().train.runs.find((r) => r.id === runId)?.status === 'running';

/** The focused run: progress, controls, and the skill mix while it goes. */
function FocusPanel() {
  const focus = useApp((s) => s.train.runs.find((r) => r.id === s.train.focusId) ?? null);
  const live = useApp((s) => (s.train.focusId ? s.train.live[s.train.focusId] : undefined));
  const lastRate = useApp((s) =>
    s.train.focusId
      ? s.train.series[s.train.focusId]?.points.at(-1)?.point.episodesPerSecond
      : null,
  );
  const averageRate = useApp((s) => {
    const points = s.train.focusId ? s.train.series[s.train.focusId]?.points : undefined;
    return points ? averageEpisodesPerSecond(points) : null;
  });
  // Time per GRPO step over the last ten steps: the ETA leaves out the suite build and the
  // warm start, which extrapolating the whole elapsed time would count again.
  const stepMs = useApp((s) => {
    const points = s.train.focusId ? s.train.series[s.train.focusId]?.points : undefined;
    const last = points?.slice(-10) ?? [];
    return last.length ? last.reduce((t, p) => t + p.point.wallMs, 0) / last.length : null;
  });
  const mix = useApp((s) =>
    s.train.focusId ? s.train.series[s.train.focusId]?.events.at(-1)?.mix : undefined,
  );
  const pendingFrom = usePendingMixFrom();
  const stopping = useApp(
    (s) => s.train.focusId !== null && s.train.stopping.includes(s.train.focusId),
  );
  const elsewhere = useApp(
    (s) => s.train.focusId !== null && s.train.trainingElsewhere.includes(s.train.focusId),
  );
  // Counted on between steps while it trains here (another tab's shows what it stores).
  const elapsedMs = useLiveElapsed(
    focus?.id ?? null,
    focus?.elapsedMs ?? 0,
    focus?.status === 'running' && !elsewhere,
    trainingNow,
  );
  // Another run going in this tab: this one resumes once it ends (one run trains at a time).
  const other = useGoingRun();
  // With no run open, the names of the runs ticked for comparison (what the charts show).
  const compared = useApp(
    useShallow((s) =>
      s.train.compare.flatMap((id) => s.train.runs.find((r) => r.id === id)?.name ?? []),
    ),
  );
  const focusControl = useApp((s) =>
    s.train.focusControl?.runId === s.train.focusId ? s.train.focusControl.control : null,
  );
  const actions = useTrainActions();
  // Slider moves are sent once they settle: one config event per change, not one per pixel.
  // The draft stays on the sliders until the run has answered, so a move made meanwhile builds
  // on it rather than on the mix before it.
  const [draftMix, setDraftMix] = useState<{
    runId: string;
    mix: TrainConfig['mix'];
    sent?: boolean;
  } | null>(null);
  useEffect(() => {
    if (!draftMix || draftMix.sent) return;
    const timer = setTimeout(() => {
      const sent = { ...draftMix, sent: true };
      setDraftMix(sent);
      void changeMix(appStore, sent.runId, sent.mix).finally(() =>
        setDraftMix((d) => (d === sent ? null : d)),
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [draftMix]);
  if (!focus)
    return compared.length > 0 ? (
      <p className="hint" data-testid="no-run">
        Comparing {compared.join(', ')} on the charts below. Open one of them from the list for its
        progress, its episodes and its controls.
      </p>
    ) : (
      <p className="hint" data-testid="no-run">
        No run selected: start one (Start, at the foot of the form), or open one from the list
        below.
      </p>
    );
  const going = focus.status === 'running' || focus.status === 'paused';
  // While it trains, how fast it goes now; once it has ended, its average over the run.
  const training = going || focus.status === 'preparing';
  return (
    <>
      <RunProgress
        name={focus.name}
        stopping={stopping ? stoppingNote(live?.stage ?? null) : null}
        focusControl={focusControl}
        onControlFocused={() => actions.setFocusControl(null)}
        status={focus.status}
        step={focus.step}
        steps={focus.steps}
        elapsedMs={elapsedMs}
        episodesPerSecond={(training ? lastRate : averageRate) ?? null}
        rateOf={training ? 'last step' : 'run average'}
        etaMs={
          focus.status === 'running' && stepMs !== null && focus.step < focus.steps
            ? stepMs * (focus.steps - focus.step)
            : null
        }
        backend={focus.backend}
        phase={
          // What the run is doing: nothing once it has ended (its status says how).
          !going && focus.status !== 'preparing'
            ? null
            : live?.progress
              ? `${live.progress.stage} ${live.progress.done}/${live.progress.total}`
              : (live?.phase ?? null)
        }
        message={focus.message ?? null}
        elsewhere={elsewhere}
        resumeBlocked={
          other && other.id !== focus.id
            ? `“${other.name}” is going: one run trains at a time. Resume this one once it ends or is stopped.`
            : null
        }
        onPause={() => void pauseRun(appStore, focus.id)}
        onResume={() =>
          void (focus.status === 'paused'
            ? continueRun(appStore, focus.id)
            : resumeStoredRun(appStore, focus.id))
        }
        onStop={() => void stopRun(appStore, focus.id)}
      />
      {going && !elsewhere && (
        <div className="live-mix" data-testid="live-mix">
          <h3>Skill mix (changes apply from the next step)</h3>
          {pendingFrom !== null && (
            <p className="hint" data-testid="mix-pending">
              This mix applies from step {pendingFrom}: it was set after the checkpoint the run
              resumed from, and the steps before it, trained again, draw with the mix they first
              had. A change now replaces it from the next step.
            </p>
          )}
          {focus.step >= focus.steps && (
            <p className="hint" data-testid="mix-too-late">
              Every one of the run&apos;s {focus.steps} steps has been trained: the mix no longer
              changes (the run is evaluating or finishing).
            </p>
          )}
          <MixSliders
            mix={draftMix?.mix ?? mix ?? focus.mix ?? {}}
            onChange={(m) => setDraftMix({ runId: focus.id, mix: m })}
            {...(focus.trainKinds && { skills: focus.trainKinds })}
            trainKinds={focus.trainKinds}
            disabled={focus.step >= focus.steps}
          />
        </div>
      )}
    </>
  );
}
