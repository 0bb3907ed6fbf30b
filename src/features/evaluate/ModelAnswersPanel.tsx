import { errorText } from '../../protocol/errorText';
import { useEffect, useId, useMemo, useState } from 'react';
import { finalTestScores } from '../../bridge/training';
import { modelPrompts, scoreModelAnswers } from '../../bridge/evaluation';
import { download } from '../../components/download';
import { FileButton } from '../../components/FileButton';
import { readInto } from '../../components/useRead';
import { KIND_LABELS, SPLIT_LABELS, SPLITS, TASK_KINDS, type Split } from '../../core/tasks/types';
import type { PerTaskScores } from '../../eval/evaluate';
import type { Kept } from '../../protocol/kept';
import { appStore } from '../../state/appStore';
import { useApp } from '../../state/hooks';
import { EstimateCell, signed } from './cells';
import { isGridRun } from './gridFromRuns';
import { KeptTable } from './KeptTable';
import { labFileKind, OPEN_BUNDLE, OPEN_RESULTS, parseDocument } from '../../eval/labFiles';
import { modelRows } from './modelRows';
import { runLabel } from './runLabel';
import { plural } from '../../protocol/plural';
import { TableScroll } from '../../components/TableScroll';

const SPLIT_WORDS: Record<Split, string> = {
  test: 'test split (no run trains on it)',
  val: 'validation split',
  train: 'training split',
};

