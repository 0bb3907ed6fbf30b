import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../protocol/training';
import { runToShow } from './EpisodesPage';

const run = (id: string, createdAt: number): RunSummary => ({
  id,
  name: id,
  status: 'done',
  tags: [],
  backend: 'wasm',
  createdAt,
  step: 1,
  steps: 1,
  elapsedMs: 0,
  finalRewards: {},
});
const runs = [run('a', 1), run('c', 3), run('b', 2)];

describe('runToShow', () => {
  it('shows the run the link names, else the focused run, else the newest', () => {
    expect(runToShow(runs, 'b', 'a')).toEqual({ run: runs[2], missing: false });
    expect(runToShow(runs, null, 'a')).toEqual({ run: runs[0], missing: false });
    expect(runToShow(runs, null, null)).toEqual({ run: runs[1], missing: false });
    expect(runToShow(runs, null, 'gone')).toEqual({ run: runs[1], missing: false });
  });

  it('says when the linked run is not here, and shows another', () => {
    expect(runToShow(runs, 'gone', 'a')).toEqual({ run: runs[0], missing: true });
    expect(runToShow([], 'gone', null)).toEqual({ run: null, missing: true });
    expect(runToShow([], null, null)).toEqual({ run: null, missing: false });
  });
});
