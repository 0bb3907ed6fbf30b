import { useEffect, useRef } from 'react';
import type { BackendName } from '../../../protocol/backend';
import { isGoing, type RunStatus } from '../../../protocol/training';
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
  /** Without it there is no Start button here (e.g. when the config form has one). */
  onStart?: () => void;
  /** Why Start is refused (e.g. an invalid config); disables it and is shown as its tooltip. */
  startBlocked?: string | null;
  onPause: () => void;
  onResume: () => void;
  onStop: () => void;
}

/** Which controls a status allows. */
export function allowedActions(status: ProgressStatus) {
  return {
    start: !isGoing(status),
    pause: status === 'running',
    resume: status === 'paused' || status === 'interrupted',
    stop: isGoing(status),
  };
}

function defaultEta(status: ProgressStatus, step: number, steps: number, elapsedMs: number) {
  if (status !== 'running' || step <= 0 || step >= steps) return null;
  return (elapsedMs / step) * (steps - step);
}

/** Progress of the current run (step, time, ETA, throughput, backend) and its controls. */
export function RunProgress(p: RunProgressProps) {
  const can = allowedActions(p.status);
  // Pause disables itself (and Resume too): the keyboard's focus moves on to the button that
  // undoes it once that is enabled, rather than falling back to the page; after Stop (the
  // controls gone), to Start.
  const pauseRef = useRef<HTMLButtonElement>(null);
  const resumeRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const pressed = useRef<'pause' | 'resume' | 'stop' | null>(null);
  // Pause, Resume and Stop show only while one of them can act (not for a finished run).
  const controls = can.pause || can.resume || can.stop;
  useEffect(() => {
    const active = document.activeElement;
    // Lost: back on the page, or still on the button that is now disabled.
    const lost =
      active === null ||
      active === document.body ||
      (active instanceof HTMLButtonElement && active.disabled);
    const target =
      pressed.current === 'pause' && can.resume
        ? resumeRef.current
        : pressed.current === 'resume' && can.pause
          ? pauseRef.current
          : pressed.current === 'stop' && !controls
            ? startRef.current
            : null;
    if (!target) return;
    pressed.current = null;
    if (lost) target.focus();
  }, [can.pause, can.resume, controls]);
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
    <section className="run-progress" data-testid="run-progress" data-status={p.status}>
      <div className="run-progress-head">
        <span className="badge" data-testid="run-status">
          {p.status}
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
      {p.message && (
        <p className={p.status === 'error' ? 'error' : 'hint'} role="status">
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
              disabled={!can.resume}
              onClick={() => {
                pressed.current = 'resume';
                p.onResume();
              }}
              title="Continue from the last checkpoint."
            >
              Resume
            </button>
            <button
              type="button"
              data-testid="stop-run"
              disabled={!can.stop}
              onClick={() => {
                pressed.current = 'stop';
                p.onStop();
              }}
              title="End the run; its results so far are kept."
            >
              Stop
            </button>
          </>
        )}
      </div>
    </section>
  );
}
