import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandOverRuns,
  clampSmoothing,
  downsample,
  emaSmooth,
  logSafe,
  projectedEnd,
  runToCsv,
  xAtStep,
  xValues,
  averageEpisodesPerSecond,
} from './series';
import { evalRecord, stepPoint } from './testFixtures';

describe('emaSmooth', () => {
  it('is the identity at weight 0', () => {
    expect(emaSmooth([3, -1, 7], 0)).toEqual([3, -1, 7]);
  });

  it('is debiased: the first value is kept and a constant stays constant', () => {
    expect(emaSmooth([5, 5, 5, 5], 0.9).map((v) => +v.toFixed(12))).toEqual([5, 5, 5, 5]);
    expect(emaSmooth([2], 0.99)[0]).toBeCloseTo(2, 12);
  });

  it('weights older values by w^age, normalised', () => {
    // w = 0.5: (0.5 * 2 + 1 * 4) / 1.5
    const [a, b] = emaSmooth([2, 4], 0.5);
    expect(a).toBeCloseTo(2, 12);
    expect(b).toBeCloseTo(10 / 3, 12);
    // Three values: (0.25 * 1 + 0.5 * 2 + 1 * 6) / 1.75
    expect(emaSmooth([1, 2, 6], 0.5)[2]).toBeCloseTo(7.25 / 1.75, 12);
  });

  it('lets non-finite values through without moving the average', () => {
    const out = emaSmooth([2, NaN, 4], 0.5);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(10 / 3, 12);
  });

  it('clamps the weight to [0, 0.999]', () => {
    expect(clampSmoothing(1)).toBe(0.999);
    expect(clampSmoothing(-0.5)).toBe(0);
    expect(clampSmoothing(NaN)).toBe(0);
    expect(emaSmooth([1, 2], 1).every(Number.isFinite)).toBe(true);
    expect(emaSmooth([1, 2], -3)).toEqual([1, 2]);
  });
});

describe('downsample', () => {
  const id = (v: number) => v;

  it('returns short series unchanged (as a copy)', () => {
    const xs = [1, 2, 3];
    const out = downsample(xs, 5, id);
    expect(out).toEqual(xs);
    expect(out).not.toBe(xs);
  });

  it('keeps the endpoints and a spike, within the budget', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => Math.sin(i / 50));
    xs[500] = 42;
    xs[700] = -42;
    const out = downsample(xs, 50, id);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out[0]).toBe(xs[0]);
    expect(out.at(-1)).toBe(xs[999]);
    expect(out).toContain(42);
    expect(out).toContain(-42);
  });

  it('keeps min and max of each bucket in their order', () => {
    // 2 endpoints + 2 buckets of 4 interior points each.
    const xs = [0, 5, 1, 9, 3, 4, 2, 8, 6, 7];
    expect(downsample(xs, 6, id)).toEqual([0, 1, 9, 2, 8, 7]);
  });

  it('keeps only the endpoints when the budget allows no bucket', () => {
    expect(downsample([1, 2, 3, 4, 5], 3, id)).toEqual([1, 5]);
  });

  it('holds for any series: bounded, ordered subsequence with endpoints and extremes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 400 }),
        fc.integer({ min: 4, max: 120 }),
        (values, max) => {
          const items = values.map((v, i) => ({ i, v }));
          const out = downsample(items, max, (p) => p.v);
          expect(out.length).toBeLessThanOrEqual(Math.max(max, 2));
          expect(out[0]).toBe(items[0]);
          expect(out.at(-1)).toBe(items.at(-1));
          for (let k = 1; k < out.length; k++) expect(out[k]!.i).toBeGreaterThan(out[k - 1]!.i);
          const kept = out.map((p) => p.v);
          expect(kept).toContain(Math.min(...values));
          expect(kept).toContain(Math.max(...values));
        },
      ),
    );
  });
});

describe('x values', () => {
  const points = [
    stepPoint(1, { episodes: 10, wallMs: 100 }),
    stepPoint(2, { episodes: 20, wallMs: 300 }),
    stepPoint(4, { episodes: 30, wallMs: 50 }),
  ];

  it('gives steps, cumulative episodes, or elapsed time', () => {
    expect(xValues(points, 'step')).toEqual([1, 2, 4]);
    expect(xValues(points, 'episodes')).toEqual([10, 30, 60]);
    expect(xValues(points, 'time', [150, 480, 900])).toEqual([150, 480, 900]);
    expect(xValues(points, 'time')).toEqual([100, 400, 450]);
  });

  it('places a step without a point at the last point before it', () => {
    const xs = xValues(points, 'episodes');
    expect(xAtStep(points, xs, 3, 'episodes')).toBe(30);
    expect(xAtStep(points, xs, 4, 'episodes')).toBe(60);
    expect(xAtStep(points, xs, 0, 'episodes')).toBe(0);
    expect(xAtStep(points, xs, 3, 'step')).toBe(3);
  });
});

describe('logSafe', () => {
  const pts = [
    { x: 0, y: 1 },
    { x: 1, y: 0 },
    { x: 2, y: -1 },
    { x: 3, y: 0.5 },
  ];

  it('drops what a log axis cannot draw and counts it', () => {
    expect(logSafe(pts, false, false)).toEqual({ points: pts, dropped: 0 });
    expect(logSafe(pts, true, false).dropped).toBe(1);
    expect(logSafe(pts, false, true)).toEqual({ points: [pts[0], pts[3]], dropped: 2 });
    expect(logSafe(pts, true, true)).toEqual({ points: [pts[3]], dropped: 3 });
  });
});

