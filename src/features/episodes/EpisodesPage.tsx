import { useCallback, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { RunSummary } from '../../protocol/training';
import { useApp } from '../../state/hooks';
import { RunEpisodes } from '../train/RunEpisodes';
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
 * URL names the run and the open episode (`?run=<id>&episode=<n>`), so a link opens exactly that
 * trace, and survives a reload.
 */
export function EpisodesPage() {
  const runLabelId = useId();
  const runs = useApp((s) => s.train.runs);
  const loaded = useApp((s) => s.train.runsLoaded);
  const focused = useApp((s) => s.train.focusId);
  const [params, setParams] = useSearchParams();
  const asked = params.get('run');
  const episodeParam = params.get('episode');
  const episode = episodeParam !== null && /^\d+$/.test(episodeParam) ? Number(episodeParam) : null;
  // An address whose episode is not a number (mistyped, cut short) is said, not silently dropped.
  const [badEpisode] = useState(() =>
    episodeParam !== null && episode === null ? episodeParam : null,
  );
  const { run, missing } = runToShow(runs, asked, focused);
  // Another run or an episode opened is a new entry in the history: Back returns to the one
  // before. A trace closing (or an episode that is not there) only changes the address.
  const pick = (id: string) =>
    setParams((p) => {
      p.set('run', id);
      p.delete('episode');
      return p;
    });
  const runId = run?.id ?? null;
  const onOpen = useCallback(
    (id: number | null) => {
      // Told of the episode the address already names (opened from it): nothing to add.
      if (id === episode && (id === null || asked === runId)) return;
      setParams(
        (p) => {
          // The run goes into the address with an episode opened (not before: a link to a run
          // that is not here keeps its id, so the page can say so).
          if (id === null) p.delete('episode');
          else if (runId !== null) {
            p.set('run', runId);
            p.set('episode', String(id));
          }
          return p;
        },
        // The address's own episode, its run added: the same entry.
        { replace: id === null || id === episode },
      );
    },
    [setParams, runId, episode, asked],
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
            No run with id {asked} in this browser (deleted, or stored in another browser); showing{' '}
            {run ? `“${run.name}”` : 'nothing'}.
          </p>
        )}
        {badEpisode !== null && (episodeParam === null || episodeParam === badEpisode) && (
          <p className="error" role="alert" data-testid="episodes-bad-episode">
            “{badEpisode}” in the address is not an episode number (the address ends{' '}
            <code>episode=</code> and a whole number, as a copied link does); pick an episode below.
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
      {run && (
        <section className="card">
          <RunEpisodes
            key={run.id}
            runId={run.id}
            // An address naming an episode and no run: the episode of the run shown (the page
            // says so when it is not that run's).
            addressEpisode={asked === null || asked === run.id ? episode : null}
            onOpen={onOpen}
          />
        </section>
      )}
    </div>
  );
}
