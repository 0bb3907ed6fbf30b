import { useMemo } from 'react';
import { isGoing, type RunSummary } from '../../protocol/training';
import { useApp, useEqualBy } from '../../state/hooks';
import type { RunSeries, TrainState } from '../../state/trainSlice';
import type { ChartRun } from './components/chartModel';

/** What a chart reads of a run besides its series. */
export type ChartFacts = Pick<ChartRun, 'id' | 'name' | 'group' | 'plannedSteps' | 'trainKinds'>;

export function chartFacts(summary: RunSummary): ChartFacts {
  return {
    id: summary.id,
    name: summary.name,
    group: summary.group ?? summary.id,
    // Only a going run has an end to size the axis to: a stopped (or interrupted) one fits its data.
    ...(isGoing(summary.status) && { plannedSteps: summary.steps }),
    ...(summary.trainKinds && { trainKinds: summary.trainKinds }),
  };
}

/** Same facts: a pause, a resume or a new step of the run changes none of them. */
export const sameFacts = (a: ChartFacts, b: ChartFacts): boolean =>
  a.id === b.id &&
  a.name === b.name &&
  a.group === b.group &&
  a.plannedSteps === b.plannedSteps &&
  (a.trainKinds ?? []).join() === (b.trainKinds ?? []).join();

/** Chart runs by the series object they were made from (series are replaced, never mutated). */
const made = new WeakMap<RunSeries, ChartRun>();

export function chartRun(facts: ChartFacts, s: RunSeries): ChartRun {
  const hit = made.get(s);
  if (hit && sameFacts(hit, facts)) return hit;
  const run: ChartRun = {
    ...facts,
    points: s.points.map((p) => p.point),
    evals: s.evals,
    events: s.events,
    elapsed: s.points.map((p) => p.elapsedMs),
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

interface Shown {
  facts: ChartFacts;
  series: RunSeries;
}

const sameShown = (a: readonly Shown[], b: readonly Shown[]): boolean =>
  a.length === b.length &&
  a.every((x, i) => x.series === b[i]!.series && sameFacts(x.facts, b[i]!.facts));

/**
 * The chart runs, subscribed narrowly: the result only changes when a shown run's series or
 * facts change (not on progress messages or another run's steps), so the charts redraw at most
 * once per event batch.
 */
export function useChartRuns(): ChartRun[] {
  const shown = useApp(
    useEqualBy(
      (s) =>
        shownRunIds(s.train).map((id) => ({
          facts: chartFacts(s.train.runs.find((r) => r.id === id)!),
          series: s.train.series[id]!,
        })),
      sameShown,
    ),
  );
  return useMemo(() => shown.map((x) => chartRun(x.facts, x.series)), [shown]);
}
