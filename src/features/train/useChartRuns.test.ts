// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appStore } from '../../state/appStore';
import type { RunSummary } from '../../protocol/training';
import { chartFacts, chartRun, useChartRuns } from './useChartRuns';

const summary = (status: RunSummary['status']) =>
  chartFacts({ id: 'r', name: 'r', status, steps: 40 } as RunSummary);

describe('chartRun', () => {
  it('sizes the x axis to the planned steps only while the run goes', () => {
    expect(chartRun(summary('running'), { points: [], evals: [], events: [] }).plannedSteps).toBe(
      40,
    );
    expect(chartRun(summary('paused'), { points: [], evals: [], events: [] }).plannedSteps).toBe(
      40,
    );
    // Stopped at 4 of 40 steps: its 4 steps fill the axis, not its first tenth.
    for (const status of ['stopped', 'interrupted', 'error', 'done'] as const)
      expect(
        chartRun(summary(status), { points: [], evals: [], events: [] }).plannedSteps,
      ).toBeUndefined();
  });

  it('is made again when the run stops (same series)', () => {
    const series = { points: [], evals: [], events: [] };
    const going = chartRun(summary('running'), series);
    expect(chartRun(summary('running'), series)).toBe(going);
    expect(chartRun(summary('stopped'), series)).not.toBe(going);
  });
});

describe('useChartRuns', () => {
  it('gives the focused run its planned steps while it goes, and its kinds, from the store', () => {
    const run = {
      id: 'r',
      status: 'paused',
      steps: 40,
      name: 'quick',
      trainKinds: ['localization', 'review'],
    } as RunSummary;
    appStore.setState((s) => ({
      train: {
        ...s.train,
        runs: [run],
        series: { r: { points: [], evals: [], events: [] } },
        focusId: 'r',
      },
    }));
    const { result, rerender } = renderHook(() => useChartRuns());
    expect(result.current[0]).toMatchObject({
      name: 'quick',
      plannedSteps: 40,
      trainKinds: ['localization', 'review'],
    });
    // A resume (a new summary, the same facts) redraws nothing.
    const before = result.current;
    appStore.setState((s) => ({ train: { ...s.train, runs: [{ ...run, status: 'running' }] } }));
    rerender();
    expect(result.current).toBe(before);
    appStore.setState((s) => ({ train: { ...s.train, runs: [{ ...run, status: 'stopped' }] } }));
    rerender();
    expect(result.current[0]!.plannedSteps).toBeUndefined();
  });
});
