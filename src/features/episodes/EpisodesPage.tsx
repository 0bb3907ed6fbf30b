import { useCallback, useEffect, useId, useState } from 'react';
import {
  addressMistakes,
  viewOfAddress,
  writeView,
  type EpisodesView,
} from '../../protocol/episodeView';
import { Link, useSearchParams } from 'react-router-dom';
import type { RunSummary } from '../../protocol/training';
import { useApp } from '../../state/hooks';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useHistoryMoves } from '../../components/useHistoryMoves';
import { RunEpisodes } from '../train/RunEpisodes';
import { getEpisode } from '../../bridge/training';
import { plural } from '../../protocol/plural';

/** The run a visit shows: the one the link names, else the focused one, else the newest. */
export function runToShow(
  runs: readonly RunSummary[],
  asked: string | null,
  focused: string | null,
): { run: RunSummary | null; missing: boolean } {
  const find = (id: string | null) => (id === null ? undefined : runs.find((r) => r.id === id));
  const named = find(asked);
  const newest = runs.reduce<RunSummary | null>(
    (a, r) => (a === null || r.createdAt > a.createdAt ? r : a),
    null,
  );
  return { run: named ?? find(focused) ?? newest, missing: asked !== null && !named };
}

/**
 * Any stored run's episodes, full width: the trace viewer with room for side-by-side code. The
 * URL names the run, the batch and filters, and the open episode
 * (`?run=<id>&batch=val-20&kind=review&reward=unrewarded&episode=<n>`), so a link opens exactly
 * that list and trace, and survives a reload.
 */
