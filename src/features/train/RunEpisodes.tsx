import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  episodeBatches,
  getEpisode,
  listEpisodes,
  observation,
  runUpdateRule,
  taskFiles,
} from '../../bridge/training';
import type { UpdateRule } from '../../protocol/advantage';
import { KIND_LABELS, TASK_KINDS, type TaskKind } from '../../core/tasks/types';
import {
  batchName,
  type EpisodeBatch,
  type EpisodeRecord,
  type EpisodeSummary,
} from '../../protocol/episodes';
import {
  batchKey,
  batchOf,
  DEFAULT_VIEW,
  REWARD_FILTERS,
  viewKey,
  type EpisodesView,
  type RewardFilter,
} from '../../protocol/episodeView';
import { useApp } from '../../state/hooks';
import { readInto } from '../../components/useRead';
import { EpisodeList, PAGE_ROWS } from './components/EpisodeList';
import { EpisodeTrace } from './components/EpisodeTrace';
import { EpisodeControls, GoneNote, HiddenNote } from './components/EpisodeNotes';
import { plural } from '../../protocol/plural';
import { useTraceInView } from './useTraceInView';
import { useTellView, type Heard } from './useTellView';

export interface RunEpisodesProps {
  /** The run (absent: the focused run). */
  runId?: string | null;
  /**
   * What the address names (the Episodes page): the batch, filters and episode (a deep link's
   * episode opens with its batch picked), taken at first and again whenever the address changes
   * (Back and Forward). Absent, the list keeps its own.
   */
  address?: EpisodesView;
  /**
   * The browser's moves through the history so far (useHistoryMoves): after one, the address is
   * taken again even when it reads as before (an entry pushed and left again before it rendered).
   */
  moves?: number;
  /** Told the view whenever it changes: the batch picked, the filters, the episode open. */
  onView?: (view: EpisodesView) => void;
  /**
   * The address is the list's own view kept while the app is open (the Train page), not a link:
   * an episode opened while the newest batch was followed does not pin its batch on return.
   */
  kept?: boolean;
}

/**
 * A run's stored episodes (every group of every fifth step, and every answer of each
 * evaluation): pick a step or an evaluation, then an answer, to see its decoded
 * tokens and why it got its reward. Follows the newest stored batch until another is picked.
 * Reads through the trainer worker, which writes them. Everything picked or opened belongs to
 * one run: another run starts afresh.
 */
export function RunEpisodes({
  runId: asked,
  address,
  moves = 0,
  onView,
  kept = false,
}: RunEpisodesProps) {
  const focused = useApp((s) => s.train.focusId);
  const runId = asked === undefined ? focused : asked;
  if (!runId) return null;
  return (
    <EpisodesOf
      key={runId}
      runId={runId}
      address={address}
      moves={moves}
      onView={onView}
      kept={kept}
    />
  );
}

