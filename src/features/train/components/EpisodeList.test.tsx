// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EpisodeSummary } from '../../../protocol/episodes';
import { answerPreview, EpisodeList } from './EpisodeList';

afterEach(cleanup);

const row = (id: number): EpisodeSummary => ({
  id,
  step: 0,
  source: 'train',
  kind: 'localization',
  taskId: `localization:p:${id}`,
  groupIndex: 0,
  sampleIndex: id - 1,
  reward: id % 2,
  advantage: 0,
  answerText: `FILES f${id}.js END`,
  tokens: 3,
  logProb: -1,
});

const list = (openId: number | null, onToggle = vi.fn()) => (
  <EpisodeList
    visible={[row(1), row(2), row(3)]}
    total={3}
    evaluation={false}
    openId={openId}
    onToggle={onToggle}
    onMore={vi.fn()}
  />
);

describe('EpisodeList', () => {
  it('is one Tab stop whose rows the arrow keys move through; Enter opens one', () => {
    const onToggle = vi.fn();
    render(list(null, onToggle));
    const buttons = () => screen.getAllByRole('button');
    expect(buttons().map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    buttons()[0]!.focus();
    fireEvent.keyDown(buttons()[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons()[1]);
    // The stop follows the focus, so Tab comes back to the row left.
    expect(buttons().map((b) => b.tabIndex)).toEqual([-1, 0, -1]);
    fireEvent.keyDown(buttons()[1]!, { key: 'End' });
    expect(document.activeElement).toBe(buttons()[2]);
    fireEvent.keyDown(buttons()[2]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons()[2]);
    fireEvent.keyDown(buttons()[2]!, { key: 'Home' });
    expect(document.activeElement).toBe(buttons()[0]);
    fireEvent.click(buttons()[0]!);
    expect(onToggle).toHaveBeenCalledWith(1);
    // Without a focused row, the open one is the stop.
    cleanup();
    render(list(3));
    expect(buttons().map((b) => b.tabIndex)).toEqual([-1, -1, 0]);
  });

  it('marks an answer the decoder cut short at its step limit', () => {
    render(
      <EpisodeList
        visible={[row(1), { ...row(2), truncated: true }]}
        total={2}
        evaluation={false}
        openId={null}
        onToggle={vi.fn()}
        onMore={vi.fn()}
      />,
    );
    const rows = screen.getAllByTestId('episode-row');
    expect(rows[0]!.textContent).not.toContain('cut short');
    expect(rows[1]!.textContent).toContain('cut short');
  });

  it('previews an answer in one line: each step’s first line, … where it has more', () => {
    expect(answerPreview('FILES a.js END')).toBe('FILES a.js END');
    expect(answerPreview('FILES a.js END\n---\nEDIT a.js @4 => +\nEDIT a.js @9 => -')).toBe(
      'FILES a.js END · EDIT a.js @4 => + …',
    );
    expect(answerPreview('')).toBe('');
  });
});