/** Downloads one split's prompts; says what went wrong, keeping the page as it was. */
function PromptsDownload() {
  const labelId = useId();
  const [split, setSplit] = useState<Split>('test');
  const [state, setState] = useState<{ busy: boolean; note: string | null; error: string | null }>({
    busy: false,
    note: null,
    error: null,
  });
  return (
    <p className="learn-actions">
      <label className="field">
        <span id={labelId}>Tasks</span>
        <select
          aria-labelledby={labelId}
          value={split}
          data-testid="model-split"
          onChange={(e) => setSplit(e.target.value as Split)}
        >
          {[...SPLITS].reverse().map((s) => (
            <option key={s} value={s}>
              {SPLIT_WORDS[s]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={state.busy}
        data-testid="model-prompts"
        onClick={() => {
          setState({ busy: true, note: 'Preparing the prompts…', error: null });
          modelPrompts(split, (p) =>
            setState((s) =>
              s.busy
                ? {
                    ...s,
                    note: `Preparing the prompts: building the tasks the first time (about a minute): ${p.stage} (${p.done} of ${p.total})…`,
                  }
                : s,
            ),
          ).then(
            (file) => {
              download(file.fileName, file.text, 'application/x-ndjson');
              setState({
                busy: false,
                note: `Saved ${file.tasks} prompts as ${file.fileName}.`,
                error: null,
              });
            },
            (e: unknown) =>
              setState({
                busy: false,
                note: null,
                error: `Could not make the prompts: ${errorText(e)}`,
              }),
          );
        }}
      >
        Download the prompts (JSONL)
      </button>
      {state.note && (
        <span className="hint" role="status" data-testid="model-prompts-note">
          {state.note}
        </span>
      )}
      {state.error && (
        <span className="error" role="alert">
          {state.error}
        </span>
      )}
    </p>
  );
}

/** A finished run's final test scores per task, read when it is picked, or why they are not. */
function useRunScores(runId: string | null): {
  scores: PerTaskScores | null;
  error: string | null;
} {
  const [got, setGot] = useState<{
    runId: string;
    scores: PerTaskScores | null;
    error: string | null;
  }>();
  useEffect(() => {
    if (!runId) return;
    return readInto(
      finalTestScores(runId),
      (scores) => setGot({ runId, scores, error: null }),
      (error) => setGot({ runId, scores: null, error }),
      "the run's test answers",
    );
  }, [runId]);
  return got && got.runId === runId ? got : { scores: null, error: null };
}

function ModelTable() {
  const { result, status, fileName } = useApp((s) => s.evaluate.model);
  const runs = useApp((s) => s.train.runs);
  const done = useMemo(
    () => runs.filter(isGridRun).sort((a, b) => b.createdAt - a.createdAt),
    [runs],
  );
  const [picked, setPicked] = useState<string | null>(null);
  const runLabelId = useId();
  const runId = picked ?? done.find((r) => r.name === 'joint-rl')?.id ?? done[0]?.id ?? null;
  const { scores, error: scoresError } = useRunScores(runId);
  const rows = useMemo(() => (result ? modelRows(result, scores) : []), [result, scores]);
  if (!result) return null;
  const run = done.find((r) => r.id === runId);
  const scored = Object.values(result.perTask).reduce((n, s) => n + Object.keys(s ?? {}).length, 0);
  const coverage = result.coverage;
  const splitWords = coverage?.splits.map((s) => SPLIT_LABELS[s]).join(' and ') ?? '';
  const partial = coverage
    ? TASK_KINDS.flatMap((k) => {
        const c = coverage.byKind[k];
        return c && c.answered < c.of
          ? [`${c.answered} of ${c.of} ${KIND_LABELS[k]} ${splitWords} tasks`]
          : [];
      }).join(', ')
    : '';
  return (
    <>
      <p className="hint" data-testid="model-about">
        {status === 'running' && (
          <strong data-testid="model-earlier">
            Earlier file, shown until {fileName} is scored:{' '}
          </strong>
        )}
        {result.fileName}: {plural(result.answers, 'answer')}, scored on {result.suite}
        {(result.graded ?? 0) > scored &&
          ` (${plural(scored, 'task')} answered: a task answered more than once scores the mean of its answers, Avg@k)`}
        .
        {result.unreadCount > 0 &&
          ` ${result.unreadCount} held no answer and scored 0 (e.g. line ${result.unread[0]!.line}: ${result.unread[0]!.reason}).`}
        {result.unknownTasks.length > 0 &&
          ` ${result.unknownTasks.length} named a task not in the suite and ${result.unknownTasks.length === 1 ? 'was' : 'were'} left out (e.g. ${result.unknownTasks[0]!}).`}
        {partial && (
          <span data-testid="model-partial">
            {' '}
            Scored over the tasks answered only ({partial}): a task left out counts for nothing;
            answer every prompt of the split for a score over all of it.
          </span>
        )}
      </p>
      {done.length > 0 && (
        <label className="field">
          <span id={runLabelId}>Beside the run</span>
          <select
            aria-labelledby={runLabelId}
            value={runId ?? ''}
            data-testid="model-run"
            // As wide as its longest run's name, not the whole card.
            style={{ alignSelf: 'flex-start' }}
            onChange={(e) => setPicked(e.target.value)}
          >
            {done.map((r) => (
              <option key={r.id} value={r.id}>
                {runLabel(r)}
              </option>
            ))}
          </select>
        </label>
      )}
      {scoresError && (
        <p className="error" role="alert" data-testid="model-run-error">
          {scoresError}
        </p>
      )}
      <TableScroll>
        <table className="table" data-testid="model-table">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th
                scope="col"
                title={
                  coverage
                    ? `Tasks answered, of the kind's tasks in the ${splitWords} split`
                    : 'Tasks answered'
                }
              >
                Tasks
              </th>
              <th scope="col" title="The model's mean reward over every task it answered">
                {result.fileName}
              </th>
              <th
                scope="col"
                title="The model's mean reward over the tasks both it and the run answered (how many)"
              >
                Model, on shared tasks (n)
              </th>
              <th scope="col" title="The run's mean reward over the same tasks">
                {run ? run.name : 'Run'}, on shared tasks
              </th>
              <th scope="col">Model − run</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.kind} data-testid={`model-row-${r.kind}`}>
                <th scope="row">{KIND_LABELS[r.kind]}</th>
                <td className="num" data-testid={`model-${r.kind}-tasks`}>
                  {coverage?.byKind[r.kind]
                    ? `${coverage.byKind[r.kind]!.answered} of ${coverage.byKind[r.kind]!.of}`
                    : r.model.tasks}
                </td>
                <EstimateCell
                  testId={`model-${r.kind}-score`}
                  value={r.model.meanReward.toFixed(3)}
                  stdErr={r.model.stdErr}
                />
                <EstimateCell
                  testId={`model-${r.kind}-shared`}
                  value={
                    r.shared ? `${r.shared.model.meanReward.toFixed(3)} (${r.shared.tasks})` : null
                  }
                  stdErr={r.shared?.model.stdErr}
                />
                <EstimateCell
                  testId={`model-${r.kind}-run`}
                  value={r.shared ? r.shared.run.meanReward.toFixed(3) : null}
                  stdErr={r.shared?.run.stdErr}
                />
                <EstimateCell
                  testId={`model-${r.kind}-diff`}
                  value={r.diff ? signed(r.diff.diff) : null}
                  stdErr={r.diff?.stdErr}
                />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {done.length === 0 && (
        <p className="hint">
          No finished run in this browser to set beside it: train one on the Train page (or import a
          bundle), then its final test scores show here, paired over the tasks both answered.
        </p>
      )}
    </>
  );
}

/** Every model scored in this browser, side by side: its mean reward per kind. */
function KeptModels() {
  const kept = useApp((s) => s.evaluate.kept.model);
  const kinds = TASK_KINDS.filter((k) => kept.some((m) => m.result.bySkill[k]));
  return (
    <KeptTable
      job="model"
      caption="Models scored in this browser (mean reward over the tasks each answered)"
      columns={[
        { head: 'Answers', cell: ({ result }) => result.answers },
        // The grid's names for the kinds, wrapping (the kept table's cells do not) so that the
        // kinds fit side by side in a wide window; a narrow one scrolls.
        ...kinds.map((kind) => ({
          head: <span style={{ whiteSpace: 'normal' }}>{KIND_LABELS[kind]}</span>,
          title: `${KIND_LABELS[kind]}: mean reward (tasks answered, of the split's)`,
          cell: ({ result }: Kept<'model'>) => {
            const s = result.bySkill[kind];
            const of = result.coverage?.byKind[kind]?.of;
            return s ? (
              <span className="num" data-testid={`model-kept-${kind}`}>
                {s.meanReward.toFixed(3)}{' '}
                <span className="hint">({of !== undefined ? `${s.tasks} of ${of}` : s.tasks})</span>
              </span>
            ) : (
              '–'
            );
          },
        })),
      ]}
    />
  );
}

/**
 * External models: the built-in tasks as prompts for a language model (or any program), and
 * its answers graded with the policy's verifiers, beside a run's scores on the same tasks.
 */
export function ModelAnswersPanel() {
  const model = useApp((s) => s.evaluate.model);
  const running = model.status === 'running';
  const p = model.progress;
  return (
    <div data-testid="model-panel">
      <p className="lead">
        Score a language model, or any program, on the built-in tasks with the same verifiers as the
        policy. Download the tasks as prompts (one JSON line each: <code>task</code>,{' '}
        <code>kind</code>, <code>prompt</code>), have the model answer each, and open its answers:
        one JSON line each, <code>{'{"task": "<id>", "answer": "<its text>"}'}</code>. The answer
        text may hold prose: its FILES, TEST and VERDICT lines are read, and its change as a unified
        diff (or EDIT, INSERT and DELETE lines). The same as <code>npm run lab -- prompts</code> and{' '}
        <code>npm run lab -- eval --answers</code>.
      </p>
      <PromptsDownload />
      <p className="learn-actions">
        <FileButton
          label="Open a model's answers (JSONL)…"
          testId="model-answers-file"
          accept=".jsonl,.json,.txt"
          onFiles={([file]) => {
            if (!file) return;
            const { failed } = appStore.getState().evaluateActions;
            if (running) {
              failed('model', `Still scoring the last file: open ${file.name} once it is done.`);
              return;
            }
            file.text().then(
              (text) => {
                // A file of the lab's opened here by mistake is named for what it is.
                const kind = labFileKind(parseDocument(text));
                if (kind)
                  failed(
                    'model',
                    `${file.name} is not a model's answers: it is ${kind === 'bundle' ? `a run bundle of lab bundle; to evaluate its run, ${OPEN_BUNDLE}` : `a results.json of lab experiment; to see its grid, ${OPEN_RESULTS}`}. Here, open JSONL answers, one {"task": <id>, "answer": <text>} a line.`,
                  );
                else void scoreModelAnswers(appStore, { fileName: file.name, text });
              },
              (e: unknown) => failed('model', `Could not read ${file.name}: ${errorText(e)}`),
            );
          }}
        />
        {running && (
          <span className="hint" role="status" data-testid="model-progress">
            {p ? `${p.stage}: ${p.done} of ${p.total}…` : 'Reading the answers…'}
          </span>
        )}
      </p>
      {model.error && (
        <p className="error" role="alert" data-testid="model-error">
          {model.error}
        </p>
      )}
      <ModelTable />
      <KeptModels />
    </div>
  );
}
