import { transferRows } from './transfer';
import { describe, expect, it } from 'vitest';
import { baselineName, PAPER_GRID } from '../rl/presets';
import { ATOMIC_SKILLS } from '../core/tasks/types';
import {
  buildsNote,
  meanDifference,
  PAPER_BASELINES,
  paperGrid,
  readGridResult,
  sharedWarmStart,
  type GridResult,
} from './grid';

const score = (meanReward: number, stdErr = 0.1) => ({ tasks: 4, meanReward, stdErr });

describe('the paper grid', () => {
  it('names its columns as the grid’s baselines are named', () => {
    expect(PAPER_BASELINES.map((b) => b.name)).toEqual(PAPER_GRID.map(baselineName));
  });

  it('lays out each kind under each baseline, with joint - single and the gain', () => {
    const result: GridResult = {
      base: 'joint-rl',
      seed: 1,
      backend: 'wasm',
      runs: {
        'warm-start': { scores: { editing: score(0.4), bugfix: score(0) }, seconds: 1, steps: 0 },
        'joint-rl': { scores: { editing: score(0.5), bugfix: score(0.1) }, seconds: 1, steps: 9 },
        'single-editing': { scores: { editing: score(0.6) }, seconds: 1, steps: 9 },
      },
    };
    const grid = paperGrid(result);
    const editing = grid.rows.find((r) => r.kind === 'editing')!;
    expect(editing.single?.meanReward).toBe(0.6);
    expect(editing.jointMinusSingle?.diff).toBeCloseTo(-0.1, 12);
    expect(editing.jointMinusSingle?.stdErr).toBeCloseTo(Math.hypot(0.1, 0.1), 12);
    expect(editing.gain).toEqual({ relative: expect.closeTo(0.25, 12) as number });
    const bugfix = grid.rows.find((r) => r.kind === 'bugfix')!;
    // A composite row has no single-skill column; a warm start at 0 gives an absolute gain.
    expect(bugfix.jointMinusSingle).toBeUndefined();
    expect(bugfix.gain).toEqual({ absolute: 0.1 });
    expect(grid.rows.find((r) => r.kind === 'review')!.joint).toBeUndefined();
    // Not every skill scored: no mean.
    expect(grid.mean.joint).toBeNull();
  });
});

describe('meanDifference', () => {
  it('counts the skills whose difference is paired over tasks (both runs kept their scores)', () => {
    const scores = Object.fromEntries(ATOMIC_SKILLS.map((k) => [k, score(0.5)]));
    const perTask = { localization: { 'p-1': 1, 'p-2': 0 }, editing: { 'p-1': 0, 'p-2': 1 } };
    const result: GridResult = {
      base: 'a',
      seed: 1,
      backend: 'wasm',
      runs: {
        a: { scores, perTask, seconds: 1, steps: 1 },
        b: { scores, perTask, seconds: 1, steps: 1 },
      },
    };
    const paired = () =>
      meanDifference(
        result,
        () => 'a',
        () => 'b',
      )!.pairedSkills;
    expect(paired()).toBe(2);
    delete result.runs.b!.perTask;
    expect(paired()).toBe(0);
  });
});

describe('readGridResult', () => {
  const good = {
    base: 'joint-rl',
    seed: 1,
    backend: 'wasm',
    suite: 'built-in, seed 1',
    runs: {
      'joint-rl': {
        scores: { editing: { tasks: 2, meanReward: 0.5, stdErr: 0.5 } },
        perTask: { editing: { 'p-1': 1, 'p-2': 0 } },
        seconds: 12,
        steps: 9,
      },
    },
  };

  it('reads what lab experiment writes', () => {
    const read = readGridResult(JSON.parse(JSON.stringify(good)));
    expect(read.runs['joint-rl']!.scores.editing).toEqual({
      tasks: 2,
      meanReward: 0.5,
      stdErr: 0.5,
    });
    expect(read.runs['joint-rl']!.perTask).toEqual({ editing: { 'p-1': 1, 'p-2': 0 } });
    expect(read.suite).toBe('built-in, seed 1');
  });

  it('names the first wrong field, and what it should be', () => {
    const bad = (patch: (v: typeof good) => unknown) => () =>
      readGridResult(patch(JSON.parse(JSON.stringify(good)) as typeof good));
    expect(() => readGridResult([])).toThrow(/must be an object with "runs"/);
    expect(bad((v) => ({ ...v, runs: {} }))).toThrow('results.json has no runs.');
    expect(
      bad((v) => {
        (v.runs['joint-rl'].scores as Record<string, unknown>).fixing = { tasks: 1, meanReward: 1 };
        return v;
      }),
    ).toThrow(/runs\["joint-rl"\]\.scores has "fixing", which is not a task kind/);
    expect(
      bad((v) => {
        (v.runs['joint-rl'].scores.editing as Record<string, unknown>).meanReward = '0.5';
        return v;
      }),
    ).toThrow(/scores\.editing must hold a number "meanReward"/);
    expect(
      bad((v) => {
        (v.runs['joint-rl'].perTask.editing as Record<string, unknown>)['p-1'] = null;
        return v;
      }),
    ).toThrow(/perTask\.editing must map each task id to its score/);
    // Scores no evaluation can give (a hand-edited file): refused, naming the field.
    const score = (change: Record<string, unknown>) =>
      bad((v) => {
        Object.assign(v.runs['joint-rl'].scores.editing as Record<string, unknown>, change);
        return v;
      });
    expect(score({ meanReward: 5 })).toThrow(
      /scores\.editing\.meanReward is 5: a mean reward lies between 0 and 1/,
    );
    expect(score({ stdErr: -1 })).toThrow(/scores\.editing\.stdErr must be a number of at least 0/);
    expect(score({ tasks: 0 })).toThrow(
      /scores\.editing\.tasks is 0: a score is over a whole number/,
    );
    expect(score({ tasks: 2.5 })).toThrow(/tasks is 2\.5/);
    expect(
      bad((v) => {
        (v.runs['joint-rl'].perTask.editing as Record<string, unknown>)['p-1'] = 7;
        return v;
      }),
    ).toThrow(/perTask\.editing must map each task id to its score \(a number between 0 and 1\)/);
  });
});

