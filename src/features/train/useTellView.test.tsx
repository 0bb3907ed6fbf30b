// @vitest-environment jsdom
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { viewKey, type EpisodesView } from '../../protocol/episodeView';
import { useTellView, type Heard } from './useTellView';

afterEach(cleanup);

const view = (episode: number | null): EpisodesView => ({
  batch: 'test-6',
  kind: 'all',
  reward: 'all',
  episode,
});

function told() {
  const views: (number | null)[] = [];
  const onView = (v: EpisodesView) => void views.push(v.episode);
  type Props = { view: EpisodesView; onView: typeof onView; heard: Heard | null };
  const initialProps: Props = { view: view(1), onView, heard: null };
  const hook = renderHook((p: Props) => useTellView(p.view, p.onView, p.heard), { initialProps });
  return { views, onView, ...hook };
}

describe('useTellView', () => {
  it('tells each new view once, not again when only the listener changes', () => {
    const { views, onView, rerender } = told();
    rerender({ view: view(2), onView, heard: null });
    rerender({ view: view(2), onView: (v) => onView(v), heard: null });
    expect(views).toEqual([1, 2]);
  });

  it('does not tell back a view taken from the address, even one the browser already left', () => {
    const { views, onView, rerender } = told();
    rerender({ view: view(2), onView, heard: null });
    // Back rendered at once (to 1), then the address pushed before it rendered late (2), then
    // Back's own: each taken from the address, none written back.
    for (const episode of [1, 2, 1])
      rerender({ view: view(episode), onView, heard: { key: viewKey(view(episode)) } });
    expect(views).toEqual([1, 2]);
  });

  it('tells a view the person picks again after one heard, and one other than the one heard', () => {
    const { views, onView, rerender } = told();
    const heard = { key: viewKey(view(3)) };
    rerender({ view: view(3), onView, heard });
    rerender({ view: view(4), onView, heard });
    rerender({ view: view(3), onView, heard });
    rerender({ view: view(5), onView, heard: { key: viewKey(view(6)) } });
    expect(views).toEqual([1, 4, 3, 5]);
  });
});
