import { errorText } from '../../protocol/errorText';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { loadKeptResults } from '../../bridge/evaluation';
import { evalSamplesByRun, finalTestScores } from '../../bridge/training';
import { download } from '../../components/download';
import { readInto } from '../../components/useRead';
import { FileButton } from '../../components/FileButton';
import { gridTable } from '../../eval/gridTables';
import type { PerTaskScores } from '../../eval/evaluate';
import { PAPER_BASELINES, paperGrid, type GridResult } from '../../eval/grid';
import { baselineMismatch, transferRows } from '../../eval/transfer';
import type { RunSummary } from '../../protocol/training';
import { appStore } from '../../state/appStore';
import { useApp } from '../../state/hooks';
import { defaultPicks, gridFromRuns, isGridRun, samplesNote } from './gridFromRuns';
import { UnfinishedNote } from './UnfinishedNote';
import { ExternalTasksPanel } from './ExternalTasksPanel';
import { ModelAnswersPanel } from './ModelAnswersPanel';
import { PaperGridTable, unscoredKinds } from './PaperGridTable';
import { TransferTable } from './TransferTable';
import { runLabel } from './runLabel';
import { readGridFile } from './gridFile';
import { useDocumentTitle } from '../../components/useDocumentTitle';

const NAMES = PAPER_BASELINES.map((b) => b.name);

/**
 * Each picked run's per-task test scores, read once per run (they pair the differences); a run
 * whose scores could not be read is left unpaired.
 */
function useTaskScores(ids: readonly string[]): Record<string, PerTaskScores> {
  const [scores, setScores] = useState<Record<string, PerTaskScores>>({});
  // Each run is read once, whatever else is picked meanwhile (a read is not restarted).
  const asked = useRef(new Set<string>());
  const key = ids.join(' ');
  useEffect(() => {
    for (const id of key === '' ? [] : key.split(' ')) {
      if (asked.current.has(id)) continue;
      asked.current.add(id);
      finalTestScores(id).then(
        (s) => setScores((all) => ({ ...all, [id]: s })),
        () => setScores((all) => ({ ...all, [id]: {} })),
      );
    }
  }, [key]);
  return scores;
}

/** Each stored run's k of Avg@k (its config's), read again whenever the finished runs change. */
function useEvalSamples(key: string): Record<string, number> {
  const [samples, setSamples] = useState<Record<string, number>>({});
  useEffect(
    // Not read: k is said to be not recorded.
    () => readInto(evalSamplesByRun(), setSamples, () => undefined, 'the runs’ eval samples'),
    [key],
  );
  return samples;
}

/** Columns wide enough for a run's whole label (name · steps · date and time), at 800 and 1400 px. */
const PICKS_COLUMNS = {
  gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 380px), 1fr))',
} as const;

