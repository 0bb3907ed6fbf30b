import { useMemo } from 'react';
import type { Edit } from '../../../core/answers/types';
import { COMPOSITE_KINDS, KIND_LABELS, type TaskKind } from '../../../core/tasks/types';
import {
  batchName,
  type EpisodeRecord,
  type ObservationView,
  type TaskFilesView,
} from '../../../protocol/episodes';
import { CodeBlock, CodeViewSwitch, CodeFile } from './CodeBlock';
import { Patch } from './PatchView';
import { ObservationPanel } from './ObservationPanel';
import { chosenFiles, TaskFilesPanel } from './TaskFilesPanel';
import { plural } from '../../../protocol/plural';
import { advantageNote, formatPercent, formatValue, updateNote } from './format';
import type { UpdateRule } from '../../../protocol/advantage';
import { GradingFacts, SandboxRuns } from './Grading';
import { proposedEdits, proposedPatch } from './proposedPatch';
import { useTaskFiles } from './useTaskFiles';
import { TableScroll } from '../../../components/TableScroll';

/** The kinds whose answers edit the task's files: code editing and every composite task. */
const EDITING_KINDS: ReadonlySet<TaskKind> = new Set<TaskKind>(['editing', ...COMPOSITE_KINDS]);

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** ` = how`, when a training answer's advantage is one of GRPO's forms (else nothing). */
const advantageOf = (e: EpisodeRecord): string => {
  const note = advantageNote(e.reward, e.groupRewards, e.advantage);
  return note ? ` = ${note}` : '';
};

/** Where an episode came from: its step and group, or its evaluation and task. */
const place = (e: EpisodeRecord): string =>
  e.source === 'train'
    ? `Step ${e.step}, group ${e.groupIndex + 1}`
    : `${batchName(e)}, task ${e.groupIndex + 1}`;

/**
 * What an answer's edits would have changed, for edits the grader did not apply: worked out
 * again from the answer's text and the task's files (nothing runs; the edits are only applied).
 */
function ProposedPatch({
  edits,
  readFiles,
}: {
  edits: readonly Edit[];
  readFiles: () => Promise<TaskFilesView>;
}) {
  const view = useTaskFiles(readFiles);
  const made = useMemo(() => (view?.ok ? proposedPatch(view.files, edits) : null), [view, edits]);
  return (
    <div data-testid="episode-proposed">
      <h4>What the edits would have changed</h4>
      {view === undefined ? (
        <p className="hint">Reading the task&apos;s files…</p>
      ) : !view.ok ? (
        <p className="hint">The task&apos;s files are not at hand. {view.reason}</p>
      ) : made && 'error' in made ? (
        <p className="hint" data-testid="episode-proposed-error">
          They do not apply to the task&apos;s files: {made.error}
        </p>
      ) : made?.patch === '' ? (
        <p className="hint">They change nothing in the task&apos;s files.</p>
      ) : (
        made && (
          <>
            <p className="hint">
              Applied here to the task&apos;s files for you to read; the grader did not apply them,
              and no test ran on them.
            </p>
            <Patch
              patch={made.patch}
              readFiles={readFiles}
              testId="episode-proposed-files"
              textTestId="episode-proposed-patch"
            />
          </>
        )
      )}
    </div>
  );
}

/**
 * One stored episode, whole: why it got its reward (the verifier's facts and sandbox runs), the
 * answer (with the patch or test file it became), and every decoded token with its probability, the entropy of the step and the
 * alternatives the policy weighed.
 */
