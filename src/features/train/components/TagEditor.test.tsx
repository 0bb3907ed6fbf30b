// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TAG_LENGTH, TagEditor, tagProblem } from './TagEditor';

afterEach(cleanup);

describe('TagEditor', () => {
  it('refuses a tag over the limit, saying so, keeps the text, and adds it once shortened', () => {
    const onChange = vi.fn();
    render(<TagEditor tags={['seed1']} onChange={onChange} runName="alpha" />);
    const input = screen.getByLabelText<HTMLInputElement>('Add a tag to alpha');
    const long = 'x'.repeat(300);
    fireEvent.change(input, { target: { value: long } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).not.toHaveBeenCalled();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(
      'A tag holds at most 40 characters; this one has 300. Shorten it (Escape clears it).',
    );
    expect(input.value).toBe(long);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(alert.id);
    // Leaving the input does not drop it silently either.
    fireEvent.blur(input);
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toBeTruthy();
    const fits = 'y'.repeat(MAX_TAG_LENGTH);
    fireEvent.change(input, { target: { value: fits } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledWith(['seed1', fits]);
    expect(input.value).toBe('');
  });

  it('Escape clears a refused tag and its reason', () => {
    render(<TagEditor tags={[]} onChange={vi.fn()} runName="alpha" />);
    const input = screen.getByLabelText<HTMLInputElement>('Add a tag to alpha');
    fireEvent.change(input, { target: { value: 'z'.repeat(41) } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByRole('alert')).toBeTruthy();
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a long stored tag whole in its title', () => {
    const long = 'imported-'.repeat(10);
    render(<TagEditor tags={[long]} onChange={vi.fn()} runName="alpha" />);
    expect(screen.getByTitle(long).textContent).toBe(long);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(tagProblem('🙂'.repeat(MAX_TAG_LENGTH))).toBeNull();
    expect(tagProblem('🙂'.repeat(MAX_TAG_LENGTH + 1))).toMatch(/this one has 41/);
  });
});
