// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunProgress, type ProgressStatus } from './RunProgress';

afterEach(cleanup);

const noop = () => {};
/** A run at step 3 of 10, its controls doing nothing. */
const AT_STEP_3 = {
  step: 3,
  steps: 10,
  elapsedMs: 3000,
  onPause: noop,
  onResume: noop,
  onStop: noop,
};

describe('RunProgress', () => {
  type Shown = 'on' | 'off' | 'gone';
  it.each<[ProgressStatus, number, Shown, Shown, Shown, Shown]>([
    // status, step, start, pause, resume, stop: enabled, disabled, or not shown (a finished run's)
    ['idle', 3, 'on', 'gone', 'gone', 'gone'],
    ['preparing', 3, 'off', 'off', 'off', 'on'],
    ['running', 3, 'off', 'on', 'off', 'on'],
    ['paused', 3, 'off', 'off', 'on', 'on'],
    ['done', 3, 'on', 'gone', 'gone', 'gone'],
    ['stopped', 3, 'on', 'gone', 'gone', 'gone'],
    // Stopped before its first step (in its warm start, or right after): Resume goes on.
    ['stopped', 0, 'on', 'off', 'on', 'off'],
    ['interrupted', 3, 'on', 'off', 'on', 'off'],
    ['error', 3, 'on', 'gone', 'gone', 'gone'],
  ])('%s at step %s: start %s, pause %s, resume %s, stop %s', (status, step, ...expected) => {
    render(
      <RunProgress
        status={status}
        step={step}
        steps={10}
        elapsedMs={3000}
        onStart={noop}
        onPause={noop}
        onResume={noop}
        onStop={noop}
      />,
    );
    const shown = (id: string): Shown => {
      const button = screen.queryByTestId<HTMLButtonElement>(id);
      return !button ? 'gone' : button.disabled ? 'off' : 'on';
    };
    expect(['start-run', 'pause-run', 'resume-run', 'stop-run'].map(shown)).toEqual(expected);
  });

  it('moves the focus to Start once Stop has ended the run', () => {
    const props = {
      step: 3,
      steps: 10,
      elapsedMs: 3000,
      onStart: noop,
      onPause: noop,
      onResume: noop,
      onStop: noop,
    };
    const { rerender } = render(<RunProgress status="running" {...props} />);
    const stop = screen.getByTestId('stop-run');
    stop.focus();
    fireEvent.click(stop);
    rerender(<RunProgress status="stopped" {...props} />);
    expect(screen.queryByTestId('stop-run')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('start-run'));
  });

  it('moves the focus on when the run ends by itself, its controls going from under it', () => {
    const props = {
      name: 'quick',
      step: 10,
      steps: 10,
      elapsedMs: 3000,
      onPause: noop,
      onResume: noop,
      onStop: noop,
    };
    const { rerender } = render(<RunProgress status="running" {...props} />);
    screen.getByTestId('pause-run').focus();
    rerender(<RunProgress status="done" {...props} />);
    expect(screen.queryByTestId('pause-run')).toBeNull();
    // No Start here (another run may be going): the run's name.
    expect(document.activeElement).toBe(screen.getByTestId('focus-name'));
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
    const props = AT_STEP_3;
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

  it('says what the episodes/s is measured over', () => {
    render(
      <RunProgress
        status="done"
        step={40}
        steps={40}
        elapsedMs={53_000}
        episodesPerSecond={36.2}
        rateOf="run average"
        onPause={noop}
        onResume={noop}
        onStop={noop}
      />,
    );
    const rate = screen.getByTestId('run-rate');
    expect(rate.previousElementSibling?.textContent).toBe('episodes/s (run average)');
    expect(rate.textContent).toBe('36.2');
  });
});

describe('RunProgress: stopping and the focus', () => {
  const props = AT_STEP_3;

  it('says at once that the run is stopping, with what it still does, and holds its controls', () => {
    const { rerender } = render(<RunProgress status="running" name="demo" {...props} />);
    const stop = screen.getByTestId<HTMLButtonElement>('stop-run');
    stop.focus();
    fireEvent.click(stop);
    const note = 'Stopping: the test evaluation under way finishes first.';
    rerender(<RunProgress status="running" name="demo" stopping={note} {...props} />);
    expect(screen.getByTestId('run-status').textContent).toBe('stopping…');
    expect(screen.getByTestId('run-progress').dataset.status).toBe('stopping');
    expect(screen.getByTestId('run-stopping').textContent).toBe(note);
    for (const id of ['pause-run', 'resume-run', 'stop-run'])
      expect(screen.getByTestId<HTMLButtonElement>(id).disabled).toBe(true);
    // Nothing left to press: the focus goes to the run's name, and stays once it has ended.
    const name = screen.getByTestId('focus-name');
    expect(document.activeElement).toBe(name);
    rerender(<RunProgress status="stopped" name="demo" stopping={note} {...props} />);
    expect(screen.queryByTestId('run-stopping')).toBeNull();
    expect(screen.getByTestId('run-status').textContent).toBe('stopped');
    expect(document.activeElement).toBe(name);
  });

  it('a stop that failed (the run goes on): Stop is offered again, and the focus goes back to it', () => {
    const { rerender } = render(<RunProgress status="running" name="demo" {...props} />);
    const stop = screen.getByTestId<HTMLButtonElement>('stop-run');
    stop.focus();
    fireEvent.click(stop);
    const note = 'Stopping after the step under way.';
    rerender(<RunProgress status="running" name="demo" stopping={note} {...props} />);
    expect(document.activeElement).toBe(screen.getByTestId('focus-name'));
    rerender(<RunProgress status="running" name="demo" stopping={null} {...props} />);
    expect(screen.getByTestId('run-status').textContent).toBe('running');
    expect(screen.queryByTestId('run-stopping')).toBeNull();
    expect(stop.disabled).toBe(false);
    expect(screen.getByTestId<HTMLButtonElement>('pause-run').disabled).toBe(false);
    expect(document.activeElement).toBe(stop);
  });

  it('a stop that failed leaves the focus where a person put it meanwhile', () => {
    const elsewhere = document.createElement('input');
    document.body.append(elsewhere);
    const { rerender } = render(<RunProgress status="running" name="demo" {...props} />);
    fireEvent.click(screen.getByTestId('stop-run'));
    rerender(<RunProgress status="running" name="demo" stopping="Stopping." {...props} />);
    elsewhere.focus();
    rerender(<RunProgress status="running" name="demo" stopping={null} {...props} />);
    expect(document.activeElement).toBe(elsewhere);
    elsewhere.remove();
  });

  it('a run started from the form takes the focus to Stop while it prepares, then to Pause', () => {
    const onControlFocused = vi.fn();
    const form = document.createElement('button');
    document.body.append(form);
    form.focus();
    form.remove(); // the form's Start goes once the run is going
    const { rerender } = render(
      <RunProgress
        status="preparing"
        focusControl="pause"
        onControlFocused={onControlFocused}
        {...props}
      />,
    );
    expect(document.activeElement).toBe(screen.getByTestId('stop-run'));
    expect(onControlFocused).not.toHaveBeenCalled();
    rerender(
      <RunProgress
        status="running"
        focusControl="pause"
        onControlFocused={onControlFocused}
        {...props}
      />,
    );
    expect(document.activeElement).toBe(screen.getByTestId('pause-run'));
    expect(onControlFocused).toHaveBeenCalledOnce();
  });

  it('an interrupted run opened from a button that then goes takes the focus to Resume', () => {
    const onControlFocused = vi.fn();
    const open = document.createElement('button');
    document.body.append(open);
    open.focus();
    open.remove(); // the banner's Open goes once its run is open
    render(
      <RunProgress
        status="interrupted"
        focusControl="resume"
        onControlFocused={onControlFocused}
        {...props}
      />,
    );
    expect(document.activeElement).toBe(screen.getByTestId('resume-run'));
    expect(onControlFocused).toHaveBeenCalledOnce();
  });

  it('refuses Resume while another run goes, saying why', () => {
    render(<RunProgress status="interrupted" resumeBlocked="“a” is going." {...props} />);
    const resume = screen.getByTestId('resume-run');
    expect(resume).toHaveProperty('disabled', true);
    expect(resume.getAttribute('title')).toBe('“a” is going.');
  });

  it('leaves the focus where a person has put it meanwhile', () => {
    const elsewhere = document.createElement('input');
    document.body.append(elsewhere);
    const { rerender } = render(<RunProgress status="interrupted" {...props} />);
    fireEvent.click(screen.getByTestId('resume-run'));
    rerender(<RunProgress status="preparing" {...props} />);
    elsewhere.focus();
    rerender(<RunProgress status="running" {...props} />);
    expect(document.activeElement).toBe(elsewhere);
    elsewhere.remove();
  });
});
