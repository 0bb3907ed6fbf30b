import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isGoing, type RunSummary } from '../../protocol/training';
import { useApp } from '../../state/hooks';
import type { RunSeries, TrainState } from '../../state/trainSlice';
import type { ChartRun } from './components/chartModel';

/** Chart runs by the series object they were made from (series are replaced, never mutated). */
const made = new WeakMap<RunSeries, ChartRun>();

export function chartRun(summary: RunSummary, s: RunSeries): ChartRun {
  const group = summary.group ?? summary.id;
  // Only a going run has an end to size the axis to: a stopped (or interrupted) one fits its data.
  const planned = isGoing(summary.status) ? summary.steps : undefined;
  const hit = made.get(s);
  if (hit && hit.name === summary.name && hit.group === group && hit.plannedSteps === planned)
    return hit;
  const run: ChartRun = {
    id: summary.id,
    name: summary.name,
    points: s.points.map((p) => p.point),
    evals: s.evals,
    events: s.events,
    elapsed: s.points.map((p) => p.elapsedMs),
    group,
    ...(planned !== undefined && { plannedSteps: planned }),
    ...(summary.trainKinds && { trainKinds: summary.trainKinds }),
  };
  made.set(s, run);
  return run;
}

/** The runs on the charts: the focused run and those ticked for comparison. */
export function shownRunIds(train: TrainState): string[] {
  const ids = [...train.compare];
  if (train.focusId && !ids.includes(train.focusId)) ids.unshift(train.focusId);
  return ids.filter((id) => train.series[id] && train.runs.some((r) => r.id === id));
}

/**
 * The chart runs, subscribed narrowly: the result only changes when a shown run's series, name
 * or group changes (not on progress messages or another run's steps), so the charts redraw at
 * most once per event batch.
 */
export function useChartRuns(): ChartRun[] {
  const series = useApp(useShallow((s) => shownRunIds(s.train).map((id) => s.train.series[id]!)));
  const labels = useApp(
    useShallow((s) =>
      shownRunIds(s.train).map((id) => {
        const r = s.train.runs.find((x) => x.id === id)!;
        // Whether it goes, not its status: a pause or resume changes nothing drawn.
        const going = isGoing(r.status) ? 'running' : 'ended';
        const kinds = r.trainKinds?.join(',') ?? '';
        return [r.id, r.name, r.group ?? r.id, r.steps, going, kinds].join('\u0000');
      }),
    ),
  );
  return useMemo(
    () =>
      labels.map((label, i) => {
        const [id = '', name = '', group = '', steps = '0', going = '', kinds = ''] =
          label.split('\u0000');
        const summary = {
          id,
          name,
          group,
          steps: Number(steps),
          status: going === 'running' ? 'running' : 'done',
          ...(kinds && { trainKinds: kinds.split(',') }),
        } as RunSummary;
        return chartRun(summary, series[i]!);
      }),
    [series, labels],
  );
}