export function EpisodeTrace({
  episode,
  observe,
  readFiles,
  rule,
}: {
  episode: EpisodeRecord;
  /** What of its run's config decided which training answers entered an update (absent: not said). */
  rule?: UpdateRule | null;
  /** Rebuilds what the policy saw of the task (absent: not offered). */
  observe?: () => Promise<ObservationView>;
  /** Reads the task's files, for patches shown whole (absent: their hunks alone). */
  readFiles?: () => Promise<TaskFilesView>;
}) {
  const e = episode;
  // A training answer is one of a GRPO group; an evaluation answer one of a task's Avg@k.
  const training = e.source === 'train';
  const n = e.groupRewards.length;
  const update = training && rule ? updateNote(e, rule) : null;
  // Edits the grader did not apply, to work out again against the task's files.
  const unapplied = readFiles !== undefined && e.valid && !e.rendering?.patch;
  const proposed = useMemo(
    () => (unapplied && EDITING_KINDS.has(e.kind) ? proposedEdits(e.answerText) : []),
    [unapplied, e.kind, e.answerText],
  );
  return (
    <div className="episode-trace" data-testid="episode-trace">
      <h3 tabIndex={-1} data-testid="episode-trace-heading">
        {KIND_LABELS[e.kind]} · <code>{e.taskId}</code>
      </h3>
      <p className="hint trace-place">
        <span>
          {place(e)}, answer {e.sampleIndex + 1} of {n} · {e.split} split · seed {e.seed}
        </span>
        {(e.prompt?.patch !== undefined ||
          e.rendering?.patch ||
          e.rendering?.tests ||
          proposed.length > 0) && <CodeViewSwitch />}
      </p>
      <p data-testid="episode-reward">
        Reward <strong>{e.reward}</strong>
        {e.valid ? '' : ' (invalid answer)'} ·{' '}
        {training
          ? `advantage ${formatValue(e.advantage, 3)}${advantageOf(e)} · group rewards`
          : `the task's score (Avg@${n}) ${formatValue(mean(e.groupRewards), 3)} from rewards`}{' '}
        [{e.groupRewards.join(', ')}]
      </p>
      {update && (
        <p className="hint" data-testid="episode-update">
          {update}
        </p>
      )}
      {e.prompt && (
        <div className="episode-prompt" data-testid="episode-prompt">
          <h4>Task: {e.prompt.title}</h4>
          <pre className="episode-prompt-body">{e.prompt.body}</pre>
          {e.prompt.patch !== undefined && (
            <>
              <h4>The patch under review</h4>
              <Patch
                patch={e.prompt.patch}
                readFiles={readFiles}
                testId="episode-review-files"
                textTestId="episode-review-patch"
              />
            </>
          )}
        </div>
      )}
      <GradingFacts facts={e.facts} secondary={e.secondary} runs={e.runs} byPolicy />
      <h4>Answer</h4>
      {e.truncated && (
        <p className="hint" data-testid="episode-truncated">
          Cut short: the decoder stopped at its limit of {plural(e.actions.length, 'token')} before
          the answer was complete. The answer keeps the steps it finished; the last decoded tokens
          below may begin a step that is not in it.
        </p>
      )}
      <pre className="episode-answer" data-testid="episode-answer">
        {e.answerText}
      </pre>
      {e.rendering?.patch ? (
        <>
          <h4>The edits as a patch</h4>
          <Patch
            patch={e.rendering.patch}
            readFiles={readFiles}
            testId="episode-patch-files"
            textTestId="episode-patch"
          />
        </>
      ) : (
        EDITING_KINDS.has(e.kind) && (
          <>
            <p className="hint" data-testid="episode-no-patch">
              No patch to show: {e.valid ? 'these edits were' : 'this answer was'} not applied to
              the task&apos;s files (the grading above says why), so the code is as the task gave
              it.
            </p>
            {proposed.length > 0 && readFiles && (
              <ProposedPatch edits={proposed} readFiles={readFiles} />
            )}
          </>
        )
      )}
      {e.rendering?.tests && (
        <>
          <h4>The test file it became</h4>
          <CodeBlock
            editor={
              <CodeFile
                text={e.rendering.tests}
                path="answer.test.js"
                testId="episode-tests-file"
              />
            }
            text={
              <pre className="episode-code" data-testid="episode-tests">
                {e.rendering.tests}
              </pre>
            }
          />
        </>
      )}
      {readFiles && <TaskFilesPanel read={readFiles} chosen={chosenFiles(e.answerText)} />}
      {observe && <ObservationPanel read={observe} actionLabels={e.actionLabels} />}
      <h4>Decoded tokens</h4>
      <p className="hint" data-testid="episode-tokens-about">
        The decoder&apos;s steps, in order: the token it sampled, the probability the policy gave it
        and its log (natural), and the entropy of the step&apos;s distribution in nats. A pointer
        reads <code>@position:token</code>, a position in the observation the policy read (the
        Observation panel); an answer&apos;s <code>EDIT file @n</code> counts that file&apos;s own
        tokens instead, from <code>@0</code>.
      </p>
      <TableScroll>
        <table className="table episode-tokens" data-testid="episode-tokens">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">token</th>
              <th scope="col" title="Probability the policy gave the token it sampled">
                p
              </th>
              <th scope="col" title="Natural log of p: what the GRPO loss uses">
                log p
              </th>
              <th scope="col" title="Entropy of the step's distribution (nats)">
                entropy (nats)
              </th>
              <th scope="col">most likely</th>
            </tr>
          </thead>
          <tbody>
            {e.actionLabels.map((label, i) => (
              <tr key={i} data-testid="episode-token">
                <td className="num">{i + 1}</td>
                <td>
                  <code>{label}</code>
                </td>
                <td className="num">{formatPercent(Math.exp(e.logProbs[i] ?? Number.NaN))}</td>
                <td className="num">{formatValue(e.logProbs[i], 2)}</td>
                <td className="num">{formatValue(e.entropies[i], 2)}</td>
                <td>
                  {(e.top[i] ?? []).map((t, j) => (
                    <span key={j} className="episode-alt">
                      <code>{t.label}</code> {formatPercent(t.prob)}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <SandboxRuns runs={e.runs} byPolicy />
    </div>
  );
}
