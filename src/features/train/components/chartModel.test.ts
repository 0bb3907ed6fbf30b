import { describe, expect, it } from 'vitest';
import {
  buildChartModel,
  groupLabel,
  cachedRunLines,
  runLines,
  mixLabel,
  validationAt,
  valueNear,
  type ChartOptions,
  type ChartRun,
} from './chartModel';
import { evalRecord, stepPoint } from './testFixtures';

const options = (over: Partial<ChartOptions> = {}): ChartOptions => ({
  xAxis: 'step',
  smoothing: 0,
  logX: false,
  logY: false,
  groupRuns: false,
  kinds: ['localization', 'review', 'bugfix'],
  maxPoints: 500,
  ...over,
});

const run = (id: string, rewards: number[], over: Partial<ChartRun> = {}): ChartRun => ({
  id,
  name: `run ${id}`,
  points: rewards.map((r, i) => stepPoint(i + 1, { reward: { localization: r, review: 1 - r } })),
  evals: [evalRecord(2, { bugfix: { tasks: 8, meanReward: 0.5 } })],
  events: [{ step: 2, elapsedMs: 900, mix: { localization: 2 } }],
  ...over,
});

describe('buildChartModel', () => {
  it('draws a run as training curves and dashed evals', () => {
    const m = buildChartModel([runLines(run('a', [0.1, 0.2, 0.4]), 'step')], options());
    expect(m.series.map((s) => [s.key, s.kind, s.role])).toEqual([
      ['s0', 'localization', 'smooth'],
      ['s1', 'review', 'smooth'],
      ['s2', 'bugfix', 'eval'],
    ]);
    expect(m.series[0]!.label).toBe('run a · code localization');
    const xy = (i: number) => m.series[i]!.points.map((p) => [p.x, +p.y.toFixed(12)]);
    expect(xy(0)).toEqual([
      [1, 0.1],
      [2, 0.2],
      [3, 0.4],
    ]);
    expect(xy(1)).toEqual([
      [1, 0.9],
      [2, 0.8],
      [3, 0.6],
    ]);
    expect(xy(2)).toEqual([[2, 0.5]]);
    expect(m.markers).toEqual([
      { x: 2, label: 'mix 1', text: 'loc 2', row: 0, name: 'mix 1', runs: [] },
    ]);
  });

  it('numbers mix changes and staggers the labels of near ones so they do not overlap', () => {
    const events = [
      { step: 5, elapsedMs: 1, mix: { localization: 0, editing: 0 } },
      { step: 6, elapsedMs: 2, mix: { localization: 1, editing: 0.5 } },
      { step: 30, elapsedMs: 3, mix: { localization: 1, editing: 1 } },
    ];
    const rewards = [...Array(40).keys()].map(() => 0.5);
    const m = buildChartModel([runLines(run('a', rewards, { events }), 'step')], options());
    expect(m.markers.map(({ runs: _, name: __, ...drawn }) => drawn)).toEqual([
      { x: 5, label: 'mix 1', text: 'loc 0, edit 0', row: 0 },
      { x: 6, label: 'mix 2', text: 'loc 1, edit 0.5', row: 1 },
      { x: 30, label: 'mix 3', text: 'loc 1, edit 1', row: 0 },
    ]);
    // The same change in a second run (a seed of the same config) is not labelled again.
    const twice = buildChartModel(
      [
        runLines(run('a', rewards, { events: events.slice(0, 1) }), 'step'),
        runLines(run('b', rewards, { events: [{ ...events[0]!, step: 7 }] }), 'step'),
      ],
      options(),
    );
    expect(twice.markers.map((x) => x.label)).toEqual(['mix 1', '']);
    // Runs compared: each change names its run; the same change at the same step in two runs
    // (a run and its imported copy) is one marker naming both.
    expect(twice.markers.map((x) => [x.name, x.runs])).toEqual([
      ['mix 1', ['run a']],
      ['mix 1', ['run b']],
    ]);
    const copies = buildChartModel(
      [
        runLines(run('a', rewards, { events: events.slice(0, 1) }), 'step'),
        runLines(run('b', rewards, { events: events.slice(0, 1) }), 'step'),
      ],
      options(),
    );
    expect(copies.markers.map((x) => [x.label, x.runs])).toEqual([['mix 1', ['run a', 'run b']]]);
  });

  it('adds the faint raw curve under a smoothed one', () => {
    const m = buildChartModel([runLines(run('a', [0, 1]), 'step')], options({ smoothing: 0.5 }));
    const roles = m.series.filter((s) => s.kind === 'localization').map((s) => s.role);
    expect(roles).toEqual(['raw', 'smooth']);
    const smooth = m.series.find((s) => s.kind === 'localization' && s.role === 'smooth')!;
    expect(smooth.points.map((p) => +p.y.toFixed(6))).toEqual([0, +(1 / 1.5).toFixed(6)]);
  });

  it('averages runs of one group into a mean with a min–max band', () => {
    const lines = [
      runLines(run('a', [0.2, 0.4], { group: 'cfg' }), 'step'),
      runLines(run('b', [0.6, 0.8], { group: 'cfg' }), 'step'),
    ];
    const m = buildChartModel(lines, options({ groupRuns: true, kinds: ['localization'] }));
    expect(m.series.map((s) => s.role)).toEqual(['band', 'smooth']);
    // Named by its runs, not the config's hash.
    expect(m.series[1]!.label).toBe('run a, run b (mean of 2) · code localization');
    expect(groupLabel(['a', 'b', 'c', 'd'])).toBe('a, b +2 (mean of 4)');
    expect(m.series[0]!.points[0]).toMatchObject({ x: 1, lo: 0.2, hi: 0.6 });
    expect(m.series[1]!.points[0]!.y).toBeCloseTo(0.4, 12);
    const ungrouped = buildChartModel(lines, options({ kinds: ['localization'] }));
    expect(ungrouped.series.map((s) => s.runIndex)).toEqual([0, 1]);
  });

  it('hides non-positive values on a log axis and counts them', () => {
    const m = buildChartModel(
      [runLines(run('a', [0, 0.5, 1]), 'step')],
      options({ logY: true, kinds: ['localization', 'review'] }),
    );
    expect(m.dropped).toBe(2);
    expect(m.series[0]!.points.map((p) => p.y)).toEqual([0.5, 1]);
  });

  it('keeps at most maxPoints per series', () => {
    const rewards = Array.from({ length: 3000 }, (_, i) => (i % 7) / 7);
    const m = buildChartModel([runLines(run('a', rewards), 'step')], options());
    for (const s of m.series) expect(s.points.length).toBeLessThanOrEqual(500);
    expect(m.series[0]!.points.at(-1)!.x).toBe(3000);
  });

  it('places evals and markers on the episodes and time axes', () => {
    const r = run('a', [0.1, 0.2, 0.3], { elapsed: [100, 400, 800] });
    const byEpisodes = buildChartModel([runLines(r, 'episodes')], options());
    expect(byEpisodes.series.find((s) => s.role === 'eval')!.points[0]!.x).toBe(96);
    expect(byEpisodes.markers[0]!.x).toBe(96);
    const byTime = buildChartModel([runLines(r, 'time')], options());
    expect(byTime.series[0]!.points.map((p) => p.x)).toEqual([100, 400, 800]);
    expect(byTime.markers[0]!.x).toBe(900);
  });
});

