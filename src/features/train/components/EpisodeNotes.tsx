import { useId } from 'react';
import { Link } from 'react-router-dom';
import { KIND_LABELS, type TaskKind } from '../../../core/tasks/types';
import { batchName, type EpisodeBatch, type EpisodeRecord } from '../../../protocol/episodes';
import { useApp } from '../../../state/hooks';
import {
  batchKey,
  REWARD_FILTERS,
  type EpisodesView,
  type RewardFilter,
} from '../../../protocol/episodeView';

/**
 * An episode the address asked for that this run's list cannot show: another run's (named, with
 * a link that opens it there), or not stored (its run's episodes dropped, or no such episode).
 */
export function GoneNote({
  id,
  elsewhere,
  runName,
  noneStored,
}: {
  id: number;
  /** The run it belongs to, when it is stored. */
  elsewhere: string | null;
  runName: string;
  /** This run has no episodes stored: there is no list to pick from. */
  noneStored: boolean;
}) {
  const otherName = useApp((s) =>
    elsewhere === null ? undefined : s.train.runs.find((r) => r.id === elsewhere)?.name,
  );
  return (
    <p className="error" role="alert" data-testid="episode-missing">
      {elsewhere !== null ? (
        <>
          Episode {id} belongs to the run “{otherName ?? elsewhere}”, not “{runName}”:{' '}
          <Link
            to={`/episodes?${new URLSearchParams({ run: elsewhere, episode: String(id) })}`}
            data-testid="episode-missing-open"
          >
            open it in its run
          </Link>
          .
        </>
      ) : noneStored ? (
        `No episode ${id} in “${runName}”: this run has no episodes stored (dropped under Storage, or never kept), so there is none to open.`
      ) : (
        `No episode ${id} in “${runName}”: it is not stored in this browser (pruned under Storage, its run deleted or imported as a copy, or the address mistyped). Pick an answer from the list below.`
      )}
    </p>
  );
}

/** The open episode, whose row a filter hides: said, with a way to show it again. */
export function HiddenNote({
  episode,
  by,
  onShow,
}: {
  episode: Pick<EpisodeRecord, 'id' | 'kind' | 'reward'>;
  by: 'skill' | 'reward';
  onShow: () => void;
}) {
  return (
    <p className="hint" role="status" data-testid="episode-hidden">
      The open episode {episode.id} ({KIND_LABELS[episode.kind]}, reward {episode.reward}) is hidden
      by the {by} filter.{' '}
      <button
        type="button"
        className="link-button"
        data-testid="episode-hidden-show"
        onClick={onShow}
      >
        Show it
      </button>
    </p>
  );
}

/** The list's batch and filters, and a way back to following the newest batch. */
export function EpisodeControls({
  batches,
  shownKey,
  kinds,
  view,
  following,
  onBatch,
  onKind,
  onReward,
}: {
  batches: readonly EpisodeBatch[];
  shownKey: string | null;
  /** The skills to offer (those in the batch, and the one chosen). */
  kinds: readonly TaskKind[];
  view: EpisodesView;
  /** The newest batch is shown (none picked, or the one picked is the newest). */
  following: boolean;
  /** A batch picked; null: follow the newest. */
  onBatch: (key: string | null) => void;
  onKind: (kind: TaskKind | 'all') => void;
  onReward: (reward: RewardFilter) => void;
}) {
  const labelId = useId();
  return (
    <div className="episode-controls">
      <label>
        <span id={`${labelId}-step`}>Episodes of</span>{' '}
        <select
          aria-labelledby={`${labelId}-step`}
          data-testid="episode-step"
          value={shownKey ?? ''}
          onChange={(e) => onBatch(e.target.value)}
        >
          {batches.map((b) => (
            <option key={batchKey(b)} value={batchKey(b)}>
              {batchName(b)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span id={`${labelId}-kind`}>Skill</span>{' '}
        <select
          aria-labelledby={`${labelId}-kind`}
          data-testid="episode-kind"
          value={view.kind}
          onChange={(e) => onKind(e.target.value as TaskKind | 'all')}
        >
          <option value="all">all</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span id={`${labelId}-reward`}>Reward</span>{' '}
        <select
          aria-labelledby={`${labelId}-reward`}
          data-testid="episode-reward-filter"
          value={view.reward}
          onChange={(e) => onReward(e.target.value as RewardFilter)}
        >
          {Object.keys(REWARD_FILTERS).map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      {!following && (
        <button type="button" className="link-button" onClick={() => onBatch(null)}>
          follow the newest
        </button>
      )}
    </div>
  );
}
