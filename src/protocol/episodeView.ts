import { TASK_KINDS, type TaskKind } from '../core/tasks/types';
import type { EpisodeBatch, EpisodeSummary } from './episodes';

/** Which answers a list shows by reward (rewards are 0 or 1). */
export const REWARD_FILTERS = {
  all: () => true,
  rewarded: (e: EpisodeSummary) => e.reward > 0,
  unrewarded: (e: EpisodeSummary) => e.reward <= 0,
} as const;
export type RewardFilter = keyof typeof REWARD_FILTERS;

/** A batch as a string (a select's value, an effect's dependency, the address) and back. */
export const batchKey = (b: EpisodeBatch): string => `${b.source}:${b.step}`;
export const batchOf = (key: string): EpisodeBatch => {
  const [source, step] = key.split(':');
  return { source: source as EpisodeBatch['source'], step: Number(step) };
};

/**
 * What a run's episodes list shows and opens: the batch picked (null: follow the newest), the
 * skill and reward filters, and the open episode.
 */
export interface EpisodesView {
  batch: string | null;
  kind: TaskKind | 'all';
  reward: RewardFilter;
  episode: number | null;
}

export const DEFAULT_VIEW: EpisodesView = {
  batch: null,
  kind: 'all',
  reward: 'all',
  episode: null,
};

/**
 * The view an address names (`batch=val-20&kind=review&reward=unrewarded&episode=7`: the batch
 * with a dash, which an address keeps as it is); a value that is not one (mistyped, cut short)
 * is the default's. The episode is read by the page, which says when it is not a number.
 */
export function viewOfAddress(params: URLSearchParams): Omit<EpisodesView, 'episode'> {
  const batch = params.get('batch');
  const kind = params.get('kind');
  const reward = params.get('reward');
  return {
    batch: batch !== null && /^(train|val|test)-\d+$/.test(batch) ? batch.replace('-', ':') : null,
    kind: (TASK_KINDS as readonly string[]).includes(kind ?? '') ? (kind as TaskKind) : 'all',
    reward:
      reward !== null && Object.hasOwn(REWARD_FILTERS, reward) ? (reward as RewardFilter) : 'all',
  };
}

/** A value of the address that is not one of its filter's (see `viewOfAddress`). */
export interface AddressMistake {
  name: 'batch' | 'kind' | 'reward';
  value: string;
  /** What the parameter takes, and what is shown instead. */
  text: string;
}

/** The address's batch, skill and reward values that name none, each with what it takes. */
export function addressMistakes(params: URLSearchParams): AddressMistake[] {
  const read = viewOfAddress(params);
  const mistakes: AddressMistake[] = [];
  const check = (name: AddressMistake['name'], taken: boolean, text: string) => {
    const value = params.get(name);
    if (value !== null && !taken) mistakes.push({ name, value, text });
  };
  check(
    'batch',
    read.batch !== null,
    'is not a batch (one like train-0, val-20 or test-40): the newest batch is shown',
  );
  check(
    'kind',
    read.kind !== 'all' || params.get('kind') === 'all',
    `is not a skill (one of ${TASK_KINDS.join(', ')}): every skill is shown`,
  );
  check(
    'reward',
    read.reward !== 'all' || params.get('reward') === 'all',
    'is not a reward filter (rewarded or unrewarded): every reward is shown',
  );
  return mistakes;
}

/** An address's parameters with the view written in (defaults left out), the rest kept. */
export function writeView(
  params: URLSearchParams,
  view: Omit<EpisodesView, 'episode'>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const put = (name: string, value: string | null) =>
    value === null ? next.delete(name) : next.set(name, value);
  put('batch', view.batch && view.batch.replace(':', '-'));
  put('kind', view.kind === 'all' ? null : view.kind);
  put('reward', view.reward === 'all' ? null : view.reward);
  return next;
}

/** A view as one string: a changed view, an effect's dependency. */
export const viewKey = (v: EpisodesView): string =>
  `${v.batch ?? ''}|${v.kind}|${v.reward}|${v.episode ?? ''}`;
