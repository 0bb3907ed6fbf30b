import { describe, expect, it } from 'vitest';
import { paperGrid } from '../../eval/grid';
import type { RunSummary } from '../../protocol/training';
import { defaultPicks, gridFromRuns, samplesNote, unfinishedNote } from './gridFromRuns';

const run = (id: string, over: Partial<RunSummary>): RunSummary => ({
  id,
  name: id,
  status: 'done',
  tags: [],
  backend: 'wasm',
  createdAt: 0,
  step: 10,
  steps: 10,
  elapsedMs: 5000,
  finalRewards: { editing: 0.5 },
  ...over,
});

describe('the grid from the browser’s runs', () => {
  it('picks the newest finished run named for each baseline', () => {
    const runs = [
      run('a', { name: 'joint-rl', createdAt: 1 }),
      run('b', { name: 'joint-rl 2', createdAt: 3 }),
      run('c', { name: 'joint-rl', createdAt: 5, status: 'running' }),
      run('d', { name: 'joint-rl-x', createdAt: 9 }),
      run('e', { name: 'warm-start', createdAt: 2, finalRewards: {} }),
    ];
    expect(defaultPicks(runs, ['joint-rl', 'warm-start'])).toEqual({
      'joint-rl': 'b',
      'warm-start': null,
    });
  });

  it('keeps each run’s final scores with their errors, and pairs differences over read task scores', () => {
    const joint = run('j', {
      finalRewards: { editing: 0.5, bugfix: 0.25 },
      finalStdErr: { editing: { stdErr: 0.5, tasks: 2 } },
    });
    const single = run('s', {
      finalRewards: { editing: 1 },
      finalStdErr: { editing: { stdErr: 0, tasks: 2 } },
    });
    const grid = gridFromRuns({
      'joint-rl': { run: joint, perTask: { editing: { t1: 1, t2: 0 } } },
      'single-editing': { run: single, perTask: { editing: { t1: 1, t2: 1 } } },
    });
    expect(grid.runs['joint-rl']!.scores).toEqual({
      editing: { tasks: 2, meanReward: 0.5, stdErr: 0.5 },
      bugfix: { tasks: 0, meanReward: 0.25 },
    });
    expect(grid.runs['joint-rl']!.seconds).toBe(5);
    const editing = paperGrid(grid).rows.find((r) => r.kind === 'editing')!;
    // Paired: differences 0 and -1 over the same two tasks.
    expect(editing.jointMinusSingle).toMatchObject({ diff: -0.5, stdErr: 0.5, paired: true });
    // Without the task scores, the errors combine as independent.
    const unpaired = paperGrid(
      gridFromRuns({ 'joint-rl': { run: joint }, 'single-editing': { run: single } }),
    );
    expect(unpaired.rows.find((r) => r.kind === 'editing')!.jointMinusSingle).toMatchObject({
      diff: -0.5,
      stdErr: 0.5,
      paired: false,
    });
  });

  it('says what k of Avg@k is: one for all, each with its runs, or not recorded', () => {
    const whose = 'their configs';
    expect(samplesNote({ a: 2, b: 2 }, whose)).toBe('Here k = 2 (their configs).');
    expect(samplesNote({ a: undefined }, whose)).toBe('Here k was not recorded.');
    expect(samplesNote({}, whose)).toBe('');
    expect(samplesNote({ a: 4, b: 1, c: undefined, d: 1 }, whose)).toBe(
      'Here k differs between the runs (their configs): 1 (b, d); 4 (a); not recorded (c): their scores are not measured alike.',
    );
  });
});

describe('unfinishedNote', () => {
  const of = (status: RunSummary['status']) =>
    ({ status, finalRewards: { review: 0.5 } }) as unknown as RunSummary;
  it('says how many runs are not offered and why, or nothing', () => {
    expect(unfinishedNote([of('done')])).toBeNull();
    // Finished with no test evaluation (0 steps tested, say): not offered either.
    expect(unfinishedNote([{ ...of('done'), finalRewards: {} }])).toMatch(/^1 run here/);
    expect(unfinishedNote([of('done'), of('stopped')])).toMatch(
      /^1 run here has no final test evaluation yet \(stopped, interrupted, failed or still going\)\. It is not offered: only runs that ran to their end are\. Resume/,
    );
    expect(unfinishedNote([of('interrupted'), of('running')])).toMatch(
      /^2 runs here have no final test evaluation yet .*\. They are not offered/,
    );
  });
});
