import { ATOMIC_SKILLS, type AtomicSkill } from '../../../core/tasks/types';
import type { RunSummary } from '../../../protocol/training';
import { compositeMean, skillMean } from './RunRow';

/** A column the runs table sorts by; 'stored' (until a header is clicked) keeps the runs' order. */
export type SortKey = 'stored' | 'name' | 'steps' | AtomicSkill | 'mean' | 'composite';
const SORT_KEYS: readonly string[] = [
  'stored',
  'name',
  'steps',
  ...ATOMIC_SKILLS,
  'mean',
  'composite',
];
const isSortKey = (key: string): key is SortKey => SORT_KEYS.includes(key);
export interface RunSort {
  key: SortKey;
  /** Highest (or Z) first. */
  desc: boolean;
}

/** A run's value in a sort column, or null when it has none (it then goes last). */
function sortValue(run: RunSummary, key: Exclude<SortKey, 'stored'>): string | number | null {
  switch (key) {
    case 'name':
      return run.name.toLocaleLowerCase();
    case 'steps':
      return run.step;
    case 'mean':
      return skillMean(run)?.value ?? null;
    case 'composite':
      return compositeMean(run.finalRewards);
    default:
      return run.finalRewards[key] ?? null;
  }
}

/** The runs in `sort`'s order: runs without a value last, ties in stored order. */
export function sortRuns(runs: readonly RunSummary[], sort: RunSort): RunSummary[] {
  const { key } = sort;
  if (key === 'stored') return [...runs];
  const sign = sort.desc ? -1 : 1;
  return runs
    .map((run, i) => ({ run, i, v: sortValue(run, key) }))
    .sort((x, y) => {
      if (x.v === null || y.v === null)
        return (x.v === null ? 1 : 0) - (y.v === null ? 1 : 0) || x.i - y.i;
      const c = typeof x.v === 'string' ? x.v.localeCompare(y.v as string) : x.v - (y.v as number);
      return sign * c || x.i - y.i;
    })
    .map(({ run }) => run);
}

/**
 * The runs whose name or a tag holds every word of `query` (case apart); all of them for an
 * empty query.
 */
export function filterRuns(runs: readonly RunSummary[], query: string): readonly RunSummary[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return runs;
  return runs.filter((run) => {
    const text = [run.name, ...run.tags].join('\n').toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** A click on a column's header: sort by it, highest first; on the sorted column, turn round. */
export function nextSort(sort: RunSort, key: Exclude<SortKey, 'stored'>): RunSort {
  if (sort.key === key) return { key, desc: !sort.desc };
  return { key, desc: key !== 'name' };
}

/** A kept sort (the store holds its key as text) as a sort of the table: unknown keys keep the stored order. */
export function asRunSort(sort: { key: string; desc: boolean }): RunSort {
  return isSortKey(sort.key) ? { key: sort.key, desc: sort.desc } : { key: 'stored', desc: false };
}
