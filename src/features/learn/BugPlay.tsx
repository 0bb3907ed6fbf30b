import { useCallback, useEffect, useRef } from 'react';
import { readBug, recheckSaved } from '../../bridge/learn';
import { appStore } from '../../state/appStore';
import { onTabListKey } from '../../components/tabKeys';
import { useRead } from '../../components/useRead';
import type { BugTasks } from '../../protocol/learn';
import { useApp } from '../../state/hooks';
import { CodeViewSwitch } from '../train/components/CodeBlock';
import { CompositePanel, LocalizationPanel, ReviewPanel, TestsPanel } from './panels';
import { EditingPanel } from './EditingPanel';
import { answerFor, STEP_KEYS, STEPS, stepTasks, stepWord, taskState, type StepKey } from './steps';

type Read = { ok: true; bug: BugTasks } | { ok: false; reason: string };
const failed = (reason: string): Read => ({ ok: false, reason });

/** Each step's state in a word, from the person's answers and checks. */
function useStepWords(bug: BugTasks): Record<StepKey, string> {
  const answers = useApp((s) => s.learn.answers);
  const checks = useApp((s) => s.learn.checks);
  const words = {} as Record<StepKey, string>;
  for (const key of STEP_KEYS) {
    const tasks = stepTasks(bug, key);
    words[key] = stepWord(
      tasks.map((t) => taskState(checks[t.id], answerFor(bug, key, t.id, answers).text)),
    );
  }
  return words;
}

function StepButton({
  step,
  word,
  active,
  onPick,
}: {
  step: StepKey;
  word: string;
  active: boolean;
  onPick: (s: StepKey) => void;
}) {
  const info = STEPS[step];
  return (
    <button
      type="button"
      role="tab"
      id={`learn-step-${step}-tab`}
      aria-selected={active}
      aria-controls={active ? 'learn-step-panel' : undefined}
      // One tab stop for the map: the picked step; arrows move between steps.
      tabIndex={active ? 0 : -1}
      className={active ? 'learn-step active' : 'learn-step'}
      data-testid={`learn-step-${step}`}
      onClick={() => onPick(step)}
    >
      <span className="learn-step-title">{info.title}</span>
      <span className="learn-step-skill">{info.skill}</span>
      <span className="learn-step-word" data-testid={`learn-step-${step}-state`}>
        {word}
      </span>
    </button>
  );
}

/** An arrow of the map's equations; in a narrow window it turns down (the steps stack). */
const Arrow = ({ children }: { children: string }) => (
  <span className="learn-arrow" aria-hidden="true">
    {children}
  </span>
);

/** How the bug decomposes, then the chosen step to play. */
function Play({
  bug,
  step,
  onStep,
}: {
  bug: BugTasks;
  step: StepKey;
  onStep: (s: StepKey, replace: boolean) => void;
}) {
  const words = useStepWords(bug);
  // Arrow keys pick a step at each press: the first move of a run is one history entry and the
  // moves right after it replace it, so one Back returns to where the person was. A click, or
  // focus leaving the map, ends the run.
  const arrowing = useRef(false);
  const arrowRun = useRef(false);
  const pick = (s: StepKey) => {
    const replace = arrowing.current && arrowRun.current;
    arrowRun.current = arrowing.current;
    onStep(s, replace);
  };
  // Answers checked before a reload are checked again in the sandbox: the map shows their scores.
  useEffect(() => {
    let off = false;
    const ids = [...new Set(STEP_KEYS.flatMap((k) => stepTasks(bug, k).map((t) => t.id)))];
    void recheckSaved(appStore, ids, () => off);
    return () => {
      off = true;
    };
  }, [bug]);
  const info = STEPS[step];
  const tasks = stepTasks(bug, step);
  const button = (s: StepKey) => (
    <StepButton key={s} step={s} word={words[s]} active={s === step} onPick={pick} />
  );
  return (
    <>
      <div
        className="learn-map"
        role="tablist"
        aria-label="The bug's skills and composite tasks"
        onKeyDown={(e) => {
          arrowing.current = true;
          onTabListKey(e);
          arrowing.current = false;
        }}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget)) arrowRun.current = false;
        }}
      >
        <div className="learn-row">
          <span className="learn-row-label">Bug fixing =</span>
          <div className="learn-eq" data-testid="learn-eq-bugfix">
            {button('localization')}
            <Arrow>→</Arrow>
            {button('editing')}
            <Arrow>⇒</Arrow>
            {button('bugfix')}
          </div>
        </div>
        <div className="learn-row">
          <span className="learn-row-label">Test-driven fixing =</span>
          <div className="learn-eq">
            {button('reproduction')}
            <Arrow>→</Arrow>
            <span className="learn-step-ref">Fix the code</span>
            <Arrow>⇒</Arrow>
            {button('tdd-fix')}
          </div>
        </div>
        <div className="learn-row">
          <span className="learn-row-label">Also on this bug:</span>
          <div className="learn-eq learn-eq-also">
            {button('review')}
            {button('testgen')}
          </div>
        </div>
      </div>
      <section
        className="learn-panel"
        role="tabpanel"
        id="learn-step-panel"
        aria-labelledby={`learn-step-${step}-tab`}
        data-testid={`learn-panel-${step}`}
      >
        <h2>
          {info.title} <span className="badge">{info.skill}</span>
        </h2>
        <p className="lead">{info.how}</p>
        {tasks.length === 0 ? (
          <p className="hint" data-testid="learn-none">
            This bug has no {info.skill} task (the generator could not make one for it): pick
            another step or another bug.
          </p>
        ) : step === 'localization' ? (
          <LocalizationPanel key={tasks[0]!.id} task={tasks[0]!} />
        ) : step === 'editing' ? (
          <EditingPanel key={tasks[0]!.id} task={tasks[0]!} />
        ) : step === 'reproduction' || step === 'testgen' ? (
          <TestsPanel key={tasks[0]!.id} task={tasks[0]!} />
        ) : step === 'review' ? (
          <ReviewPanel tasks={tasks} issueTitle={bug.bug.title} />
        ) : (
          <CompositePanel bug={bug} step={step} />
        )}
      </section>
    </>
  );
}

/** One bug, read from the worker, decomposed and played step by step. */
export function BugPlay({
  bugId,
  step,
  onStep,
}: {
  bugId: string;
  step: StepKey;
  onStep: (s: StepKey, replace: boolean) => void;
}) {
  const read = useCallback(() => readBug(bugId).then((bug): Read => ({ ok: true, bug })), [bugId]);
  const got = useRead(read, failed, 'the bug');
  if (got === undefined) return <p className="hint">Reading the bug…</p>;
  if (!got.ok)
    return (
      <p className="error" role="alert" data-testid="learn-bug-error">
        {got.reason}
      </p>
    );
  const { bug } = got;
  return (
    <div data-testid="learn-bug" data-bug={bug.bug.id}>
      {/* In full: the picker's native select cuts a long title short on a narrow window. */}
      <p className="learn-bug-title" data-testid="learn-bug-title">
        {bug.bug.title}
      </p>
      <p className="hint trace-place">
        <span>
          <code>{bug.bug.id}</code> · project {bug.bug.project} · {bug.bug.split} split
        </span>
        <CodeViewSwitch />
      </p>
      <Play bug={bug} step={step} onStep={onStep} />
    </div>
  );
}
