// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunProgress, type ProgressStatus } from './RunProgress';

afterEach(cleanup);

const noop = () => {};
const enabled = (id: string) => !screen.getByTestId<HTMLButtonElement>(id).disabled;

describe('RunProgress', () => {
  it.each<[ProgressStatus, boolean, boolean, boolean, boolean]>([
    // status, start, pause, resume, stop
    ['idle', true, false, false, false],
    ['preparing', false, false, false, true],
    ['running', false, true, false, true],
    ['paused', false, false, true, true],
    ['done', true, false, false, false],
    ['stopped', true, false, false, false],
    ['interrupted', true, false, true, false],
    ['error', true, false, false, false],
  ])('%s: start %s, pause %s, resume %s, stop %s', (status, start, pause, resume, stop) => {
    render(
      <RunProgress
        status={status}
        step={3}
        steps={10}
        elapsedMs={3000}
        onStart={noop}
        onPause={noop}
        onResume={noop}
        onStop={noop}
      />,
    );
    expect([
      enabled('start-run'),
      enabled('pause-run'),
      enabled('resume-run'),
      enabled('stop-run'),
    ]).toEqual([start, pause, resume, stop]);
  });

  it('shows step, elapsed, ETA, throughput and backend, and calls back', () => {
    const onPause = vi.fn();
    render(
      <RunProgress
        status="running"
        step={10}
        steps={40}
        elapsedMs={20_000}
        episodesPerSecond={12.345}
        backend="webgpu"
        phase="GRPO"
        onPause={onPause}
        onResume={noop}
        onStop={noop}
      />,
    );
    expect(screen.getByTestId('run-step').textContent).toBe('10 / 40');
    expect(screen.getByTestId('run-elapsed').textContent).toBe('0:20');
    expect(screen.getByTestId('run-eta').textContent).toBe('1:00');
    expect(screen.getByTestId('run-rate').textContent).toBe('12.3');
    expect(screen.getByTestId('run-backend').textContent).toBe('webgpu');
    expect(screen.getByTestId<HTMLProgressElement>('run-progress-bar').value).toBe(10);
    expect(screen.queryByTestId('start-run')).toBeNull();
    fireEvent.click(screen.getByTestId('pause-run'));
    expect(onPause).toHaveBeenCalledOnce();
  });

  it('blocks Start with the reason', () => {
    render(
      <RunProgress
        status="idle"
        step={0}
        steps={40}
        elapsedMs={0}
        onStart={noop}
        startBlocked="groupSize must be a whole number from 2 to 256"
        onPause={noop}
        onResume={noop}
        onStop={noop}
      />,
    );
    const start = screen.getByTestId<HTMLButtonElement>('start-run');
    expect(start.disabled).toBe(true);
    expect(start.title).toMatch(/groupSize/);
    expect(screen.getByTestId('run-eta').textContent).toBe('–');
  });

  it('moves the focus from Pause to Resume and back as the run pauses and resumes', () => {
    const props = {
      step: 3,
      steps: 10,
      elapsedMs: 3000,
      onPause: noop,
      onResume: noop,
      onStop: noop,
    };
    const { rerender } = render(<RunProgress status="running" {...props} />);
    const pause = screen.getByTestId<HTMLButtonElement>('pause-run');
    const resume = screen.getByTestId<HTMLButtonElement>('resume-run');
    pause.focus();
    fireEvent.click(pause);
    rerender(<RunProgress status="paused" {...props} />);
    expect(document.activeElement).toBe(resume);
    fireEvent.click(resume);
    // Resuming an interrupted run prepares first; Pause is enabled once it runs.
    rerender(<RunProgress status="preparing" {...props} />);
    rerender(<RunProgress status="running" {...props} />);
    expect(document.activeElement).toBe(pause);
  });
});
