// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildChartModel, runLines } from './chartModel';
import { ChartTooltip, tooltipLines } from './ChartTooltip';
import { evalRecord, stepPoint } from './testFixtures';

afterEach(cleanup);

const run = {
  id: 'a',
  name: 'alpha',
  points: [0, 1, 0.5].map((r, i) => stepPoint(i + 1, { reward: { localization: r } })),
  evals: [evalRecord(2, { localization: { tasks: 4, meanReward: 0.75 } })],
  events: [],
};

describe('ChartTooltip', () => {
  it('shows smoothed, raw and validation values of each kind at the hovered x', () => {
    const { series } = buildChartModel([runLines(run, 'step')], {
      xAxis: 'step',
      smoothing: 0.5,
      logX: false,
      logY: false,
      groupRuns: false,
      kinds: ['localization'],
      maxPoints: 500,
    });
    render(<ChartTooltip active label={2} series={series} formatX={(x) => `step ${x}`} />);
    const cells = [...screen.getByTestId('chart-tooltip').querySelectorAll('th, td')].map(
      (c) => c.textContent,
    );
    expect(cells).toEqual([
      'step 2',
      'smoothed',
      'raw',
      'val',
      'code localization',
      '0.6667',
      '1',
      '0.75',
    ]);
  });

  it('shows a validation only at the step it was measured, not at the steps beside it', () => {
    const { series } = buildChartModel([runLines(run, 'step')], {
      xAxis: 'step',
      smoothing: 0,
      logX: false,
      logY: false,
      groupRuns: false,
      kinds: ['localization'],
      maxPoints: 500,
    });
    const values = (x: number) => tooltipLines(series, x).map((l) => l.values);
    expect(values(2)).toEqual([{ smooth: 1, eval: 0.75 }]);
    expect(values(1)).toEqual([{ smooth: 0 }]);
    expect(values(3)).toEqual([{ smooth: 0.5 }]);
  });

  it('renders nothing when inactive', () => {
    const { container } = render(<ChartTooltip label={2} series={[]} formatX={String} />);
    expect(container.innerHTML).toBe('');
  });
});
