// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunsList } from './RunsList';
import { runSummary } from './testFixtures';
import { UndoToast } from './UndoToast';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('UndoToast', () => {
  it('takes the focus when it shows, and says on expiry whether it still held it', () => {
    vi.useFakeTimers();
    const onExpire = vi.fn();
    render(
      <UndoToast
        testId="t"
        undoTestId="u"
        undoLabel="Undo it"
        undoMs={1000}
        onUndo={vi.fn()}
        onExpire={onExpire}
      >
        Done.
      </UndoToast>,
    );
    expect(document.activeElement).toBe(screen.getByTestId('u'));
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(onExpire).toHaveBeenCalledWith(true);
  });
});

describe('RunsList: deleting a run from the keyboard', () => {
  const props = {
    selected: [],
    onSelect: vi.fn(),
    onRename: vi.fn(),
    onTag: vi.fn(),
    onDelete: vi.fn(),
    onExportBundle: vi.fn(),
    onExportCsv: vi.fn(),
    onImport: vi.fn(),
  };

  /** One run, "alpha", listed with `on`'s handlers over the defaults. */
  const listAlpha = (
    on: Pick<Parameters<typeof RunsList>[0], 'onUndoDelete'> &
      Partial<Parameters<typeof RunsList>[0]>,
  ) => render(<RunsList runs={[runSummary('a', { name: 'alpha' })]} {...props} {...on} />);

  it('moves the focus to Undo, then, once pressed, to the runs list', () => {
    const onUndoDelete = vi.fn();
    listAlpha({ onUndoDelete });
    const del = screen.getByTestId('delete-run-a');
    del.focus();
    fireEvent.click(del);
    const undo = screen.getByTestId('undo-delete-a');
    expect(document.activeElement).toBe(undo);
    fireEvent.click(undo);
    expect(onUndoDelete).toHaveBeenCalledWith('a');
    expect(document.activeElement).toBe(screen.getByTestId('runs-list'));
  });

  it('withdraws the Undo of a delete that was refused (nothing to undo)', async () => {
    listAlpha({ onDelete: () => Promise.resolve(false), onUndoDelete: vi.fn() });
    fireEvent.click(screen.getByTestId('delete-run-a'));
    await waitFor(() => expect(screen.queryByTestId('undo-delete-a')).toBeNull());
    expect(document.activeElement).toBe(screen.getByTestId('runs-list'));
  });

  it('offers the Undo again when the run could not be put back', async () => {
    const onUndoDelete = vi.fn(() => Promise.resolve(false));
    listAlpha({ onUndoDelete });
    fireEvent.click(screen.getByTestId('delete-run-a'));
    fireEvent.click(screen.getByTestId('undo-delete-a'));
    expect(onUndoDelete).toHaveBeenCalledWith('a');
    const again = await screen.findByTestId('undo-delete-a');
    await waitFor(() => expect(document.activeElement).toBe(again));
    onUndoDelete.mockReturnValue(Promise.resolve(true));
    fireEvent.click(again);
    await Promise.resolve();
    await Promise.resolve();
    expect(screen.queryByTestId('undo-delete-a')).toBeNull();
  });

  it('gives the focus to the runs list when the Undo it held is withdrawn, and says it went', () => {
    vi.useFakeTimers();
    const onUndoExpired = vi.fn();
    listAlpha({ onUndoDelete: vi.fn(), onUndoExpired, undoMs: 500 });
    fireEvent.click(screen.getByTestId('delete-run-a'));
    act(() => {
      vi.advanceTimersByTime(500);
    });
    expect(screen.queryByTestId('undo-delete-a')).toBeNull();
    expect(onUndoExpired).toHaveBeenCalledWith('a');
    expect(document.activeElement).toBe(screen.getByTestId('runs-list'));
  });
});
