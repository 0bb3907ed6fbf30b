import { useEffect, useState } from 'react';
import { episodeSteps, getEpisode, listEpisodes } from '../../bridge/training';
import { KIND_LABELS, TASK_KINDS, type TaskKind } from '../../core/tasks/types';
import type { EpisodeRecord, EpisodeSummary } from '../../protocol/episodes';
import { useApp } from '../../state/hooks';
import { EpisodeTrace } from './components/EpisodeTrace';
import { formatValue } from './components/format';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Starts `read` and hands its value to `onValue`, or a failure (`what` went wrong) to `onError`,
 * unless the effect was cleaned up first; returns that cleanup.
 */
function readInto<T>(
  read: Promise<T>,
  onValue: (value: T) => void,
  onError: (message: string) => void,
  what: string,
): () => void {
  let live = true;
  read.then(
    (value) => live && onValue(value),
    (e: unknown) => live && onError(`Could not read ${what}: ${messageOf(e)}`),
  );
  return () => {
    live = false;
  };
}

/**
 * The focused run's stored episodes (every group of every fifth step): pick a step, then an
 * answer, to see its decoded tokens and why it got its reward. Follows the newest stored step
 * until another is picked. Reads through the trainer worker, which writes them. Everything
 * picked or opened belongs to one run: another run starts afresh.
 */
export function RunEpisodes() {
  const runId = useApp((s) => s.train.focusId);
  return runId ? <EpisodesOf key={runId} runId={runId} /> : null;
}

function EpisodesOf({ runId }: { runId: string }) {
  const run = useApp((s) => s.train.runs.find((r) => r.id === runId));
  const step = run?.step ?? 0;
  const status = run?.status;
  // Read again after each step (a stored step shows as soon as it ends), when the run stops,
  // and when episodes were dropped.
  const revision = useApp((s) => s.train.episodesRevision);
  const [steps, setSteps] = useState<number[] | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [kind, setKind] = useState<TaskKind | 'all'>('all');
  // Each answer is kept with what it answers, so a stale one is never shown for a new question.
  const [loaded, setLoaded] = useState<{ key: string; list: EpisodeSummary[] } | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [opened, setOpened] = useState<EpisodeRecord | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(
    () =>
      readInto(
        episodeSteps(runId),
        (s) => (setSteps(s), setError(null)),
        setError,
        "the run's episodes",
      ),
    [runId, step, status, revision],
  );

  // A picked step that is gone (dropped) gives way to the newest.
  const shown = picked !== null && steps?.includes(picked) ? picked : (steps?.at(-1) ?? null);
  const key = `${shown}:${revision}`;
  useEffect(() => {
    if (shown === null) return;
    return readInto(
      listEpisodes(runId, shown),
      (list) => (setLoaded({ key: `${shown}:${revision}`, list }), setError(null)),
      setError,
      `step ${shown}'s episodes`,
    );
  }, [runId, shown, revision]);

  useEffect(() => {
    if (openId === null) return;
    return readInto(
      getEpisode(openId),
      (e) => {
        if (e) {
          setOpened(e);
          setError(null);
        } else setError('That episode is gone (pruned, or its run deleted).');
      },
      setError,
      'the episode',
    );
  }, [openId]);

  const list = loaded?.key === key ? loaded.list : null;
  // The chosen skill stays listed on a step without it (the list then says so).
  const present = new Set<TaskKind>(list?.map((e) => e.kind) ?? []);
  const kinds = TASK_KINDS.filter((k) => k === kind || present.has(k));
  const rows = list?.filter((e) => kind === 'all' || e.kind === kind) ?? [];
  // A trace shows only while its row does (not under another step, filter or a dropped list).
  const episode =
    opened && opened.id === openId && rows.some((r) => r.id === openId) ? opened : null;
  return (
    <div className="run-episodes" data-testid="run-episodes">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {steps !== null && steps.length === 0 && (
        <p className="hint" data-testid="episodes-none">
          No episodes stored for this run: every group of every fifth step (0, 5, 10...) is kept
          once that step ends, unless dropped under Storage.
        </p>
      )}
      {steps !== null && steps.length > 0 && (
        <div className="episode-controls">
          <label>
            Step{' '}
            <select
              data-testid="episode-step"
              value={shown ?? ''}
              onChange={(e) => {
                setPicked(Number(e.target.value));
                setOpenId(null);
              }}
            >
              {steps.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            Skill{' '}
            <select
              data-testid="episode-kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as TaskKind | 'all')}
            >
              <option value="all">all</option>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          {picked !== null && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setPicked(null);
                setOpenId(null);
              }}
            >
              follow the newest step
            </button>
          )}
        </div>
      )}
      {list === null && shown !== null && (
        <p className="hint" data-testid="episodes-loading">
          Reading step {shown}&apos;s episodes…
        </p>
      )}
      {list !== null && rows.length > 0 && (
        <div className="episode-list-box">
          <table className="table episode-list" data-testid="episode-list">
            <thead>
              <tr>
                <th scope="col">group</th>
                <th scope="col" className="col-skill">
                  skill
                </th>
                <th scope="col">answer</th>
                <th scope="col">reward</th>
                <th scope="col">advantage</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr
                  key={e.id}
                  data-testid="episode-row"
                  aria-selected={openId === e.id}
                  className={openId === e.id ? 'selected' : undefined}
                >
                  <td className="num">
                    {e.groupIndex + 1}.{e.sampleIndex + 1}
                  </td>
                  <td className="col-skill">{KIND_LABELS[e.kind]}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button episode-open"
                      title={`${e.taskId}: open its trace`}
                      onClick={() => setOpenId(openId === e.id ? null : e.id)}
                    >
                      <code>{e.answerText.split('\n')[0]}</code>
                    </button>
                  </td>
                  <td className="num">{e.reward}</td>
                  <td className="num">{formatValue(e.advantage, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list !== null && list.length > 0 && rows.length === 0 && kind !== 'all' && (
        <p className="hint" data-testid="episodes-filtered">
          No {KIND_LABELS[kind]} answers at step {shown}: pick another skill or step.
        </p>
      )}
      {episode && <EpisodeTrace episode={episode} />}
    </div>
  );
}