describe('bandOverRuns', () => {
  it('averages runs aligned by step, with min/max and the count', () => {
    const a = [
      { step: 1, x: 10, y: 0.2 },
      { step: 2, x: 20, y: 0.4 },
    ];
    const b = [
      { step: 1, x: 30, y: 0.6 },
      { step: 2, x: 40, y: NaN },
      { step: 3, x: 50, y: 1 },
    ];
    const band = bandOverRuns([b, a]);
    expect(band.map((p) => p.step)).toEqual([1, 2, 3]);
    expect(band[0]).toMatchObject({ x: 20, min: 0.2, max: 0.6, n: 2 });
    expect(band[0]!.mean).toBeCloseTo(0.4, 12);
    expect(band[1]).toEqual({ step: 2, x: 20, mean: 0.4, min: 0.4, max: 0.4, n: 1 });
    expect(band[2]).toEqual({ step: 3, x: 50, mean: 1, min: 1, max: 1, n: 1 });
  });

  it('is empty for no runs', () => {
    expect(bandOverRuns([])).toEqual([]);
  });
});

describe('runToCsv', () => {
  it('writes long-format rows ordered by step, evals after the step they follow', () => {
    const points = [
      stepPoint(1, {
        reward: { review: 0.5, localization: 0.25 },
        rewardMean: 0.375,
        kl: 0.01,
        learningRate: NaN,
      }),
      // A run with self-imitation replay records two more figures a step.
      stepPoint(2, { reward: { localization: 1 }, replayed: 2, replayHeld: 5 }),
    ];
    const evals = [
      evalRecord(1, { bugfix: { tasks: 8, meanReward: 0.125 } }),
      { step: 2, split: 'test' as const, bySkill: { editing: { tasks: 4, meanReward: 0.75 } } },
    ];
    const scalars = (step: number, over: Record<string, number> = {}) =>
      Object.entries({
        rewardMean: 0,
        advantageMean: 0,
        advantageStd: 0,
        flatGroups: 0,
        kl: 0,
        entropy: 0,
        clipFraction: 0,
        gradNorm: 0,
        loss: 0,
        learningRate: 0.001,
        episodes: 48,
        replayed: NaN,
        replayHeld: NaN,
        episodesPerSecond: 10,
        modelMs: 100,
        sandboxMs: 50,
        wallMs: 200,
        ...over,
      })
        .filter(([, v]) => !Number.isNaN(v))
        .map(([k, v]) => `"a, ""b""",${step},${k},${v}`);
    const expected = [
      'run,step,metric,value',
      '"a, ""b""",1,reward.localization,0.25',
      '"a, ""b""",1,reward.review,0.5',
      ...scalars(1, { rewardMean: 0.375, kl: 0.01, learningRate: NaN }),
      '"a, ""b""",1,val.reward.bugfix,0.125',
      '"a, ""b""",2,reward.localization,1',
      ...scalars(2, { replayed: 2, replayHeld: 5 }),
      '"a, ""b""",2,test.reward.editing,0.75',
    ];
    expect(runToCsv('a, "b"', points, evals)).toBe(expected.join('\n') + '\n');
  });

  it('writes the literal text for a tiny run', () => {
    const p = stepPoint(0, { reward: { testgen: 1 } });
    const csv = runToCsv('r1', [p], []);
    expect(csv.split('\n').slice(0, 4)).toEqual([
      'run,step,metric,value',
      'r1,0,reward.testgen,1',
      'r1,0,rewardMean,0',
      'r1,0,advantageMean,0',
    ]);
    expect(csv.endsWith('r1,0,wallMs,200\n')).toBe(true);
    expect(runToCsv('r1', [], [])).toBe('run,step,metric,value\n');
  });
});

describe('projectedEnd', () => {
  const pts = [0, 1, 2, 3].map((s) => stepPoint(s, { episodes: 10 }));
  it('is the planned step, or the pace so far carried to it, while a run goes on', () => {
    expect(projectedEnd(pts, xValues(pts, 'step'), 40, 'step')).toBe(40);
    expect(projectedEnd(pts, xValues(pts, 'episodes'), 40, 'episodes')).toBe(400);
  });
  it('is null for a finished run, no plan or no points', () => {
    expect(projectedEnd(pts, xValues(pts, 'step'), 4, 'step')).toBeNull();
    expect(projectedEnd(pts, xValues(pts, 'step'), undefined, 'step')).toBeNull();
    expect(projectedEnd([], [], 40, 'step')).toBeNull();
  });
});

describe('averageEpisodesPerSecond', () => {
  it("is the run's episodes over its training time, not its last step's rate", () => {
    // A quick run: 40 steps of 48 episodes in 53 s of training; its last step took 228 ms.
    const points = [...Array(40).keys()].map((step) => ({
      elapsedMs: ((step + 1) * 53_000) / 40,
      point: { episodes: 48, episodesPerSecond: step === 39 ? 48 / 0.228 : 30 },
    }));
    expect(averageEpisodesPerSecond(points)).toBeCloseTo(1920 / 53, 6);
    expect(averageEpisodesPerSecond([])).toBeNull();
  });
});
