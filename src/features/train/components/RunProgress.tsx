import { useEffect, useRef } from 'react';
import type { BackendName } from '../../../protocol/backend';
import { isGoing, type RunStatus } from '../../../protocol/training';
import { refocus } from '../../../components/focus';
import { formatDuration, formatValue } from './format';

/** A run's status, or `idle` when there is none. */
export type ProgressStatus = RunStatus | 'idle';

export interface RunProgressProps {
  status: ProgressStatus;
  step: number;
  steps: number;
  /** Wall time spent training so far (ms). */
  elapsedMs: number;
  episodesPerSecond?: number | null;
  /** What the rate is measured over: the last step (while a run goes) or the whole run. */
  rateOf?: 'last step' | 'run average';
  backend?: BackendName | null;
  /** What the run is doing now (e.g. "warm start", "validation"), and a status message. */
  phase?: string | null;
  message?: string | null;
  /** Override the ETA (ms); by default it extrapolates the time per step so far. */
  etaMs?: number | null;
  /** The run's name, as the panel's heading (focused after Stop). */
  name?: string;
  /**
   * What the run still does before it ends, once asked to stop (see `stoppingNote`): shown
   * with its status as "stopping…", Pause and Stop disabled meanwhile. Back to null while the
   * run goes on (asking it to stop failed), Stop is offered again.
   */
  stopping?: string | null;
  /**
   * The control to focus once it is shown: Pause (the run was started from the form, which lost
   * the focus) or Resume (an interrupted run opened from a button that then goes).
   */
  focusControl?: 'pause' | 'resume' | null;
  onControlFocused?: () => void;
  /** Without it there is no Start button here (e.g. when the config form has one). */
  onStart?: () => void;
  /** Why Start is refused (e.g. an invalid config); disables it and is shown as its tooltip. */
  startBlocked?: string | null;
  /** Why Resume is refused (another run goes); disables it and is shown as its tooltip. */
  resumeBlocked?: string | null;
  /**
   * Trained by another tab of this browser: its controls are there, and this one shows what is
   * stored (no Pause, Resume or Stop here).
   */
  elsewhere?: boolean;
  onPause: () => void;
  onResume: () => void;
  onStop: () => void;
}

/**
 * Which controls a status allows. A run stopped before it trained a step (`step` 0: stopped in
 * its warm start, or right after it) has kept nothing to end: Resume goes on from there.
 */
export function allowedActions(status: ProgressStatus, step: number | null = null) {
  return {
    start: !isGoing(status),
    pause: status === 'running',
    resume: status === 'paused' || status === 'interrupted' || (status === 'stopped' && step === 0),
    stop: isGoing(status),
  };
}

function defaultEta(status: ProgressStatus, step: number, steps: number, elapsedMs: number) {
  if (status !== 'running' || step <= 0 || step >= steps) return null;
  return (elapsedMs / step) * (steps - step);
}

/** What a press of the run's buttons (or a start from the form) moves the focus on to. */
type Intent = 'pause' | 'resume' | 'stop';