export function EpisodesPage() {
  const runLabelId = useId();
  const runs = useApp((s) => s.train.runs);
  const loaded = useApp((s) => s.train.runsLoaded);
  const focused = useApp((s) => s.train.focusId);
  const [params, setParams] = useSearchParams();
  const moves = useHistoryMoves();
  const asked = params.get('run');
  const episodeParam = params.get('episode');
  const episode = episodeParam !== null && /^\d+$/.test(episodeParam) ? Number(episodeParam) : null;
  // An address whose episode is not a number (mistyped, cut short) is said, not silently dropped.
  const [badEpisode] = useState(() =>
    episodeParam !== null && episode === null ? episodeParam : null,
  );
  // So are a batch, skill or reward filter that name none, until another is picked.
  const [mistakes, setMistakes] = useState(() => addressMistakes(params));
  // Once another value is picked (or another run, whose address starts afresh) it is gone for
  // good, not back when the default is picked again.
  const mistaken = mistakes.filter((m) => [null, m.value].includes(params.get(m.name)));
  if (mistaken.length !== mistakes.length) setMistakes(mistaken);
  const { run, missing } = runToShow(runs, asked, focused);
  // No episode is open when the link's run is not here: the title does not name one.
  useDocumentTitle(
    episode !== null && !missing ? `Episode ${episode}` : null,
    run?.name,
    'Episodes',
  );
  // Names a run in the address, in the same entry (a link's episode looked up, or none named).
  const nameRun = useCallback(
    (id: string) => {
      const next = new URLSearchParams(window.location.search);
      next.set('run', id);
      setParams(next, { replace: true });
    },
    [setParams],
  );
  // A link naming an episode and no run: its run is looked up and named in the address (the
  // same entry), so it opens in its run. Not found, the run shown says there is no such episode.
  const [lookedUp, setLookedUp] = useState<number | null>(null);
  const finding = asked === null && episode !== null && lookedUp !== episode;
  useEffect(() => {
    if (!finding || episode === null) return;
    let live = true;
    const done = (runOf: string | null) => {
      if (!live) return;
      if (runOf !== null) nameRun(runOf);
      setLookedUp(episode);
    };
    getEpisode(episode).then(
      (e) => done(e?.runId ?? null),
      () => done(null),
    );
    return () => {
      live = false;
    };
  }, [finding, episode, nameRun]);
  const runId = run?.id ?? null;
  // An address naming no run (the header's link) names the one shown, in the same entry, so a
  // reload or a copy of it shows that run (RunEpisodes tells of its view only when it changes).
  useEffect(() => {
    if (asked !== null || finding || runId === null) return;
    if (!new URLSearchParams(window.location.search).has('run')) nameRun(runId);
  }, [asked, finding, runId, nameRun]);
  // Another run or an episode opened is a new entry in the history: Back returns to the one
  // before. A trace closing (or an episode that is not there) only changes the address.
  // Another run starts with its newest batch, unfiltered.
  const pick = (id: string) => {
    setMistakes([]);
    setParams(new URLSearchParams({ run: id }));
  };
  const onView = useCallback(
    (view: EpisodesView) => {
      // The address as it is now: a navigation commits in a transition, so this render's
      // params may not have caught up with the last one written (a trace opened and at once
      // closed would be opened again).
      const now = new URLSearchParams(window.location.search);
      const next = writeView(now, view);
      // The run shown goes into the address with its view, so a reload or a link shows the
      // same run's list. A link to a run that is not here keeps its id (the page says so) and
      // its episode (kept for when the run is imported), until an episode is opened.
      if (!missing && runId !== null) next.set('run', runId);
      if (view.episode === null) {
        if (!missing) next.delete('episode');
      } else if (runId !== null) {
        next.set('run', runId);
        next.set('episode', String(view.episode));
      }
      // Told what the address already says (as shown from it): nothing to change.
      if (next.toString() === now.toString()) return;
      // Only another episode opened is a new entry in the history; a batch or filter picked,
      // or the address's own episode with its run added, changes this one.
      const replace = view.episode === null || String(view.episode) === now.get('episode');
      setParams(next, { replace });
    },
    [setParams, runId, missing],
  );
  return (
    <div className="episodes-page" data-testid="episodes-page">
      <section className="card">
        <h1>Episodes</h1>
        <p className="lead">
          Every answer a run stored (every group of every fifth training step, every answer of its
          evaluations), and why each got its reward: the task, the verifier&apos;s facts and sandbox
          runs, the code it wrote side by side, what the policy saw and every token it decoded. The
          address names the open episode: copy it to share exactly this trace.
        </p>
        {loaded && runs.length === 0 && (
          <p className="hint" data-testid="episodes-no-runs">
            No runs in this browser yet: start one on the <Link to="/train">Train page</Link>, or
            import a bundle there.
          </p>
        )}
        {missing && (
          <p className="error" role="alert" data-testid="episodes-run-missing">
            No run with id {asked} in this browser (deleted, or stored in another browser)
            {episodeParam !== null ? `, so its episode ${episodeParam} cannot be shown` : ''};
            showing {run ? `“${run.name}”` : 'nothing'}. Import the run’s bundle on the{' '}
            <Link to="/train">Train page</Link> to open it here.
          </p>
        )}
        {badEpisode !== null && (episodeParam === null || episodeParam === badEpisode) && (
          <p className="error" role="alert" data-testid="episodes-bad-episode">
            “{badEpisode}” in the address is not an episode number (the address ends{' '}
            <code>episode=</code> and a whole number, as a copied link does); pick an episode below.
          </p>
        )}
        {mistaken.length > 0 && (
          <p className="error" role="alert" data-testid="episodes-bad-filter">
            {mistaken.map((m) => (
              <span key={m.name}>
                “{m.name}={m.value}” in the address {m.text}.{' '}
              </span>
            ))}
            Pick {mistaken.length > 1 ? 'them' : 'it'} below.
          </p>
        )}
        {run && (
          <label className="field episodes-run">
            <span id={runLabelId}>Run</span>
            <select
              aria-labelledby={runLabelId}
              data-testid="episodes-run"
              value={run.id}
              onChange={(e) => pick(e.target.value)}
            >
              {[...runs]
                .sort((a, b) => b.createdAt - a.createdAt)
                .map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name} · {r.status} · {plural(r.step, 'step')}
                  </option>
                ))}
            </select>
          </label>
        )}
      </section>
      {finding && (
        <p className="hint" data-testid="episodes-finding">
          Finding the run of episode {episode}…
        </p>
      )}
      {run && !finding && (
        <section className="card">
          <RunEpisodes
            key={run.id}
            runId={run.id}
            address={{
              ...viewOfAddress(params),
              // An address naming an episode and no run: the episode of the run shown (the page
              // says so when it is not that run's).
              episode: asked === null || asked === run.id ? episode : null,
            }}
            moves={moves}
            onView={onView}
          />
        </section>
      )}
    </div>
  );
}