/** The grid from this browser's finished runs, one picked per baseline (named for it at first). */
function GridFromRuns() {
  const labelId = useId();
  const runs = useApp((s) => s.train.runs);
  const loaded = useApp((s) => s.train.runsLoaded);
  const done = useMemo(() => runs.filter(isGridRun), [runs]);
  const defaults = useMemo(() => defaultPicks(done, NAMES), [done]);
  const chosen = useApp((s) => s.evaluate.gridPicks);
  const picks = useMemo(
    () =>
      NAMES.map((name) => {
        // A pick of a run since deleted falls back to the default, as if never made.
        const mine = chosen[name];
        const kept = mine === null || done.some((r) => r.id === mine);
        const id = mine !== undefined && kept ? mine : defaults[name]!;
        return { name, run: done.find((r) => r.id === id) ?? null };
      }),
    [done, defaults, chosen],
  );
  const scores = useTaskScores(picks.flatMap((p) => (p.run ? [p.run.id] : [])));
  const k = useEvalSamples(done.map((r) => r.id).join(' '));
  const samples = samplesNote(
    Object.fromEntries(picks.flatMap(({ name, run }) => (run ? [[name, k[run.id]]] : []))),
    'their configs’ eval samples',
  );
  const result = useMemo(() => {
    const picked: Record<string, { run: RunSummary; perTask?: PerTaskScores }> = {};
    for (const { name, run } of picks)
      if (run) picked[name] = { run, ...(scores[run.id] ? { perTask: scores[run.id] } : {}) };
    return gridFromRuns(picked);
  }, [picks, scores]);
  if (loaded && done.length === 0)
    return (
      <>
        <p className="hint" data-testid="grid-no-runs">
          No finished runs in this browser yet. Train the paper&apos;s baselines on the{' '}
          <Link to="/train">Train page</Link> (its presets under &quot;The paper&apos;s grid&quot;),
          or import bundles of runs trained in Node there (<code>npm run lab -- bundle</code>).
        </p>
        <UnfinishedNote runs={runs} testId="grid-unfinished" />
      </>
    );
  return (
    <>
      <fieldset className="grid-picks" data-testid="grid-picks" style={PICKS_COLUMNS}>
        <legend>A run for each baseline (a finished run named for it is picked at first)</legend>
        {PAPER_BASELINES.map(({ name, label }, i) => {
          const run = picks[i]!.run;
          const wrong = run ? baselineMismatch(name, run.trainKinds) : null;
          return (
            <label key={name}>
              <span id={`${labelId}-${name}`}>{label}</span>{' '}
              <select
                aria-labelledby={`${labelId}-${name}`}
                data-testid={`grid-pick-${name}`}
                value={run?.id ?? ''}
                onChange={(e) =>
                  appStore.getState().evaluateActions.pickForGrid(name, e.target.value || null)
                }
              >
                <option value="">— none —</option>
                {done.map((r) => (
                  <option key={r.id} value={r.id}>
                    {runLabel(r)}
                  </option>
                ))}
              </select>
              {run && run.name !== name && (
                <span className="hint" data-testid={`grid-pick-${name}-other`}>
                  named {run.name}, not {name}: check it is this baseline
                </span>
              )}
              {wrong && (
                <span className="field-error error" data-testid={`grid-pick-${name}-kinds`}>
                  {wrong}
                </span>
              )}
            </label>
          );
        })}
      </fieldset>
      <UnfinishedNote runs={runs} testId="grid-unfinished" />
      {picks.every((p) => !p.run) && (
        <p className="hint" role="status" data-testid="grid-none-picked">
          No run is picked for any baseline, so every cell is empty. A finished run named for a
          baseline ({NAMES.slice(0, 3).join(', ')}…: the Train page&apos;s presets under &quot;The
          paper&apos;s grid&quot; name them so) is picked at first; pick a run above for each
          baseline you trained.
        </p>
      )}
      <GridTables result={result} samples={samples} />
    </>
  );
}

/** The grid of a results.json written by `npm run lab -- experiment`. */
function GridFromFile() {
  // Kept in the store while the app is open: leaving the page and coming back shows it again.
  const file = useApp((s) => s.evaluate.gridFile);
  const setFile = useApp((s) => s.evaluateActions.openGridFile);
  const [error, setError] = useState<string | null>(null);
  // Only the newest file opened is shown (an older one read more slowly is dropped).
  const latest = useRef(0);
  const read = async (f: File) => {
    const ticket = ++latest.current;
    let text: string;
    try {
      text = await f.text();
    } catch (e) {
      if (ticket === latest.current) setError(`Could not read ${f.name}: ${errorText(e)}`);
      return;
    }
    if (ticket !== latest.current) return;
    // The grid shown (if any) stays: a bad file loses nothing.
    const opened = readGridFile(f.name, text);
    setError(opened.error);
    if (opened.result) setFile({ name: f.name, result: opened.result, samples: opened.samples });
  };
  const r = file?.result;
  const k = file?.samples;
  return (
    <>
      <FileButton
        label="open results.json"
        testId="grid-file"
        accept=".json,application/json"
        onFiles={([f]) => f && void read(f)}
      />
      {error && (
        <p className="error" role="alert" data-testid="grid-file-error">
          {error}
        </p>
      )}
      {!file && !error && (
        <p className="hint">
          <code>npm run lab -- experiment --grid paper --out runs/paper-grid</code> trains every
          baseline in Node and writes <code>runs/paper-grid/results.json</code>: open it here.
        </p>
      )}
      {file && r && (
        <>
          <p className="hint" data-testid="grid-file-about">
            {file.name}: {Object.keys(r.runs).length} runs from {r.base || 'an unnamed config'}
            {r.seed ? `, seed ${r.seed}` : ''}
            {r.backend ? `, on ${r.backend}` : ''}
            {r.suite ? `; tasks: ${r.suite}` : ''}
            {k ? `; scored Avg@${k}` : ''}.
          </p>
          <GridTables
            result={r}
            samples={samplesNote(
              Object.fromEntries(Object.keys(r.runs).map((name) => [name, k])),
              'the config’s evalSamples',
            )}
          />
        </>
      )}
    </>
  );
}

