import { errorText } from '../../protocol/errorText';
import { plural } from '../../protocol/plural';
import { useMemo, useState } from 'react';
import {
  cancelExternalTasks,
  describeTaskFile,
  evaluateExternalTasks,
} from '../../bridge/evaluation';
import { FileButton } from '../../components/FileButton';
import { KIND_LABELS, SPLIT_LABELS, SPLITS, TASK_KINDS, type Split } from '../../core/tasks/types';
import { MAX_EXTERNAL_SAMPLES, samplingProblem } from '../../protocol/external';
import { appStore } from '../../state/appStore';
import { useApp } from '../../state/hooks';
import { ExternalResultTable } from './ExternalResultTable';
import { defaultPicks, isGridRun } from './gridFromRuns';
import { UnfinishedNote } from './UnfinishedNote';
import type { SplitCounts } from '../../eval/describeFile';
import { KeptTable } from './KeptTable';

/** A suite file's test split when it has other tasks too, else every split. */
function defaultSplit(splits: SplitCounts | null): Split | 'all' {
  if (!splits || splits.test === 0) return 'all';
  return SPLITS.some((s) => s !== 'test' && splits[s] > 0) ? 'test' : 'all';
}

/**
 * External tasks: a HumanEvalPack-style file (HumanEvalFix's fields, as in
 * ../shared/data/humanevalfix-js.dev.jsonl) or a suite file exported by the command line,
 * answered by stored runs' latest checkpoints in the trainer worker and graded in the sandbox,
 * exactly as `lab eval --policy <run> --suite <file>` does.
 */
