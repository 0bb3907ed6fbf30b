// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChartRun } from './chartModel';
import { chartDomains, layerSeries, RewardChart } from './RewardChart';
import { evalRecord, stepPoint } from './testFixtures';
import { stubResizeObserver } from './testDom';

beforeAll(() => stubResizeObserver());
afterEach(cleanup);

/** Drawn curves (raw, smoothed, eval), each checked to have a non-empty path. */
const drawnLines = (root: HTMLElement): number => {
  const lines = [...root.querySelectorAll('.series-raw, .series-smooth, .series-eval')];
  for (const line of lines)
    expect(line.querySelector('path')?.getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+/);
  return lines.length;
};

const run: ChartRun = {
  id: 'r1',
  name: 'quick',
  points: [0, 0.25, 0.5, 0.75].map((r, i) =>
    stepPoint(i + 1, { reward: { localization: r, review: 0.5 } }),
  ),
  evals: [evalRecord(2, { bugfix: { tasks: 8, meanReward: 0.4 } })],
  events: [{ step: 2, elapsedMs: 500, mix: { review: 3 } }],
};

describe('RewardChart', () => {
  it('draws one line per kind and smoothing role, with controls', () => {
    const { container } = render(<RewardChart runs={[run]} />);
    expect(screen.getByTestId('reward-chart')).toBeTruthy();
    expect(screen.getByTestId('kind-toggle-localization')).toBeTruthy();
    expect(screen.getByTestId('kind-toggle-bugfix')).toBeTruthy();
    expect(screen.queryByTestId('kind-toggle-editing')).toBeNull();
    // localization and review: raw + smoothed; bugfix: eval.
    expect(drawnLines(container)).toBe(5);
    // The mix change: numbered on the chart, its whole mix listed under it.
    expect(screen.getByTestId('mix-changes').textContent).toBe('mix 1 from step 2: review 3');
  });

  it('hides a kind when its toggle is cleared, and the raw curve at smoothing 0', () => {
    const { container } = render(<RewardChart runs={[run]} />);
    fireEvent.click(screen.getByTestId('kind-toggle-review'));
    expect(drawnLines(container)).toBe(3);
    fireEvent.change(screen.getByTestId('smoothing-slider'), { target: { value: '0' } });
    expect(drawnLines(container)).toBe(2);
  });

  it('notes points a log scale hides', () => {
    render(<RewardChart runs={[run]} />);
    expect(screen.queryByTestId('log-dropped')).toBeNull();
    fireEvent.click(screen.getByTestId('log-y'));
    expect(screen.getByTestId('log-dropped').textContent).toMatch(/2 points at or below 0/);
  });

  it('switches the x axis and offers grouping only for several runs', () => {
    render(<RewardChart runs={[run]} />);
    const select = screen.getByLabelText<HTMLSelectElement>(/x axis/);
    fireEvent.change(select, { target: { value: 'time' } });
    expect(select.value).toBe('time');
    expect(screen.queryByTestId('group-runs')).toBeNull();
    cleanup();
    render(<RewardChart runs={[run, { ...run, id: 'r2', name: 'other' }]} />);
    expect(screen.getByTestId('group-runs')).toBeTruthy();
  });

  it('names the overlaid runs with their line styles, and none for one run', () => {
    render(<RewardChart runs={[run]} />);
    expect(screen.queryByTestId('run-legend')).toBeNull();
    cleanup();
    render(<RewardChart runs={[run, { ...run, id: 'r2', name: 'other' }]} />);
    const items = [...screen.getByTestId('run-legend').querySelectorAll('li')];
    expect(items.map((li) => li.textContent?.trim())).toEqual([
      'quick',
      'other',
      'line: training · marked points: validation',
    ]);
    const dashes = items
      .slice(0, 2)
      .map((li) => li.querySelector('line')!.getAttribute('stroke-dasharray'));
    expect(dashes[0]).toBeNull();
    expect(dashes[1]).toBe('8 3');
    // Validation is never dashed (a second run's dashes are not mistaken for it), and each
    // run's validation points have their own marker: a dot, then a ring.
    const evals = [...document.querySelectorAll('.series-eval')];
    expect(evals.map((g) => g.querySelector('path')!.getAttribute('stroke-dasharray'))).toEqual([
      null,
      null,
    ]);
    expect(evals[0]!.querySelector('circle')!.getAttribute('fill')).not.toMatch(/panel/);
    expect(evals[1]!.querySelector('circle')!.getAttribute('fill')).toMatch(/panel/);
  });

  it('draws the mean with a band over the runs of a group', () => {
    const other: ChartRun = {
      ...run,
      id: 'r2',
      name: 'quick seed 2',
      points: run.points.map((p) => ({
        ...p,
        reward: { localization: 1 - p.reward.localization! },
      })),
    };
    const { container } = render(
      <RewardChart
        runs={[
          { ...run, group: 'quick' },
          { ...other, group: 'quick' },
        ]}
      />,
    );
    fireEvent.click(screen.getByTestId('group-runs'));
    const bands = [...container.querySelectorAll('path.series-band')];
    expect(bands.length).toBeGreaterThanOrEqual(1);
    for (const b of bands) expect(b.getAttribute('d')).toMatch(/^M.*Z$/);
  });

  it('is one named tab stop whose keys move the hover, open a validation and hide the values', () => {
    const picked = vi.fn();
    const { container } = render(<RewardChart runs={[run]} onPickValidation={picked} />);
    // Recharts' own focus stop (which did nothing) is off: the plot area is the only one.
    expect(container.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    const pad = screen.getByRole('application', { name: 'Reward per task kind by step' });
    expect(pad.getAttribute('data-testid')).toBe('chart-hover-pad');
    expect(document.getElementById(pad.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /Left and Right arrows .*Enter: on a validation's point, its answers.*Escape hides them/,
    );
    const tooltip = () => screen.queryByTestId('chart-tooltip');
    const live = screen.getByTestId('chart-hover-live');
    pad.focus();
    expect(tooltip()).toBeNull();
    fireEvent.keyDown(pad, { key: 'ArrowRight' });
    expect(tooltip()?.textContent).toMatch(/^step 1/);
    expect(live.getAttribute('aria-live')).toBe('polite');
    // Enter off a validation does nothing; on one (step 2) it opens its answers, as a click.
    fireEvent.keyDown(pad, { key: 'Enter' });
    expect(picked).not.toHaveBeenCalled();
    fireEvent.keyDown(pad, { key: 'ArrowRight' });
    expect(tooltip()?.textContent).toMatch(/^step 2/);
    expect(screen.getByTestId('chart-pick-hint').textContent).toContain('after 2 steps');
    fireEvent.keyDown(pad, { key: 'Enter' });
    expect(picked).toHaveBeenCalledWith({ runId: 'r1', step: 2 });
    fireEvent.keyDown(pad, { key: 'End' });
    expect(tooltip()?.textContent).toMatch(/^step 4/);
    fireEvent.keyDown(pad, { key: 'Escape' });
    expect(tooltip()).toBeNull();
    // A tooltip the keys showed goes when the focus leaves the chart.
    fireEvent.keyDown(pad, { key: 'Home' });
    expect(tooltip()?.textContent).toMatch(/^step 1/);
    fireEvent.blur(pad);
    expect(tooltip()).toBeNull();
  });

  it('says when there is nothing to draw', () => {
    render(<RewardChart runs={[]} />);
    expect(screen.getByTestId('reward-chart-empty')).toBeTruthy();
  });
});

describe('layerSeries', () => {
  it('draws a kind logged at one step only as a dot, where its line would be invisible', () => {
    const series = (role: 'smooth' | 'raw' | 'eval', xs: number[]) => ({
      key: `${role}${xs.length}`,
      label: 'review',
      entry: 'r',
      kind: 'review' as const,
      role,
      runIndex: 0,
      points: xs.map((x) => ({ x, y: 0.5, lo: 0.5, hi: 0.5 })),
    });
    const [one, two, raw, evals] = layerSeries([
      series('smooth', [1]),
      series('smooth', [1, 2]),
      series('raw', [1]),
      series('eval', [0, 3]),
    ]);
    expect(one!.dot).toBeGreaterThan(0);
    expect(two!.dot).toBe(0);
    expect(raw!.dot).toBe(0);
    expect(evals!.dot).toBeGreaterThan(0);
  });
});

describe('chartDomains', () => {
  const at = (xs: number[]) => [
    {
      key: 's',
      label: 'review',
      entry: 'r',
      kind: 'review' as const,
      role: 'smooth' as const,
      runIndex: 0,
      points: xs.map((x) => ({ x, y: 0.5, lo: 0.4, hi: 0.6 })),
    },
  ];
  it('ends a finished run’s x axis at its last point, from 0', () => {
    expect(chartDomains(at([1, 5, 16]), false, false).x).toEqual([0, 16]);
  });
  it('rounds it past the projected end while a run is going, so it rarely changes', () => {
    expect(chartDomains(at([1, 5]), false, false, 16).x).toEqual([0, 20]);
  });
  it('keeps whole decades on a log axis, and a unit range for one point at 0', () => {
    expect(chartDomains(at([1, 16]), true, false).x).toEqual([1, 100]);
    expect(chartDomains(at([0]), false, false).x).toEqual([0, 1]);
  });
});
