// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunSummary } from '../../../protocol/training';
import { appStore } from '../../../state/appStore';
import { GoneNote, HiddenNote } from './EpisodeNotes';

afterEach(cleanup);

const note = (props: Parameters<typeof GoneNote>[0]) =>
  render(
    <MemoryRouter>
      <GoneNote {...props} />
    </MemoryRouter>,
  );

describe('GoneNote', () => {
  it('names the run an episode belongs to, and links to it there', () => {
    appStore.setState((s) => ({
      train: { ...s.train, runs: [{ id: 'r2', name: 'joint-rl' } as RunSummary] },
    }));
    note({ id: 5, elsewhere: 'r2', runName: 'warm-start', noneStored: false });
    expect(screen.getByRole('alert').textContent).toBe(
      'Episode 5 belongs to the run “joint-rl”, not “warm-start”: open it in its run.',
    );
    expect(screen.getByRole('link').getAttribute('href')).toBe('/episodes?run=r2&episode=5');
  });

  it('does not point to a list when the run has no episodes stored', () => {
    note({ id: 30, elsewhere: null, runName: 'warm-start', noneStored: true });
    expect(screen.getByRole('alert').textContent).toMatch(
      /^No episode 30 in “warm-start”: this run has no episodes stored/,
    );
    expect(screen.getByRole('alert').textContent).not.toMatch(/list below/);
  });
});

describe('HiddenNote', () => {
  it('says which filter hides the open episode, and shows it again', () => {
    const onShow = vi.fn();
    render(
      <HiddenNote
        episode={{ id: 55, kind: 'localization', reward: 1 }}
        by="skill"
        onShow={onShow}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe(
      'The open episode 55 (code localization, reward 1) is hidden by the skill filter. Show it',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show it' }));
    expect(onShow).toHaveBeenCalledOnce();
  });
});