export function ExternalTasksPanel() {
  const runs = useApp((s) => s.train.runs);
  const external = useApp((s) => s.evaluate.external);
  const done = useMemo(() => runs.filter(isGridRun), [runs]);
  // The form is kept in the store: another page and Back find it as it was. The file is the
  // last one opened that can be read (one that cannot is refused, saying why, and the one
  // before stays); a suite file's split is its test split when it has others too (a run trained
  // on the file's training split would be scored on tasks it trained on), else every split.
  const { file, split, kinds, picked, samplesText, seedText } = useApp(
    (s) => s.evaluate.externalForm,
  );
  const setForm = appStore.getState().evaluateActions.setExternalForm;
  const [refused, setRefused] = useState<string | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  // As typed: an emptied box is refused, not read as 0 (and "3" typed after it is 3, not "03");
  // an empty seed box is no seed, not seed 0.
  const samples = samplesText.trim() === '' ? NaN : Number(samplesText);
  const seed = seedText.trim() === '' ? NaN : Number(seedText);
  // At first: joint RL and the warm start when there are runs named so, else the newest run.
  const defaults = useMemo(() => {
    const named = Object.values(defaultPicks(done, ['joint-rl', 'warm-start'])).filter(
      (id): id is string => id !== null,
    );
    return named.length > 0 ? named : done.slice(0, 1).map((r) => r.id);
  }, [done]);
  const chosen = (picked ?? defaults).filter((id) => done.some((r) => r.id === id));
  const going = external.status === 'running';
  const ready = useApp((s) => s.device.status === 'ready');
  const problem = !ready
    ? 'The compute worker is starting (see the status bar); the runs answer there.'
    : !file
      ? 'Open a task file first.'
      : chosen.length === 0
        ? 'Tick at least one run.'
        : samplingProblem({ samples, seed });
  const toggle = <T,>(list: T[], item: T): T[] =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  const progress = external.progress;
  const progressRun =
    progress?.stage === 'answers' ? runs.find((r) => r.id === progress.runId) : null;
  return (
    <div className="external-tasks" data-testid="external-tasks">
      <p className="hint">
        Open a HumanEvalPack-style file (HumanEvalFix&apos;s fields: <code>task_id</code>,{' '}
        <code>prompt</code>, <code>buggy_solution</code>, <code>test</code>…) or a suite file from{' '}
        <code>npm run lab -- suite export</code>. Each record becomes tasks of several kinds; the
        ticked kinds are checked in the sandbox, then answered by each ticked run&apos;s latest
        checkpoint and graded, as{' '}
        <code>npm run lab -- eval --policy &lt;run&gt; --suite &lt;file&gt;</code> does with the
        same seed and answers per task. Making the tasks takes a few seconds a record (unit-test
        generation&apos;s the longest).
      </p>
      <FileButton
        label="open a task file"
        testId="external-file"
        accept=".jsonl,.json,application/json,text/plain"
        onFiles={([f]) => {
          if (!f) return;
          // Said at once: a large file takes seconds to read and count (in the worker).
          setReading(f.name);
          void describeTaskFile(f)
            .then(
              (described) => {
                if (described.problem !== null) setRefused(described.problem);
                else {
                  setForm({
                    file: {
                      name: f.name,
                      blob: f,
                      about: described.about,
                      splits: described.splits,
                    },
                    split: defaultSplit(described.splits),
                  });
                  setRefused(null);
                }
                // The last evaluation's error was about another file.
                appStore.getState().evaluateActions.dismissed('external');
              },
              (e: unknown) => setRefused(`Could not read ${f.name}: ${errorText(e)}`),
            )
            .finally(() => setReading(null));
        }}
      />
      {reading && (
        <p className="hint" role="status" data-testid="external-file-reading">
          Reading {reading}…
        </p>
      )}
      {file && (
        <p className="hint" data-testid="external-file-about">
          {file.about}
        </p>
      )}
      {refused && (
        <p className="error" role="alert" data-testid="external-file-problem">
          {refused}
          {file && ` Still using ${file.name}.`}
        </p>
      )}
      {file?.splits && (
        <div className="external-options">
          <label>
            split{' '}
            <select
              data-testid="external-split"
              value={split}
              onChange={(e) => setForm({ split: e.target.value as Split | 'all' })}
            >
              {(['test', 'val', 'train'] as const).map((s) => (
                <option key={s} value={s} disabled={file.splits![s] === 0}>
                  {SPLIT_LABELS[s]} ({plural(file.splits![s], 'task')})
                </option>
              ))}
              <option value="all">every split</option>
            </select>
          </label>
          {split === 'all' && SPLITS.filter((s) => file.splits![s] > 0).length > 1 && (
            <span className="hint" data-testid="external-split-note">
              {' '}
              Every split: a run trained on this file is scored on its training tasks too.
            </span>
          )}
        </div>
      )}
      <fieldset className="external-options">
        <legend>Task kinds</legend>
        {TASK_KINDS.map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              data-testid={`external-kind-${k}`}
              checked={kinds.includes(k)}
              onChange={() => setForm({ kinds: toggle(kinds, k) })}
            />{' '}
            {KIND_LABELS[k]}
          </label>
        ))}
        {kinds.length === 0 && (
          <span className="hint">(none ticked: every kind the file gives)</span>
        )}
      </fieldset>
      <fieldset className="external-options">
        <legend>Runs (their latest checkpoints answer)</legend>
        {done.length === 0 && <span className="hint">No finished runs in this browser yet.</span>}
        <UnfinishedNote runs={runs} testId="external-unfinished" />
        {done.map((r) => (
          <label key={r.id}>
            <input
              type="checkbox"
              data-testid={`external-run-${r.id}`}
              checked={chosen.includes(r.id)}
              onChange={() => setForm({ picked: toggle(chosen, r.id) })}
            />{' '}
            {r.name} <span className="hint">({plural(r.step, 'step')})</span>
          </label>
        ))}
      </fieldset>
      <div className="external-options">
        <label>
          answers per task (Avg@k){' '}
          <input
            type="number"
            min={1}
            max={MAX_EXTERNAL_SAMPLES}
            data-testid="external-samples"
            value={samplesText}
            onChange={(e) => setForm({ samplesText: e.target.value })}
          />
        </label>{' '}
        <label>
          seed{' '}
          <input
            type="number"
            data-testid="external-seed"
            value={seedText}
            onChange={(e) => setForm({ seedText: e.target.value })}
          />
        </label>{' '}
        <button
          type="button"
          data-testid="external-start"
          disabled={going || problem !== null}
          title={problem ?? 'Make the tasks, then have each ticked run answer them.'}
          onClick={() =>
            file &&
            void evaluateExternalTasks(appStore, {
              fileName: file.name,
              file: file.blob,
              runIds: chosen,
              kinds,
              ...(file.splits && split !== 'all' ? { split } : {}),
              samples,
              seed,
            })
          }
        >
          Evaluate
        </button>
        {going && (
          <button
            type="button"
            data-testid="external-cancel"
            disabled={external.cancelling}
            title="Stop at the next checked task or graded answer; the runs already scored are kept."
            onClick={() => void cancelExternalTasks(appStore)}
          >
            {external.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
      </div>
      {/* Whatever keeps Evaluate disabled is said beside it, not only in its tooltip. */}
      {problem && !going && (
        <p className="hint" role="status" data-testid="external-problem">
          {problem}
        </p>
      )}
      {going && (
        <p className="hint" role="status" data-testid="external-progress">
          {!progress
            ? 'Starting…'
            : progress.stage === 'tasks'
              ? progress.message
              : `${progressRun?.name ?? progress.runId}: ${progress.done} of ${progress.total} answers graded…`}
          {external.cancelling &&
            (progress?.stage === 'answers'
              ? ' Cancelling: it stops at the next answer; the runs already scored are kept.'
              : ' Cancelling: it stops after the record or task in hand; nothing will be kept.')}
        </p>
      )}
      {external.cancelled && (
        <p className="hint" role="status" data-testid="external-cancelled">
          <strong>Cancelled:</strong> evaluating {external.fileName}; nothing was kept.
          {external.result &&
            ` The table below is still the earlier evaluation of ${external.result.fileName}.`}
        </p>
      )}
      {external.error && (
        <p className="error" role="alert" data-testid="external-error">
          {external.error}
        </p>
      )}
      {external.result && (
        <ExternalResultTable
          result={external.result}
          earlier={
            going
              ? `Earlier evaluation, shown until that of ${external.fileName} is done:`
              : external.cancelled
                ? 'Earlier evaluation:'
                : null
          }
        />
      )}
      <KeptTable
        job="external"
        caption="Evaluations kept in this browser"
        columns={[
          {
            head: 'Tasks',
            cell: ({ result }) =>
              (result.split ? `${SPLIT_LABELS[result.split]} split: ` : '') +
              TASK_KINDS.filter((k) => result.tasks[k] !== undefined)
                .map((k) => `${result.tasks[k]} ${KIND_LABELS[k]}`)
                .join(', '),
          },
          {
            head: 'Runs',
            cell: ({ result }) => result.runs.map((r) => `${r.name} @ ${r.step}`).join(', '),
          },
          {
            head: 'Answers a task · seed',
            cell: ({ result }) => `${result.samples} · ${result.seed}`,
          },
        ]}
      />
    </div>
  );
}