describe('transferRows', () => {
  it('gives each RL run its gain over the warm start on every kind, only for runs there', () => {
    const result: GridResult = {
      base: 'joint-rl',
      seed: 1,
      backend: 'wasm',
      runs: {
        'warm-start': {
          scores: { editing: score(0.2), review: score(0.5) },
          perTask: { editing: { a: 0, b: 0.4 }, review: { a: 1, b: 0 } },
          seconds: 1,
          steps: 0,
        },
        'single-editing': {
          scores: { editing: score(0.7), review: score(0.5) },
          perTask: { editing: { a: 1, b: 0.4 }, review: { a: 0, b: 1 } },
          seconds: 1,
          steps: 9,
        },
        'composite-only': { scores: { editing: score(0.1) }, seconds: 1, steps: 9 },
      },
    };
    const rows = transferRows(result);
    expect(rows.map((r) => [r.name, r.trainedOn])).toEqual([
      ['single-editing', ['editing']],
      ['composite-only', ['bugfix']],
    ]);
    // Paired over tasks a and b: differences 1 and 0 on editing, -1 and 1 on review.
    expect(rows[0]!.gains.editing).toMatchObject({ diff: 0.5, stdErr: 0.5, paired: true });
    expect(rows[0]!.gains.review).toMatchObject({ diff: 0, stdErr: 1, paired: true });
    expect(rows[0]!.gains.bugfix).toBeNull();
    // No task scores: unpaired, the errors combined.
    expect(rows[1]!.gains.editing).toMatchObject({ paired: false });
    expect(rows[1]!.gains.editing!.diff).toBeCloseTo(-0.1, 12);
    expect(
      transferRows({ ...result, runs: { 'joint-rl': result.runs['single-editing']! } }),
    ).toEqual([]);
  });
});

describe('sharedWarmStart', () => {
  const run = (warmStartKinds?: ('editing' | 'review' | 'testgen')[]) => ({
    scores: {},
    seconds: 1,
    steps: 1,
    ...(warmStartKinds ? { warmStartKinds } : {}),
  });
  const grid = (runs: GridResult['runs'], warmStart?: string): GridResult => ({
    base: 'b',
    seed: 1,
    backend: 'wasm',
    runs,
    ...(warmStart ? { warmStart } : {}),
  });

  it('is true in a lab experiment grid, and otherwise when the warm starts covered the same skills', () => {
    expect(
      sharedWarmStart(grid({ 'single-editing': run() }, 'runs/g/warm-start'), 'single-editing'),
    ).toBe(true);
    const runs = {
      'warm-start': run(['editing', 'review']),
      'joint-rl': run(['review', 'editing']),
      'single-editing': run(['editing']),
      'single-review': run(),
    };
    expect(sharedWarmStart(grid(runs), 'joint-rl')).toBe(true);
    expect(sharedWarmStart(grid(runs), 'single-editing')).toBe(false);
    expect(sharedWarmStart(grid(runs), 'single-review')).toBeNull();
    // The paper grid marks the single-skill run's difference; transfer marks the row.
    expect(
      paperGrid(grid(runs)).rows.find((r) => r.kind === 'editing')!.singleSharedWarmStart,
    ).toBe(false);
    expect(transferRows(grid(runs)).map((r) => [r.name, r.sharedWarmStart])).toEqual([
      ['single-editing', false],
      ['single-review', null],
      ['joint-rl', true],
    ]);
  });
});

describe('buildsNote', () => {
  it('says when a grid’s runs were made by more than one build of the code', () => {
    const run = (buildId?: string) => ({
      scores: {},
      seconds: 0,
      steps: 0,
      ...(buildId ? { buildId } : {}),
    });
    const result = (runs: Record<string, ReturnType<typeof run>>) => ({
      base: 'b',
      seed: 1,
      backend: 'wasm',
      runs,
    });
    expect(buildsNote(result({ a: run('x'), b: run('x'), c: run() }))).toBeNull();
    expect(buildsNote(result({ a: run('x'), b: run('y'), c: run('x') }))).toBe(
      'these runs were made by 2 builds of the code (build x: a, c; build y: b): a change to the tasks or their grading between them shows as a difference here',
    );
  });
});
