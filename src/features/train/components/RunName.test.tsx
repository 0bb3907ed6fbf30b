// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunName } from './RunName';

afterEach(cleanup);

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
    const onRename = vi.fn();
    const elsewhere = document.createElement('input');
    document.body.append(elsewhere);
    render(<RunName id="a" name="alpha" onRename={onRename} />);
    fireEvent.click(screen.getByTestId('rename-a'));
    const input = screen.getByTestId('rename-input-a');
    fireEvent.change(input, { target: { value: 'delta' } });
    elsewhere.focus();
    fireEvent.blur(input);
    expect(onRename).toHaveBeenCalledWith('delta');
    expect(document.activeElement).toBe(elsewhere);
    elsewhere.remove();
  });
});
