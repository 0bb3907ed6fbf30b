// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunsList, type RunsListProps, type RunsView } from './RunsList';
import { runSummary } from './testFixtures';
import { runs, setupProps } from './runsListTestProps';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function setup(over: Partial<RunsListProps> = {}) {
  const props = setupProps(over);
  render(<RunsList {...props} />);
  return props;
}

describe('RunsList', () => {
  it('shows a final reward with its standard error on hover, when the run recorded it', () => {
    setup();
    expect(screen.getByTestId('final-a-localization').getAttribute('title')).toBe(
      '0.500 ± 0.065: the standard error over 60 tasks (another draw of tasks could move the score this much)',
    );
    expect(screen.getByTestId('final-b-localization').getAttribute('title')).toBeNull();
  });

  it('shows the composite mean with each composite task behind it on hover', () => {
    setup();
    const cell = screen.getByTestId('final-a-composite');
    expect(cell.textContent).toBe('0.25');
    expect(cell.getAttribute('title')).toBe('Mean of 1: bug fixing 0.250');
    expect(screen.getByTestId('final-b-composite').getAttribute('title')).toBeNull();
  });

  it('sorts by a column’s header and filters by name or tag, keeping the ticked pair’s row', () => {
    const table = [
      runSummary('x', { name: 'joint', tags: ['paper'], finalRewards: { editing: 0.1 } }),
      runSummary('y', { name: 'single', tags: ['paper'], finalRewards: { editing: 0.3 } }),
      runSummary('z', { name: 'quick', finalRewards: { editing: 0.2 } }),
    ];
    render(<RunsList {...setupProps({ runs: table, selected: ['x', 'y'] })} />);
    const order = () =>
      screen.getAllByTestId(/^run-row-/).map((r) => r.getAttribute('data-testid')!.slice(8));
    expect(order()).toEqual(['x', 'y', 'z']);
    fireEvent.click(screen.getByTestId('sort-editing'));
    expect(order()).toEqual(['y', 'z', 'x']);
    expect(screen.getByTestId('sort-editing').closest('th')!.getAttribute('aria-sort')).toBe(
      'descending',
    );
    fireEvent.click(screen.getByTestId('sort-editing'));
    expect(order()).toEqual(['x', 'z', 'y']);
    fireEvent.change(screen.getByTestId('runs-filter'), { target: { value: 'paper' } });
    expect(order()).toEqual(['x', 'y']);
    expect(screen.getByTestId('runs-shown').textContent).toBe('2 of 3 runs shown');
    fireEvent.change(screen.getByTestId('runs-filter'), { target: { value: 'quick' } });
    expect(order()).toEqual(['z']);
    // The two ticked runs are filtered out of the table, and still compared under it.
    expect(screen.getByTestId('runs-difference').textContent).toContain('joint − single');
    fireEvent.change(screen.getByTestId('runs-filter'), { target: { value: 'none' } });
    expect(screen.queryAllByTestId(/^run-row-/)).toHaveLength(0);
    expect(screen.getByText('No run’s name or tags match “none”.')).toBeTruthy();
    // One run alone has nothing to filter.
    cleanup();
    render(<RunsList {...setupProps({ runs: [table[2]!] })} />);
    expect(screen.queryByTestId('runs-filter')).toBeNull();
  });

  it('keeps a typed filter in reach when the runs go down to one', () => {
    const table = [runSummary('x', { name: 'joint' }), runSummary('y', { name: 'single' })];
    const { rerender } = render(<RunsList {...setupProps({ runs: table })} />);
    fireEvent.change(screen.getByTestId('runs-filter'), { target: { value: 'single' } });
    rerender(<RunsList {...setupProps({ runs: [table[0]!] })} />);
    expect(screen.queryAllByTestId(/^run-row-/)).toHaveLength(0);
    fireEvent.change(screen.getByTestId('runs-filter'), { target: { value: '' } });
    expect(screen.getAllByTestId(/^run-row-/)).toHaveLength(1);
    expect(screen.queryByTestId('runs-filter')).toBeNull();
  });

  it('leaves the filter and sort to the caller when it keeps them', () => {
    const table = [runSummary('x', { name: 'joint' }), runSummary('y', { name: 'single' })];
    const onViewChange = vi.fn();
    const view: RunsView = { query: 'single', sort: { key: 'name', desc: true } };
    render(<RunsList {...setupProps({ runs: table, view, onViewChange })} />);
    // Drawn as the caller keeps it, filtered and sorted.
    expect(screen.getByTestId<HTMLInputElement>('runs-filter').value).toBe('single');
    expect(screen.getAllByTestId(/^run-row-/).map((r) => r.getAttribute('data-testid'))).toEqual([
      'run-row-y',
    ]);
    expect(screen.getByTestId('sort-name').closest('th')!.getAttribute('aria-sort')).toBe(
      'descending',
    );
    // Changes go to the caller.
    fireEvent.change(screen.getByTestId('runs-filter'), { target: { value: 'j' } });
    expect(onViewChange).toHaveBeenLastCalledWith({ query: 'j', sort: view.sort });
    fireEvent.click(screen.getByTestId('sort-name'));
    expect(onViewChange).toHaveBeenLastCalledWith({
      query: 'single',
      sort: { key: 'name', desc: false },
    });
  });

  it('deletes, then offers Undo which calls back once and goes away', () => {
    const p = setup();
    fireEvent.click(screen.getByLabelText('Delete alpha'));
    expect(p.onDelete).toHaveBeenCalledWith('a');
    expect(screen.getByTestId('undo-toast-a').textContent).toContain('alpha');
    fireEvent.click(screen.getByTestId('undo-delete-a'));
    expect(p.onUndoDelete).toHaveBeenCalledWith('a');
    expect(screen.queryByTestId('undo-toast-a')).toBeNull();
  });

  it('keeps an Undo for each run deleted, each withdrawn after a while', () => {
    vi.useFakeTimers();
    const p = setup({ undoMs: 5000, runs: [runs[0]!, { ...runs[1]!, status: 'stopped' }] });
    fireEvent.click(screen.getByTestId('delete-run-b'));
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    fireEvent.click(screen.getByTestId('delete-run-a'));
    expect(vi.mocked(p.onDelete).mock.calls).toEqual([['b'], ['a']]);
    expect(screen.getByTestId('undo-toast-b')).toBeTruthy();
    expect(screen.getByTestId('undo-toast-a')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(2001);
    });
    expect(screen.queryByTestId('undo-toast-b')).toBeNull();
    fireEvent.click(screen.getByTestId('undo-delete-a'));
    expect(vi.mocked(p.onUndoDelete).mock.calls).toEqual([['a']]);
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(screen.queryByTestId('undo-toast-a')).toBeNull();
  });

  it('does not offer to delete a run that is still going', () => {
    setup({ runs: [{ ...runs[0]!, status: 'paused' }] });
    const button = screen.getByTestId<HTMLButtonElement>('delete-run-a');
    expect(button.disabled).toBe(true);
    expect(button.title).toBe('Stop the run before deleting it.');
  });

  it('renames inline: Enter saves, Escape cancels', () => {
    const p = setup();
    fireEvent.click(screen.getByTestId('rename-a'));
    const input = screen.getByTestId('rename-input-a');
    fireEvent.change(input, { target: { value: '  gamma ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(p.onRename).toHaveBeenCalledWith('a', 'gamma');
    fireEvent.click(screen.getByTestId('rename-b'));
    fireEvent.change(screen.getByTestId('rename-input-b'), { target: { value: 'delta' } });
    fireEvent.keyDown(screen.getByTestId('rename-input-b'), { key: 'Escape' });
    expect(p.onRename).toHaveBeenCalledOnce();
    expect(screen.getByTestId('run-row-b').textContent).toContain('beta');
  });

  it('adds and removes tags', () => {
    const p = setup();
    const input = screen.getByLabelText('Add a tag to alpha');
    fireEvent.change(input, { target: { value: 'best' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(p.onTag).toHaveBeenCalledWith('a', ['seed1', 'best']);
    fireEvent.click(screen.getByLabelText('Remove tag seed1 from alpha'));
    expect(p.onTag).toHaveBeenLastCalledWith('a', []);
  });

  it('selects runs for comparison', () => {
    const p = setup({ selected: ['b'] });
    expect(screen.getByTestId<HTMLInputElement>('select-run-b').checked).toBe(true);
    fireEvent.click(screen.getByTestId('select-run-a'));
    expect(p.onSelect).toHaveBeenCalledWith(['b', 'a']);
    fireEvent.click(screen.getByTestId('select-run-b'));
    expect(p.onSelect).toHaveBeenLastCalledWith([]);
  });

  it('exports and imports through callbacks', () => {
    const p = setup();
    fireEvent.click(screen.getByTestId('export-csv-a'));
    fireEvent.click(screen.getByTestId('export-bundle-b'));
    expect(p.onExportCsv).toHaveBeenCalledWith('a');
    expect(p.onExportBundle).toHaveBeenCalledWith('b');
    const file = new File(['{}'], 'run.json', { type: 'application/json' });
    const other = new File(['{}'], 'other.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('import-bundle'), { target: { files: [file, other] } });
    expect(p.onImport).toHaveBeenCalledTimes(1);
    expect(p.onImport).toHaveBeenCalledWith([file, other]);
  });

  it("shows an import's outcome beside the import button, an error as an alert", () => {
    const onDismissOutcome = vi.fn();
    const text =
      'broken.run.json: This file is not valid JSON (Unterminated string); nothing was imported.';
    const { rerender } = render(
      <RunsList {...setupProps({ outcome: { kind: 'error', text }, onDismissOutcome })} />,
    );
    const toolbar = screen.getByTestId('import-bundle').closest('.runs-toolbar')!;
    const alert = screen.getByRole('alert');
    expect(toolbar.contains(alert)).toBe(true);
    expect(alert.textContent).toContain(text);
    rerender(
      <RunsList
        {...setupProps({
          outcome: { kind: 'done', text: 'Imported run "quick".' },
          onDismissOutcome,
        })}
      />,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('runs-outcome').getAttribute('role')).toBe('status');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismissOutcome).toHaveBeenCalled();
    // The message's button goes with it: the keyboard's focus goes back to import bundle.
    expect(document.activeElement).toBe(screen.getByTestId('import-bundle'));
  });

  it('shows final rewards in the skill colours, status, steps and backend', () => {
    setup();
    const cell = screen.getByTestId('final-a-localization');
    expect(cell.textContent).toBe('0.5');
    // The skill's colour for text, set per theme (readable on either).
    expect(cell.style.color).toBe('var(--kind-text-localization)');
    expect(screen.getByTestId('final-a-editing').textContent).toBe('–');
    const row = screen.getByTestId('run-row-b');
    expect(row.textContent).toContain('running');
    expect(row.textContent).toContain('40 / 40');
  });
});