/** Progress of the current run (step, time, ETA, throughput, backend) and its controls. */
export function RunProgress(p: RunProgressProps) {
  const stopping = isGoing(p.status) && Boolean(p.stopping);
  const can = allowedActions(p.status, p.step);
  if (stopping || p.elsewhere) {
    can.pause = false;
    can.resume = false;
    can.stop = false;
  }
  // A pressed button disables itself (or goes): the keyboard's focus moves on to the control
  // that comes next rather than falling back to the page. Pause: to Resume. Resume, or a start
  // from the form: to Pause once the run trains (meanwhile to Stop). Stop: to Start, else the
  // run's name, at once (nothing else can act while it stops), and back to Stop if asking failed.
  const pauseRef = useRef<HTMLButtonElement>(null);
  const resumeRef = useRef<HTMLButtonElement>(null);
  const stopRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const nameRef = useRef<HTMLHeadingElement>(null);
  const pressed = useRef<Intent | null>(null);
  // The element focused as a stopgap (Stop while a run prepares): focus may move on from it.
  const stopgap = useRef<HTMLElement | null>(null);
  // Where Stop sent the focus, while the run stops.
  const stoppedTo = useRef<HTMLElement | null>(null);
  // Pause, Resume and Stop show only while one of them can act (not for a finished run).
  const controls = can.pause || can.resume || can.stop || stopping;
  const { focusControl, onControlFocused } = p;
  // Focusing a control is what pressing the other one does: Resume shows Pause, Pause Resume.
  const asked: Intent | null =
    focusControl === 'pause' ? 'resume' : focusControl === 'resume' ? 'pause' : null;
  useEffect(() => {
    if (stoppedTo.current && !stopping) {
      if (can.stop) refocus(stopRef.current, stoppedTo.current);
      stoppedTo.current = null;
    }
    const intent = pressed.current ?? asked;
    if (!intent) return;
    const done = (target: HTMLElement | null) => {
      refocus(target, stopgap.current);
      pressed.current = null;
      stopgap.current = null;
      if (asked) onControlFocused?.();
    };
    if (intent === 'pause' && can.resume) done(resumeRef.current);
    else if (intent === 'resume' && can.pause) done(pauseRef.current);
    else if (intent === 'resume' && can.stop) {
      if (refocus(stopRef.current, stopgap.current)) stopgap.current = stopRef.current;
    } else if (intent === 'stop' && (stopping || !controls)) {
      const start = startRef.current && !startRef.current.disabled ? startRef.current : null;
      const target = start ?? nameRef.current;
      if (target) done(target);
      if (stopping) stoppedTo.current = target;
    }
  });
  // The run ended by itself (done, or an error) while the focus was on its controls: they go,
  // and the focus moves on to Start, else the run's name, rather than falling to the page.
  const hadControls = useRef(controls);
  useEffect(() => {
    if (hadControls.current && !controls) {
      const start = startRef.current && !startRef.current.disabled ? startRef.current : null;
      refocus(start ?? nameRef.current);
    }
    hadControls.current = controls;
  });
  const eta = p.etaMs !== undefined ? p.etaMs : defaultEta(p.status, p.step, p.steps, p.elapsedMs);
  const stats: [id: string, label: string, value: string][] = [
    ['step', 'step', `${p.step} / ${p.steps}`],
    ['elapsed', 'elapsed', formatDuration(p.elapsedMs)],
    ['eta', 'ETA', formatDuration(eta)],
    [
      'rate',
      p.rateOf ? `episodes/s (${p.rateOf})` : 'episodes/s',
      formatValue(p.episodesPerSecond ?? null, 3),
    ],
    ['backend', 'backend', p.backend ?? '–'],
  ];
  return (
    <section
      className="run-progress"
      data-testid="run-progress"
      data-status={stopping ? 'stopping' : p.status}
    >
      {p.name !== undefined && (
        <h2 data-testid="focus-name" ref={nameRef} tabIndex={-1}>
          {p.name}
        </h2>
      )}
      <div className="run-progress-head">
        <span className="badge" data-testid="run-status">
          {stopping ? 'stopping…' : p.status}
        </span>
        {p.phase && (
          <span className="hint" data-testid="run-phase">
            {p.phase}
          </span>
        )}
      </div>
      <progress
        data-testid="run-progress-bar"
        aria-label="Training progress"
        value={p.step}
        max={Math.max(1, p.steps)}
      />
      <dl className="run-stats">
        {stats.map(([id, label, v]) => (
          <div key={id}>
            <dt>{label}</dt>
            <dd data-testid={`run-${id}`}>{v}</dd>
          </div>
        ))}
      </dl>
      {stopping && (
        <p className="hint" role="status" data-testid="run-stopping">
          {p.stopping}
        </p>
      )}
      {p.elsewhere && isGoing(p.status) && (
        <p className="hint" role="status" data-testid="run-elsewhere">
          This run is training in another tab of this browser: pause, stop or resume it there. This
          tab follows its steps and curves as they are stored.
        </p>
      )}
      {p.message && (
        <p
          className={p.status === 'error' ? 'error' : 'hint'}
          role="status"
          data-testid="run-message"
        >
          {p.message}
        </p>
      )}
      <div className="run-buttons">
        {p.onStart && (
          <button
            type="button"
            ref={startRef}
            data-testid="start-run"
            disabled={!can.start || !!p.startBlocked}
            title={p.startBlocked ?? 'Start a new run with this configuration.'}
            onClick={p.onStart}
          >
            Start
          </button>
        )}
        {controls && (
          <>
            <button
              type="button"
              data-testid="pause-run"
              ref={pauseRef}
              disabled={!can.pause}
              onClick={() => {
                pressed.current = 'pause';
                p.onPause();
              }}
              title="Pause after the current step (a checkpoint is kept)."
            >
              Pause
            </button>
            <button
              type="button"
              data-testid="resume-run"
              ref={resumeRef}
              disabled={!can.resume || !!p.resumeBlocked}
              onClick={() => {
                pressed.current = 'resume';
                p.onResume();
              }}
              title={p.resumeBlocked ?? 'Continue from the last checkpoint.'}
            >
              Resume
            </button>
            <button
              type="button"
              data-testid="stop-run"
              ref={stopRef}
              disabled={!can.stop}
              onClick={() => {
                pressed.current = 'stop';
                p.onStop();
              }}
              title={
                stopping
                  ? 'Stopping: the run ends once the work under way is done.'
                  : 'End the run after the step under way, and give it its final evaluation; its results so far are kept.'
              }
            >
              Stop
            </button>
          </>
        )}
      </div>
    </section>
  );
}
