// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SignalsPanel } from './SignalsPanel';
import { signalLine, timeSplit } from './signals';
import { stepPoint } from './testFixtures';
import { stubResizeObserver } from './testDom';

beforeAll(() => stubResizeObserver());
afterEach(cleanup);

/** Drawn paths matching `selector` under `root`, each checked to have path data. */
const drawn = (root: HTMLElement, selector: string): number => {
  const paths = [...root.querySelectorAll(selector)];
  for (const p of paths) expect(p.getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+/);
  return paths.length;
};

const points = [1, 2, 3].map((s) => stepPoint(s, { kl: s / 100, modelMs: 10 * s, sandboxMs: 5 }));
const runs = [
  { id: 'a', name: 'a', points },
  { id: 'b', name: 'b', points: points.slice(0, 2).map((p) => ({ ...p, kl: 1 })) },
];

describe('signal series', () => {
  it('gives each run its own line of the metric', () => {
    expect(runs.map((r) => signalLine(r, 'kl', 'step', 100))).toEqual([
      [
        { x: 1, y: 0.01 },
        { x: 2, y: 0.02 },
        { x: 3, y: 0.03 },
      ],
      [
        { x: 1, y: 1 },
        { x: 2, y: 1 },
      ],
    ]);
  });

  it('stacks step time: model from 0, sandbox on top', () => {
    const { model, sandbox } = timeSplit(runs[0]!, 'episodes', 100);
    expect(model).toEqual([
      { x: 48, lo: 0, hi: 10 },
      { x: 96, lo: 0, hi: 20 },
      { x: 144, lo: 0, hi: 30 },
    ]);
    expect(sandbox.map((p) => [p.lo, p.hi])).toEqual([
      [10, 15],
      [20, 25],
      [30, 35],
    ]);
  });
});

describe('SignalsPanel', () => {
  it('draws one small chart per signal with a line per run, and the time split', async () => {
    const { container } = render(<SignalsPanel runs={runs} />);
    // Mounted one chart per task: the last one arrives after the others (slowly on a busy machine).
    await waitFor(() => expect(drawn(container, 'path.series-band')).toBe(2), { timeout: 15_000 });
    for (const id of ['kl', 'entropy', 'clipFraction', 'gradNorm', 'learningRate', 'advantageStd'])
      expect(drawn(screen.getByTestId(`signal-${id}`), '.series-smooth path')).toBe(2);
    expect(drawn(screen.getByTestId('signal-time-split'), 'path.series-band')).toBe(2);
    expect(container.textContent).toContain('ms per step: model vs sandbox (a)');
    // Which line is which run, each run in its colour and dash; what the time split's bands are.
    const legend = [...screen.getByTestId('signals-legend').querySelectorAll('li')];
    expect(legend.map((li) => li.textContent?.trim())).toEqual(['a', 'b']);
    const dash = (li: Element) => li.querySelector('line')!.getAttribute('stroke-dasharray');
    expect(legend.map(dash)).toEqual([null, '8 3']);
    const klLines = screen.getByTestId('signal-kl').querySelectorAll('.series-smooth path');
    expect([...klLines].map((p) => p.getAttribute('stroke-dasharray'))).toEqual([null, '8 3']);
    expect(screen.getByTestId('time-split-legend').textContent).toMatch(
      /model ms.*sandbox wait ms/,
    );
  });

  it('draws a series flat at 0 as a line above the x axis, on a 0 tick', async () => {
    // Every step of a one-epoch run clips nothing: its clip fraction is 0 throughout.
    render(<SignalsPanel runs={[runs[0]!]} />);
    const clip = screen.getByTestId('signal-clipFraction');
    await waitFor(() => expect(drawn(clip, '.series-smooth path')).toBe(1), { timeout: 15_000 });
    const d = clip.querySelector('.series-smooth path')!.getAttribute('d')!;
    const ys = new Set([...d.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1])));
    expect(ys.size).toBe(1);
    const lineY = [...ys][0]!;
    const yTicks = [...clip.querySelectorAll('text[orientation="left"]')];
    const zero = yTicks.find((t) => t.textContent === '0');
    expect(zero, 'a 0 on the y axis').toBeTruthy();
    expect(Number(zero!.getAttribute('y'))).toBeCloseTo(lineY, 5);
    // The x axis runs below the line, not along it.
    const axisY = Number(clip.querySelector('line[orientation="bottom"]')!.getAttribute('y1'));
    expect(axisY - lineY).toBeGreaterThanOrEqual(4);
  });

  it('draws nothing without runs', () => {
    const { container } = render(<SignalsPanel runs={[]} />);
    expect(container.innerHTML).toBe('');
  });
});
