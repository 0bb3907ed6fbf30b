import { errorText } from '../../protocol/errorText';
import { useEffect, useMemo, useRef, useState } from 'react';
import { checkAnswer, revealGold } from '../../bridge/learn';
import type { PlayTask } from '../../protocol/learn';
import { appStore } from '../../state/appStore';
import { useApp } from '../../state/hooks';
import { GradingFacts, SandboxRuns } from '../train/components/Grading';
import { Patch } from '../train/components/PatchView';
import { proposedEdits, proposedPatch } from '../train/components/proposedPatch';
import { useFilesReader } from './filesReader';
import { PolicyAnswers } from './PolicyAnswers';
import { readAnswer, taskState } from './steps';

/**
 * An answer to one task, as text in the answer language: what is wrong with it, or a button
 * that grades it with the policy's verifier in the sandbox; then its reward and why. A person
 * may also ask for the gold answer.
 */
export function AnswerCheck({
  task,
  text,
  problem,
  empty = '(none yet)',
  testId,
  of,
}: {
  task: PlayTask;
  /** The answer text to check (undefined: none yet). */
  text: string | undefined;
  /** Why the answer cannot be checked yet, when the page knows better than the parser. */
  problem?: string | null;
  /** What "Your answer" says when there is no text: "(none yet)" unless the page knows why. */
  empty?: string;
  testId: string;
  /** What the answer is to, when a step holds several (`patch A`): its buttons say so. */
  of?: string;
}) {
  const check = useApp((s) => s.learn.checks[task.id]);
  const gold = useApp((s) => s.learn.gold[task.id]);
  const [goldError, setGoldError] = useState<string | null>(null);
  const parsed = readAnswer(text);
  const reason = problem ?? (parsed.ok ? null : parsed.reason);
  const state = taskState(check, text);
  const canCheck = parsed.ok && reason === null && state.kind !== 'checking';
  const readFiles = useFilesReader(task);
  // The button disables itself once the gold answer shows: the keyboard's place moves to it.
  const goldHeading = useRef<HTMLHeadingElement>(null);
  const askedGold = useRef(false);
  useEffect(() => {
    if (gold === undefined || !askedGold.current) return;
    askedGold.current = false;
    goldHeading.current?.focus();
  }, [gold]);
  const forWhat = of ? <span className="sr-only"> for {of}</span> : null;
  // An edit's gold answer names tokens by index (`@47`): applied to the task's files here, it
  // reads as the change it makes (nothing runs).
  const goldPatch = useMemo(() => {
    if (gold === undefined) return null;
    const edits = proposedEdits(gold);
    if (edits.length === 0) return null;
    const made = proposedPatch(task.files, edits);
    return 'patch' in made && made.patch !== '' ? made.patch : null;
  }, [gold, task.files]);
  return (
    <div className="learn-check" data-testid={testId}>
      <h3>Your answer</h3>
      <pre className="episode-answer" data-testid={`${testId}-answer`}>
        {text?.trim() ? text : empty}
      </pre>
      {reason && (
        <p className="hint" role="status" data-testid={`${testId}-problem`}>
          {reason}
        </p>
      )}
      <p className="learn-actions">
        <button
          type="button"
          disabled={!canCheck}
          data-testid={`${testId}-check`}
          onClick={() => {
            if (parsed.ok && text !== undefined)
              void checkAnswer(appStore, task.id, text, parsed.answer);
          }}
        >
          {state.kind === 'checking' ? 'Checking in the sandbox…' : 'Check my answer'}
          {forWhat}
        </button>
        <button
          type="button"
          className="link-button"
          data-testid={`${testId}-show-gold`}
          disabled={gold !== undefined}
          onClick={() => {
            setGoldError(null);
            askedGold.current = true;
            revealGold(appStore, task.id).catch((e: unknown) =>
              setGoldError(`Could not read the gold answer: ${errorText(e)}`),
            );
          }}
        >
          Show the gold answer
          {forWhat}
        </button>
      </p>
      {goldError && (
        <p className="error" role="alert">
          {goldError}
        </p>
      )}
      {/* Present before the sandbox answers, so a screen reader announces the reward when it does. */}
      <p className="sr-only" role="status" data-testid={`${testId}-announce`}>
        {state.kind === 'checking'
          ? 'Checking in the sandbox…'
          : check?.status === 'done' && check.answerText === text
            ? `Reward ${check.verdict.reward}${check.verdict.valid ? '' : ' (invalid answer)'}.`
            : ''}
      </p>
      {gold !== undefined && (
        <>
          <h3 ref={goldHeading} tabIndex={-1}>
            The gold answer
          </h3>
          <pre className="episode-answer" data-testid={`${testId}-gold`}>
            {gold}
          </pre>
          {goldPatch && (
            <>
              <h3>What the gold answer changes</h3>
              <Patch
                patch={goldPatch}
                readFiles={readFiles}
                testId={`${testId}-gold-patch-files`}
                textTestId={`${testId}-gold-patch`}
              />
            </>
          )}
        </>
      )}
      {check?.status === 'error' && check.answerText === text && (
        <p className="error" role="alert" data-testid={`${testId}-error`}>
          {check.error}
        </p>
      )}
      {check?.status === 'done' && (
        <div className="learn-verdict" data-testid={`${testId}-verdict`}>
          <p data-testid={`${testId}-reward`}>
            Reward <strong>{check.verdict.reward}</strong>
            {check.verdict.valid ? '' : ' (invalid answer)'}
            {state.kind === 'stale' && (
              <span className="hint">
                {' '}
                · for the answer as it was when checked
                {canCheck ? ': check again' : ''}
              </span>
            )}
          </p>
          <GradingFacts
            facts={check.verdict.facts}
            secondary={check.verdict.secondary}
            runs={check.verdict.runs}
            testId={testId}
          />
          {check.verdict.rendering?.patch && (
            <>
              <h3>What your edits changed</h3>
              <Patch
                patch={check.verdict.rendering.patch}
                readFiles={readFiles}
                testId={`${testId}-patch-files`}
                textTestId={`${testId}-patch`}
              />
            </>
          )}
          {check.verdict.rendering?.tests && (
            <>
              <h3>The test file your answer became</h3>
              <pre className="episode-code" data-testid={`${testId}-tests`}>
                {check.verdict.rendering.tests}
              </pre>
            </>
          )}
          <SandboxRuns runs={check.verdict.runs} testId={testId} />
        </div>
      )}
      <PolicyAnswers taskId={task.id} testId={testId} />
    </div>
  );
}
