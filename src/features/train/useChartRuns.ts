import { useMemo } from 'react';
import type { RunSummary } from '../../protocol/training';
import type { RunSeries } from '../../state/trainSlice';
import type { ChartRun } from './components/chartModel';

/** Chart runs by the series object they were made from (series are replaced, never mutated). */
const made = new WeakMap<RunSeries, ChartRun>();

function chartRun(summary: RunSummary, s: RunSeries): ChartRun {
  const hit = made.get(s);
  if (hit && hit.name === summary.name && hit.group === (summary.group ?? summary.id)) return hit;
  const run: ChartRun = {
    id: summary.id,
    name: summary.name,
    points: s.points.map((p) => p.point),
    evals: s.evals,
    events: s.events,
    elapsed: s.points.map((p) => p.elapsedMs),
    group: summary.group ?? summary.id,
  };
  made.set(s, run);
  return run;
}

/**
 * The chart runs for the given ids. Each ChartRun object stays the same while its series does
 * not change, so the charts' per-run caches hold across redraws.
 */
export function useChartRuns(
  ids: readonly string[],
  runs: readonly RunSummary[],
  series: Readonly<Record<string, RunSeries>>,
): ChartRun[] {
  return useMemo(
    () =>
      ids.flatMap((id) => {
        const s = series[id];
        const summary = runs.find((r) => r.id === id);
        return s && summary ? [chartRun(summary, s)] : [];
      }),
    [ids, runs, series],
  );
}