function EpisodesOf({
  runId,
  address,
  moves,
  onView,
  kept,
}: {
  runId: string;
  address: EpisodesView | undefined;
  moves: number;
  onView: ((view: EpisodesView) => void) | undefined;
  kept: boolean;
}) {
  const start = address ?? DEFAULT_VIEW;
  const run = useApp((s) => s.train.runs.find((r) => r.id === runId));
  const step = run?.step ?? 0;
  const status = run?.status;
  // Read again after each step (a stored step shows as soon as it ends), when the run stops,
  // and when episodes were dropped.
  const revision = useApp((s) => s.train.episodesRevision);
  const [batches, setBatches] = useState<EpisodeBatch[] | null>(null);
  const [picked, setPicked] = useState<string | null>(start.batch);
  const [kind, setKind] = useState<TaskKind | 'all'>(start.kind);
  const [rewardFilter, setRewardFilter] = useState<RewardFilter>(start.reward);
  const [more, setMore] = useState({ key: '', rows: PAGE_ROWS });
  // Each answer is kept with what it answers, so a stale one is never shown for a new question.
  const [loaded, setLoaded] = useState<{ key: string; list: EpisodeSummary[] } | null>(null);
  const [openId, setOpenId] = useState<number | null>(start.episode);
  const [opened, setOpened] = useState<EpisodeRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  // An episode asked for (by the address) that is not this run's: said until another opens.
  const [gone, setGone] = useState<{ id: number; elsewhere: string | null } | null>(null);
  // A deep-linked episode: its batch is picked once it is read, and its row is paged into view.
  // A link's episode: its batch is picked once it is read (not a kept view's while following).
  const linkOf = (v: EpisodesView): number | null => (kept && v.batch === null ? null : v.episode);
  const [linked, setLinked] = useState(linkOf(start));
  // The address changed under the page (Back, Forward): its view is taken, its episode opens or
  // the trace closes. (What is picked here reaches the address already shown: nothing to do.)
  // A move through the history counts as a change even when the address reads as before. A
  // view taken from the address is not told back (useTellView).
  const addressKey = address ? `${viewKey(address)}@${moves}` : null;
  const [seen, setSeen] = useState(addressKey);
  const [heard, setHeard] = useState<Heard | null>(null);
  if (address && addressKey !== seen) {
    setSeen(addressKey);
    setHeard({ key: viewKey(address) });
    if (address.episode !== openId) {
      setOpenId(address.episode);
      setLinked(linkOf(address));
      setGone(null);
    }
    if (address.batch !== picked) setPicked(address.batch);
    if (address.kind !== kind) setKind(address.kind);
    if (address.reward !== rewardFilter) setRewardFilter(address.reward);
  }
  // A batch asked for from the chart (a click on a validation point): picked, then forgotten.
  const request = useApp((s) => s.train.episodeRequest);
  const requestEpisodes = useApp((s) => s.trainActions.requestEpisodes);
  const [taken, setTaken] = useState<typeof request>(null);
  if (request && request !== taken && request.runId === runId) {
    // Adjusted while rendering (React's pattern for state that follows a changed input).
    setTaken(request);
    setPicked(batchKey(request.batch));
    setOpenId(null);
  }
  useEffect(() => {
    if (request && request === taken) requestEpisodes(null);
  }, [request, taken, requestEpisodes]);

  useEffect(
    () =>
      readInto(
        episodeBatches(runId),
        (b) => (setBatches(b), setError(null)),
        setError,
        "the run's episodes",
      ),
    [runId, step, status, revision],
  );

  // A picked batch that is gone (dropped) gives way to the newest.
  const shown =
    batches?.find((b) => batchKey(b) === picked) ??
    (batches?.length ? batches[batches.length - 1]! : null);
  const shownKey = shown ? batchKey(shown) : null;
  const newestKey = batches?.length ? batchKey(batches[batches.length - 1]!) : null;
  const key = `${shownKey}:${revision}`;
  useEffect(() => {
    if (shownKey === null) return;
    const batch = batchOf(shownKey);
    return readInto(
      listEpisodes(runId, batch),
      (list) => (setLoaded({ key: `${shownKey}:${revision}`, list }), setError(null)),
      setError,
      `${batchName(batch)}'s episodes`,
    );
  }, [runId, shownKey, revision]);

  useEffect(() => {
    if (openId === null) return;
    return readInto(
      getEpisode(openId),
      (e) => {
        if (e && e.runId === runId) {
          setOpened(e);
          setError(null);
          setGone(null);
        } else {
          // Said where a later read cannot clear it, and dropped from the address (setOpenId).
          setGone({ id: openId, elsewhere: e?.runId ?? null });
          setOpenId(null);
        }
      },
      setError,
      'the episode',
    );
  }, [openId, runId]);
  // What decided which of its training answers entered an update: each trace says it of its own.
  const [rule, setRule] = useState<UpdateRule | null>(null);
  useEffect(() => readInto(runUpdateRule(runId), setRule, setError, "the run's config"), [runId]);
  const view = useMemo(
    (): EpisodesView => ({ batch: picked, kind, reward: rewardFilter, episode: openId }),
    [picked, kind, rewardFilter, openId],
  );
  useTellView(view, onView, heard);
  // A deep-linked episode, once read and while open: its batch is picked (and its row paged into
  // view below).
  if (linked !== null && openId === linked && opened?.id === linked) {
    const batch = batchKey(opened);
    if (picked !== batch) setPicked(batch);
  }

  const list = loaded?.key === key ? loaded.list : null;
  // An evaluation's answers: a row is one of a task's Avg@k answers, and no update followed.
  const evaluation = shown !== null && shown.source !== 'train';
  // The chosen skill stays listed on a step without it (the list then says so).
  const present = new Set<TaskKind>(list?.map((e) => e.kind) ?? []);
  const kinds = TASK_KINDS.filter((k) => k === kind || present.has(k));
  const rows =
    list?.filter((e) => (kind === 'all' || e.kind === kind) && REWARD_FILTERS[rewardFilter](e)) ??
    [];
  const rewarded = rows.filter((e) => e.reward > 0).length;
  // A long list (a test evaluation's answers run to thousands) shows a page at a time; "show
  // more" adds a page to the list it was pressed on, and any other batch or filter shows its
  // first page.
  const listKey = `${key}:${kind}:${rewardFilter}`;
  // A deep link is done with once its row is listed (its batch is no longer forced).
  if (linked !== null && opened?.id === linked && rows.some((r) => r.id === linked))
    setLinked(null);
  // The open answer's row stays in view, a deep-linked one further down than a page or one a
  // filter change (the list then starts again at one page) would page out: as many pages as
  // reach it.
  const openRow = opened && opened.id === openId ? rows.findIndex((r) => r.id === openId) : -1;
  const limit = Math.max(
    more.key === listKey ? more.rows : PAGE_ROWS,
    Math.ceil((openRow + 1) / PAGE_ROWS) * PAGE_ROWS,
  );
  const visible = rows.slice(0, limit);
  // A trace shows only while its row does (not under another step, filter or a dropped list).
  const episode =
    opened && opened.id === openId && visible.some((r) => r.id === openId) ? opened : null;
  // The open episode, read and of the batch shown, whose row a filter hides: said, with a way
  // back (the address still names it).
  const hidden =
    opened &&
    opened.id === openId &&
    list !== null &&
    batchKey(opened) === shownKey &&
    list.some((r) => r.id === openId) &&
    !rows.some((r) => r.id === openId)
      ? opened
      : null;
  // A trace opened (from its row or a link) is brought into view, its heading focused, once.
  const traceBox = useTraceInView(episode?.id ?? null);
  const toggle = (id: number) => {
    setGone(null);
    // Closed, its row stays where it is: the pages shown for it stay.
    if (openId === id) setMore({ key: listKey, rows: limit });
    setOpenId(openId === id ? null : id);
  };
  // One function per task, so the trace's observation is read once, not at every redraw.
  const taskId = episode?.taskId;
  const observe = useCallback(() => observation(runId, taskId ?? ''), [runId, taskId]);
  // Read once per task, for the side-by-side patches and the task's files alike (a failed read is
  // not kept: the next view to ask reads again).
  const readFiles = useMemo(() => {
    let files: ReturnType<typeof taskFiles> | undefined;
    return () =>
      (files ??= taskFiles(runId, taskId ?? '').catch((e: unknown) => {
        files = undefined;
        throw e;
      }));
  }, [runId, taskId]);
  return (
    <div className="run-episodes" data-testid="run-episodes">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {gone && (
        <GoneNote
          id={gone.id}
          elsewhere={gone.elsewhere}
          runName={run?.name ?? runId}
          noneStored={batches !== null && batches.length === 0}
        />
      )}
      {hidden && (
        <HiddenNote
          episode={hidden}
          by={kind !== 'all' && hidden.kind !== kind ? 'skill' : 'reward'}
          onShow={() => {
            setKind('all');
            setRewardFilter('all');
          }}
        />
      )}
      {batches !== null && batches.length === 0 && (
        <p className="hint" data-testid="episodes-none">
          No episodes stored for this run: every group of every fifth step (0, 5, 10...) is kept
          once that step ends, and every answer of each evaluation (validation and the final test)
          once it ends, unless dropped under Storage.
        </p>
      )}
      {batches !== null && batches.length > 0 && (
        <EpisodeControls
          batches={batches}
          shownKey={shownKey}
          kinds={kinds}
          view={view}
          following={picked === null || picked === newestKey}
          onBatch={(b) => {
            setPicked(b);
            setOpenId(null);
          }}
          onKind={setKind}
          onReward={setRewardFilter}
        />
      )}
      {/* A batch asked for (from the chart, or in the address) that is not stored: said. */}
      {picked !== null &&
        batches !== null &&
        batches.length > 0 &&
        !batches.some((b) => batchKey(b) === picked) && (
          <p className="hint" data-testid="episodes-not-stored">
            No answers stored for {batchName(batchOf(picked))} (a step with none, dropped under
            Storage, or kept by an older version only for the final test); showing{' '}
            {shown ? batchName(shown) : 'nothing'}.
          </p>
        )}
      {list === null && shown !== null && (
        <p className="hint" data-testid="episodes-loading">
          Reading the episodes of {batchName(shown)}…
        </p>
      )}
      {list !== null && rows.length > 0 && (
        <p className="hint" data-testid="episodes-summary">
          {plural(rows.length, 'answer')} · {rewarded} rewarded · a row’s 2.3 is answer 3 of{' '}
          {evaluation ? 'task' : 'group'} 2
        </p>
      )}
      {list !== null && rows.length > 0 && (
        <EpisodeList
          visible={visible}
          total={rows.length}
          evaluation={evaluation}
          openId={openId}
          onToggle={toggle}
          onMore={() => setMore({ key: listKey, rows: limit + PAGE_ROWS })}
        />
      )}
      {list !== null && list.length > 0 && rows.length === 0 && (
        <p className="hint" data-testid="episodes-filtered">
          No {rewardFilter === 'all' ? '' : `${rewardFilter} `}
          {kind === 'all' ? '' : `${KIND_LABELS[kind]} `}answers in{' '}
          {shown ? batchName(shown) : 'this batch'}: pick another skill, reward or step.
        </p>
      )}
      {episode && (
        <div
          ref={traceBox}
          className="episode-trace-box"
          onKeyDown={(e) => {
            // Escape closes the trace and goes back to its row (not from inside an editor,
            // whose own Escape closes its widgets).
            const id = episode.id;
            if (e.key !== 'Escape' || id === undefined) return;
            if ((e.target as HTMLElement).closest('.monaco-editor')) return;
            const row = e.currentTarget.parentElement?.querySelector<HTMLElement>(
              `[data-episode-id="${id}"] button`,
            );
            toggle(id);
            row?.focus();
          }}
        >
          <EpisodeTrace
            key={episode.id}
            episode={episode}
            observe={observe}
            readFiles={readFiles}
            rule={rule}
          />
        </div>
      )}
    </div>
  );
}