describe('valueNear and the cache', () => {
  it('finds the nearest point inside a series, nothing outside it', () => {
    const [s] = buildChartModel([runLines(run('a', [0.1, 0.2, 0.4]), 'step')], options()).series;
    expect(valueNear(s!, 2.4)).toBe(0.2);
    expect(valueNear(s!, 2.6)).toBe(0.4);
    expect(valueNear(s!, 0.5)).toBeNull();
    expect(valueNear(s!, 3.5)).toBeNull();
  });

  it('derives a run once per axis', () => {
    const r = run('a', [0.1]);
    expect(cachedRunLines(r, 'step')).toBe(cachedRunLines(r, 'step'));
    expect(cachedRunLines(r, 'time')).not.toBe(cachedRunLines(r, 'step'));
  });
});

describe('validationAt', () => {
  it('names the run and step of the validation drawn at x, the first run’s, on any axis', () => {
    const a = run('a', [0.1, 0.2, 0.3], { elapsed: [100, 400, 800] });
    const b = run('b', [0.5, 0.6, 0.7]);
    const byStep = [runLines(a, 'step'), runLines(b, 'step')];
    expect(validationAt(byStep, 2)).toEqual({ runId: 'a', step: 2 });
    expect(validationAt(byStep.slice(1), 2)).toEqual({ runId: 'b', step: 2 });
    // Only where a validation is: not at a training point's x.
    expect(validationAt(byStep, 3)).toBeNull();
    const byTime = [runLines(a, 'time')];
    const x = buildChartModel(byTime, options()).series.find((s) => s.role === 'eval')!.points[0]!
      .x;
    expect(validationAt(byTime, x)).toEqual({ runId: 'a', step: 2 });
  });
});

describe('mixLabel', () => {
  it('lists the whole mix: every trained kind, 1 where the change names none', () => {
    const kinds = ['localization', 'editing', 'testgen', 'reproduction', 'review'] as const;
    expect(mixLabel({ localization: 0, editing: 0, testgen: 0, reproduction: 0 }, kinds)).toBe(
      'loc 0, edit 0, test 0, repro 0, review 1',
    );
    // Without the run's kinds (an older run's summary), what the change names.
    expect(mixLabel({ review: 3 })).toBe('review 3');
  });
});
