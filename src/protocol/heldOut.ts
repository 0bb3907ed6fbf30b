import { KIND_LABELS, SPLITS, type Task, type TaskKind } from '../core/tasks/types';
import type { SuiteKinds } from './training';

const words = (kinds: readonly TaskKind[]): string => kinds.map((k) => KIND_LABELS[k]).join(', ');

/**
 * What a run on these tasks will not measure of the kinds it trains on, or null: a kind with no
 * test tasks gets no final score, one with no validation tasks no validation curve. Said when
 * the run starts, not found out at its end (the quick suite has no security fixing to test).
 */
export function unmeasuredKinds(
  trainKinds: readonly TaskKind[],
  tasks: readonly Pick<Task, 'kind' | 'split'>[],
): string | null {
  const none = (kind: TaskKind, split: Task['split']) =>
    !tasks.some((t) => t.kind === kind && t.split === split);
  const noTest = trainKinds.filter((k) => none(k, 'test'));
  const noVal = trainKinds.filter((k) => none(k, 'val'));
  const parts = [
    ...(noTest.length ? [`no test tasks of ${words(noTest)} (no final score)`] : []),
    ...(noVal.length ? [`no validation tasks of ${words(noVal)} (no validation curve)`] : []),
  ];
  const them = trainKinds.filter((k) => noTest.includes(k) || noVal.includes(k)).length > 1;
  const it = them ? 'them' : 'it';
  return parts.length
    ? `These tasks have ${parts.join(' and ')}, though the run trains on ${it}: only the training rewards will measure ${it}.`
    : null;
}

/** unmeasuredKinds of a suite known by the kinds each split holds (its cached row's summary). */
export const unmeasuredIn = (trainKinds: readonly TaskKind[], kinds: SuiteKinds): string | null =>
  unmeasuredKinds(
    trainKinds,
    SPLITS.flatMap((split) => (kinds[split] ?? []).map((kind) => ({ kind, split }))),
  );
