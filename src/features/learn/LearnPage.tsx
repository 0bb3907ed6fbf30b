import { useEffect, useId, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { loadBugCatalog } from '../../bridge/learn';
import { appStore } from '../../state/appStore';
import { useLearn, useLearnActions } from '../../state/hooks';
import { BugPlay } from './BugPlay';
import { isStepKey, STEPS, type StepKey } from './steps';
import { useDocumentTitle } from '../../components/useDocumentTitle';

/** The catalog's progress while the quick suite is built (or read) in the worker. */
function CatalogStatus() {
  const { catalog } = useLearn();
  if (catalog.status === 'error')
    return (
      <div className="error" role="alert" data-testid="learn-catalog-error">
        <p>{catalog.error}</p>
        <button type="button" onClick={() => void loadBugCatalog(appStore)}>
          Try again
        </button>
      </div>
    );
  if (catalog.status !== 'loading') return null;
  const p = catalog.progress;
  return (
    <p className="hint" role="status" data-testid="learn-catalog-progress">
      {p ? `Preparing the bugs: ${p.stage} (${p.done} of ${p.total})…` : 'Reading the bugs…'} The
      first time, the quick suite is built and checked in the sandbox (about a minute); it is then
      cached for this page and for training runs.
    </p>
  );
}

/**
 * Learn: a composite task (fixing a bug) decomposed into the atomic skills the policy trains on,
 * each played by a person and graded by the same verifiers, in the same sandbox, as the policy.
 * The bug and the step are in the address, so a link opens the same place.
 */
export function LearnPage() {
  const bugLabelId = useId();
  const { catalog, place } = useLearn();
  const { setPlace } = useLearnActions();
  const [params, setParams] = useSearchParams();
  useEffect(() => {
    if (catalog.status === 'idle') void loadBugCatalog(appStore);
  }, [catalog.status]);
  const bugs = catalog.value?.bugs ?? [];
  // An address without a bug opens the one last shown (leaving the page loses nothing).
  // An empty one (`?bug=`) is none.
  const fromAddress = params.get('bug') || null;
  const asked = fromAddress ?? place?.bug ?? null;
  const known = asked === null || bugs.some((b) => b.id === asked);
  const bugId = asked ?? bugs[0]?.id ?? null;
  const stepParam = params.get('step') ?? (fromAddress === null ? (place?.step ?? null) : null);
  const step: StepKey = isStepKey(stepParam) ? stepParam : 'localization';
  useEffect(() => {
    if (bugId) setPlace(bugId, step);
  }, [bugId, step, setPlace]);
  // The address names the place shown from the first visit on, so a link copied at once
  // reopens it (replaced, not pushed: Back does not return to the bare address).
  useEffect(() => {
    // An unknown step in it is replaced by the one shown (a link copied then names it).
    if (!bugId || (fromAddress !== null && params.get('step') === step)) return;
    const p = new URLSearchParams(params);
    p.set('bug', bugId);
    p.set('step', step);
    setParams(p, { replace: true });
  }, [bugId, step, fromAddress, params, setParams]);
  // A bug not in the list (index -1) counts as before it: Next opens the list's first bug.
  const index = bugs.findIndex((b) => b.id === bugId);
  useDocumentTitle(bugs[index]?.listTitle, index >= 0 ? STEPS[step].title : null, 'Learn');
  const previous = index > 0 ? bugs[index - 1] : undefined;
  const next = bugs[index + 1];
  const go = (next: { bug?: string; step?: StepKey }, replace = false) => {
    const p = new URLSearchParams(params);
    p.set('bug', next.bug ?? bugId ?? '');
    p.set('step', next.step ?? step);
    setParams(p, { replace });
  };
  // Arrow keys in the closed select change the bug at each press: the first pick is one
  // history entry and the picks right after it replace it, so one Back returns to where the
  // person was. Leaving the select, or a move not made by it (Back...), ends the run of picks.
  const picked = useRef<string | null>(null);
  const pick = (bug: string) => {
    go({ bug, step: 'localization' }, picked.current !== null && picked.current === bugId);
    picked.current = bug;
  };
  return (
    <div className="learn-page" data-testid="learn-page">
      <section className="card">
        <h1>Learn</h1>
        <p className="lead">
          Fixing a bug is a composite task: the joint policy never trains on it. It trains on five
          atomic skills, and bug fixing is two of them in a row, finding the file and then fixing
          the code. Play each skill on one real bug from the corpus: your answers are written in the
          same answer language a policy decodes, and graded by the same verifiers in the same
          sandbox.
        </p>
        <CatalogStatus />
        {catalog.value && (
          <>
            <p className="learn-picker">
              <label className="field">
                <span id={bugLabelId}>Bug</span>
                <select
                  aria-labelledby={bugLabelId}
                  value={known && bugId ? bugId : ''}
                  data-testid="learn-bug-select"
                  onChange={(e) => pick(e.target.value)}
                  onBlur={() => {
                    picked.current = null;
                  }}
                >
                  {!known && <option value="">(not in the list)</option>}
                  {bugs.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.split} · {b.project} · {b.listTitle}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                disabled={!previous}
                data-testid="learn-previous-bug"
                onClick={() => previous && go({ bug: previous.id, step: 'localization' })}
              >
                Previous bug
              </button>
              <button
                type="button"
                disabled={!next}
                data-testid="learn-next-bug"
                onClick={() => next && go({ bug: next.id, step: 'localization' })}
              >
                Next bug
              </button>
            </p>
            <p className="hint" data-testid="learn-source">
              From {catalog.value.source}. Test-split bugs come first: no run on the quick suite
              trains on their projects.
            </p>
          </>
        )}
      </section>
      {bugId && (catalog.value || asked) && (
        <section className="card">
          {/* Read again once the list is in: a read that failed while the suite was built
              (a deep link on a first visit) is not left standing. */}
          <BugPlay
            key={`${bugId}|${catalog.value ? 'listed' : 'unlisted'}`}
            bugId={bugId}
            step={step}
            onStep={(s, replace) => go({ step: s }, replace)}
          />
        </section>
      )}
    </div>
  );
}