/**
 * The paper's table, then transfer between skills, of one grid of runs; `samples` says what k
 * of Avg@k is for them.
 */
function GridTables({ result, samples }: { result: GridResult; samples: string }) {
  const grid = useMemo(() => paperGrid(result), [result]);
  const transfer = useMemo(() => transferRows(result), [result]);
  return (
    <>
      <PaperGridTable grid={grid} samples={samples} />
      <p>
        <button
          type="button"
          data-testid="grid-download"
          title="The table as lab experiment writes it to table.md: markdown, to paste into a report."
          onClick={() => download('paper-grid.md', `${gridTable(result)}\n`, 'text/markdown')}
        >
          Download the table (markdown)
        </button>
      </p>
      <h2>Transfer between skills</h2>
      <p className="hint">
        Each RL run&apos;s test score minus the warm start&apos;s, on every task kind: off the
        outlined cells, what a run learned on its own skills carried over to others and to the
        composite tasks it never trained on. Tinted: more than two standard errors from 0 (green up,
        red down). That reading needs the run to start from the same warm start, as every RL run of{' '}
        <code>lab experiment</code> does; a run that warm-started on its own skills only (a
        single-skill run trained on the Train page) is marked and not tinted.
      </p>
      <TransferTable rows={transfer} unscored={unscoredKinds(grid)} />
    </>
  );
}

/**
 * Evaluate: the paper's experiment grid, from this browser's runs or from a `lab experiment`
 * results.json.
 */
export function EvaluatePage() {
  useDocumentTitle('Evaluate');
  const source = useApp((s) => s.evaluate.gridSource);
  const setSource = useApp((s) => s.evaluateActions.setGridSource);
  const [keptError, setKeptError] = useState<string | null>(null);
  useEffect(() => {
    loadKeptResults(appStore).then(
      () => setKeptError(null),
      (e: unknown) =>
        setKeptError(
          `Could not read the evaluations and model scores kept in this browser: ${errorText(e)}. New ones still show; reload the page to try again.`,
        ),
    );
  }, []);
  return (
    <div className="evaluate-page" data-testid="evaluate-page">
      <section className="card">
        <h1>Evaluate</h1>
        <p className="lead">
          The paper&apos;s experiment grid in miniature: each skill&apos;s and each composite
          task&apos;s test score under every baseline (untrained, warm start, joint RL, each
          single-skill run, composite-only), joint RL against each single-skill run (below 0:
          interference), and joint RL&apos;s gain over the warm start.
        </p>
        <p
          className="segmented grid-source"
          role="group"
          aria-label="Where the grid's runs come from"
        >
          The grid of{' '}
          {(
            [
              ['runs', "this browser's runs"],
              ['file', 'a results.json from lab experiment'],
            ] as const
          ).map(([value, label]) => (
            <button
              key={value}
              type="button"
              aria-pressed={source === value}
              className={source === value ? 'active' : undefined}
              data-testid={`grid-source-${value}`}
              onClick={() => setSource(value)}
            >
              {label}
            </button>
          ))}
        </p>
        {/* Both stay mounted, so switching keeps each one's picks and file. */}
        <div hidden={source !== 'runs'} data-testid="grid-from-runs">
          <GridFromRuns />
        </div>
        <div hidden={source !== 'file'} data-testid="grid-from-file">
          <GridFromFile />
        </div>
      </section>
      {keptError && (
        <p className="error" role="alert" data-testid="kept-error">
          {keptError}
        </p>
      )}
      <section className="card">
        <h2>External tasks</h2>
        <ExternalTasksPanel />
      </section>
      <section className="card">
        <h2>External models</h2>
        <ModelAnswersPanel />
      </section>
    </div>
  );
}
