// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { RunName } from './RunName';

afterEach(cleanup);

/** The run "alpha"'s name in edit, `value` typed: the input and the rename callback. */
function editAlpha(value: string) {
  const onRename = vi.fn();
  render(<RunName id="a" name="alpha" onRename={onRename} />);
  fireEvent.click(screen.getByTestId('rename-a'));
  const input = screen.getByTestId('rename-input-a');
  fireEvent.change(input, { target: { value } });
  return { input, onRename };
}

/** Another focusable control on the page, for the focus to move to (removed after the test). */
function elsewhere(): HTMLInputElement {
  const other = document.createElement('input');
  document.body.append(other);
  onTestFinished(() => other.remove());
  return other;
}

describe('RunName: where the focus goes once the edit ends', () => {
  it('Enter saves and gives the focus back to the rename button, without clicking it', () => {
    const onRename = vi.fn();
    render(<RunName id="a" name="alpha" onRename={onRename} />);
    fireEvent.click(screen.getByTestId('rename-a'));
    const input = screen.getByTestId('rename-input-a');
    expect(document.activeElement).toBe(input);
    fireEvent.change(input, { target: { value: 'gamma' } });
    // Its default prevented: the key press does not go on to click the button focused now.
    expect(fireEvent.keyDown(input, { key: 'Enter' })).toBe(false);
    expect(onRename).toHaveBeenCalledWith('gamma');
    expect(document.activeElement).toBe(screen.getByTestId('rename-a'));
  });

  it('Escape cancels and gives the focus back too', () => {
    const onRename = vi.fn();
    render(<RunName id="a" name="alpha" onRename={onRename} />);
    fireEvent.click(screen.getByTestId('rename-a'));
    fireEvent.keyDown(screen.getByTestId('rename-input-a'), { key: 'Escape' });
    expect(onRename).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByTestId('rename-a'));
  });

  it('leaving the input saves and leaves the focus where it went', () => {
    const other = elsewhere();
    const { input, onRename } = editAlpha('delta');
    other.focus();
    fireEvent.blur(input);
    expect(onRename).toHaveBeenCalledWith('delta');
    expect(document.activeElement).toBe(other);
  });
});

describe('RunName: an empty name', () => {
  it('is not saved: the edit ends, the name is kept, and why is said beside it', () => {
    const { input, onRename } = editAlpha('  \t ');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onRename).not.toHaveBeenCalled();
    expect(screen.getByText('alpha')).toBeTruthy();
    const problem = screen.getByRole('alert');
    expect(problem.textContent).toBe('A run’s name can’t be empty: it keeps its name “alpha”.');
    // The focus is back on the pencil, which the reason describes: one key press edits again.
    const pencil = screen.getByRole('button', { name: 'Rename alpha' });
    expect(document.activeElement).toBe(pencil);
    expect(pencil.getAttribute('aria-describedby')).toBe(problem.id);
  });

  it('left empty (Tab, a click) is refused the same way, the focus left where it went', () => {
    const other = elsewhere();
    const { onRename } = editAlpha('');
    // The browser's blur, as the focus moves on (its render flushed before looking).
    act(() => other.focus());
    expect(onRename).not.toHaveBeenCalled();
    expect(screen.getByTestId('rename-problem-a').textContent).toContain('keeps its name “alpha”');
    expect(document.activeElement).toBe(other);
  });

  it('the reason goes when the next edit starts, and a name saved after it says nothing', () => {
    const { onRename } = editAlpha(' ');
    fireEvent.keyDown(screen.getByTestId('rename-input-a'), { key: 'Enter' });
    expect(screen.queryByRole('alert')).not.toBeNull();
    fireEvent.click(screen.getByTestId('rename-a'));
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.change(screen.getByTestId('rename-input-a'), { target: { value: ' beta ' } });
    fireEvent.keyDown(screen.getByTestId('rename-input-a'), { key: 'Enter' });
    expect(onRename).toHaveBeenCalledWith('beta');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(
      screen.getByRole('button', { name: 'Rename alpha' }).hasAttribute('aria-describedby'),
    ).toBe(false);
  });
});

describe('RunName: a name another run has', () => {
  it('is not taken: the run keeps its name, and why is said; its own name again is no change', () => {
    const onRename = vi.fn();
    render(<RunName id="a" name="alpha" onRename={onRename} taken={new Set(['alpha', 'beta'])} />);
    const rename = (value: string) => {
      fireEvent.click(screen.getByTestId('rename-a'));
      fireEvent.change(screen.getByTestId('rename-input-a'), { target: { value } });
      fireEvent.keyDown(screen.getByTestId('rename-input-a'), { key: 'Enter' });
    };
    rename(' beta ');
    expect(onRename).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(
      'Another run is named “beta”, and lists and pickers tell runs apart by name: it keeps its name “alpha”.',
    );
    rename('alpha');
    expect(screen.queryByRole('alert')).toBeNull();
    rename('gamma');
    expect(onRename).toHaveBeenCalledWith('gamma');
  });
});
