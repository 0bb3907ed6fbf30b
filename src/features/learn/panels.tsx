/**
 * What a person does for each skill: pick files, edit code, write tests, judge patches. Each
 * panel turns that into answer text in the answer language (the same a policy decodes), which
 * AnswerCheck grades with the policy's verifier.
 */
import { useId, useMemo, useRef } from 'react';
import { renderAnswer } from '../../core/answers/text';
import type { BugTasks, PlayTask } from '../../protocol/learn';
import { useApp, useLearnActions } from '../../state/hooks';
import { EMPTY_TEST_FORM } from '../../state/learnSlice';
import { CodeBlock, PatchFiles } from '../train/components/CodeBlock';
import { useFilesReader } from './filesReader';
import { chosenFiles, TaskFiles } from '../train/components/TaskFilesPanel';
import { AnswerCheck } from './AnswerCheck';
import { plural } from '../../protocol/plural';
import { answerFor, COMPOSITE_PARTS, STEPS, stepTasks, type StepKey } from './steps';
import { IssueText } from './IssueText';
import { argumentsText, testFormProblem, testLine, typedTestsProblem } from './testForm';
import { optionalArgs } from '../../core/js/functions';

/** The longest answer typed or pasted here (a task's tests take a few hundred characters). */
const MAX_ANSWER_CHARS = 20_000;

export function Prompt({ task }: { task: PlayTask }) {
  return (
    <div className="episode-prompt" data-testid="learn-prompt">
      <h3>{task.prompt.title}</h3>
      <IssueText text={task.prompt.body} />
    </div>
  );
}

export function LocalizationPanel({ task }: { task: PlayTask }) {
  const text = useApp((s) => s.learn.answers[task.id]);
  const { setAnswer } = useLearnActions();
  const read = useFilesReader(task);
  const chosen = chosenFiles(text ?? '');
  const toggle = (path: string) => {
    const files = chosen.includes(path) ? chosen.filter((f) => f !== path) : [...chosen, path];
    setAnswer(task.id, files.length ? renderAnswer({ kind: 'files', files }) : '');
  };
  return (
    <>
      <Prompt task={task} />
      <fieldset className="learn-files" data-testid="learn-file-picks">
        <legend>Which files must the fix change?</legend>
        {task.space.files.map((path) => (
          <label key={path} className="radio">
            <input type="checkbox" checked={chosen.includes(path)} onChange={() => toggle(path)} />{' '}
            <code>{path}</code>
          </label>
        ))}
      </fieldset>
      <h3>The repository</h3>
      <TaskFiles read={read} chosen={chosen} />
      <AnswerCheck task={task} text={text} testId="learn-localization" />
    </>
  );
}

export function TestsPanel({ task }: { task: PlayTask }) {
  const text = useApp((s) => s.learn.answers[task.id]);
  const { setAnswer, setTestForm } = useLearnActions();
  const read = useFilesReader(task);
  // The test being written waits in the store while the person looks at another step.
  const form = useApp((s) => s.learn.testForms[task.id]) ?? EMPTY_TEST_FORM;
  const { fn: fnIndex, args, expect } = form;
  const setFnIndex = (fn: number) => setTestForm(task.id, { fn });
  const setArgs = (value: string) => setTestForm(task.id, { args: value });
  const setExpect = (value: string) => setTestForm(task.id, { expect: value });
  const fnLabelId = useId();
  const answerBox = useRef<HTMLTextAreaElement>(null);
  const fn = task.space.functions[fnIndex];
  const key = task.kind;
  const optional = useMemo(() => optionalArgs(task.files), [task.files]);
  const problem = testFormProblem(
    task.space,
    fn,
    args,
    expect,
    text,
    fn && optional(fn.module, fn.fn),
  );
  return (
    <>
      <Prompt task={task} />
      <form
        className="learn-test-form"
        data-testid={`learn-${key}-form`}
        onSubmit={(e) => {
          e.preventDefault();
          if (!fn || problem) return;
          const line = testLine(fn, args, expect);
          const next = text?.trim() ? `${text.trimEnd()}\n${line}` : line;
          setAnswer(task.id, next);
          // Full, the button disables itself: the keyboard's place moves to the answer.
          if (next.split('\n').filter((l) => l.trim()).length >= task.space.maxCases)
            answerBox.current?.focus();
        }}
      >
        <label className="field">
          <span id={fnLabelId}>Function</span>
          <select
            aria-labelledby={fnLabelId}
            value={fnIndex}
            onChange={(e) => setFnIndex(Number(e.target.value))}
          >
            {task.space.functions.map((f, i) => (
              <option key={`${f.module}:${f.fn}`} value={i}>
                {f.fn} ({f.module}, {argumentsText(f.arity, optional(f.module, f.fn))})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Arguments (literals, comma-separated)
          <input
            value={args}
            onChange={(e) => setArgs(e.target.value)}
            placeholder="1, 'a', [2, 3]"
            data-testid={`learn-${key}-args`}
          />
        </label>
        <label className="field">
          EXPECT {task.space.expectRequired ? '(required)' : '(optional)'}
          <input
            value={expect}
            onChange={(e) => setExpect(e.target.value)}
            data-testid={`learn-${key}-expect`}
          />
        </label>
        <button
          type="submit"
          disabled={problem !== null}
          aria-describedby={problem ? `learn-${key}-add-problem` : undefined}
          data-testid={`learn-${key}-add`}
        >
          Add the test
        </button>
        {problem && (
          <span
            className="hint"
            role="status"
            id={`learn-${key}-add-problem`}
            data-testid={`learn-${key}-add-problem`}
          >
            {problem}
          </span>
        )}
      </form>
      <label className="field learn-answer-text">
        The answer (edit it freely: one TEST line each, at most {task.space.maxCases})
        <textarea
          value={text ?? ''}
          rows={Math.max(3, (text ?? '').split('\n').length + 1)}
          spellCheck={false}
          ref={answerBox}
          data-testid={`learn-${key}-text`}
          maxLength={MAX_ANSWER_CHARS}
          onChange={(e) => setAnswer(task.id, e.target.value)}
        />
      </label>
      {(text ?? '').length >= MAX_ANSWER_CHARS && (
        <p className="hint" role="status" data-testid={`learn-${key}-too-long`}>
          The answer is cut at {MAX_ANSWER_CHARS.toLocaleString('en')} characters (a task takes at
          most {plural(task.space.maxCases, 'test')}): a line cut short may no longer read.
        </p>
      )}
      {task.space.literals.length > 0 && (
        <p className="hint">
          Values the task offers (a policy may only copy these; you may write any literal):{' '}
          {task.space.literals.slice(0, 24).map((l, i) => (
            <code key={i} className="learn-literal">
              {l}
            </code>
          ))}
          {task.space.literals.length > 24 ? ' …' : ''}
        </p>
      )}
      <h3>The repository</h3>
      <TaskFiles read={read} chosen={[]} />
      <AnswerCheck
        task={task}
        text={text}
        problem={typedTestsProblem(task.space, text)}
        testId={`learn-${key}`}
      />
    </>
  );
}

function ReviewOne({ task, label }: { task: PlayTask; label: string }) {
  const text = useApp((s) => s.learn.answers[task.id]);
  const { setAnswer } = useLearnActions();
  const read = useFilesReader(task);
  const testId = `learn-review-${label}`;
  return (
    <section className="learn-review" data-testid={`${testId}-section`}>
      <h3>Candidate patch {label}</h3>
      <CodeBlock
        editor={<PatchFiles patch={task.patch ?? ''} readFiles={read} testId={`${testId}-files`} />}
        text={<pre className="episode-code">{task.patch}</pre>}
      />
      <p
        className="segmented question"
        role="group"
        aria-label={`Does patch ${label} fix the issue?`}
      >
        Does it make every hidden test pass?{' '}
        {(['YES', 'NO'] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={text === `VERDICT ${v}`}
            className={text === `VERDICT ${v}` ? 'active' : undefined}
            data-testid={`${testId}-${v.toLowerCase()}`}
            onClick={() => setAnswer(task.id, `VERDICT ${v}`)}
          >
            {v}
          </button>
        ))}
      </p>
      <AnswerCheck task={task} text={text} testId={testId} of={`patch ${label}`} />
    </section>
  );
}

export function ReviewPanel({
  tasks,
  issueTitle,
}: {
  tasks: readonly PlayTask[];
  /** The bug's issue title as the other steps show it. */
  issueTitle: string;
}) {
  const first = tasks[0];
  if (!first) return null;
  return (
    <>
      <Prompt task={first} />
      {first.prompt.title !== issueTitle && (
        <p className="hint" data-testid="learn-review-same-bug">
          The same bug, its issue written from another call that shows it (the other steps read “
          {issueTitle}”).
        </p>
      )}
      {tasks.map((t, i) => (
        <ReviewOne key={t.id} task={t} label={String.fromCharCode(65 + i)} />
      ))}
    </>
  );
}

/** A composite: the person's answers to its parts, joined into one episode's answer. */
export function CompositePanel({ bug, step }: { bug: BugTasks; step: StepKey }) {
  const parts = COMPOSITE_PARTS[step] ?? [];
  const answers = useApp((s) => s.learn.answers);
  const [task] = stepTasks(bug, step);
  if (!task) return null;
  const partText = (p: StepKey) => {
    const [t] = stepTasks(bug, p);
    return t ? answers[t.id]?.trim() : undefined;
  };
  const { text: joined, missing } = answerFor(bug, step, task.id, answers);
  return (
    <>
      <Prompt task={task} />
      <ol className="learn-parts" data-testid="learn-composite-parts">
        {parts.map((p) => (
          <li key={p}>
            {STEPS[p].title} ({STEPS[p].skill}):{' '}
            {partText(p) ? <code>{partText(p)}</code> : <em>not answered yet</em>}
          </li>
        ))}
      </ol>
      <AnswerCheck
        task={task}
        text={joined}
        problem={
          missing.length
            ? `Answer ${missing.map((p) => `“${STEPS[p].title}”`).join(' and ')} first: this task is made of them.`
            : null
        }
        testId={`learn-${step}`}
      />
    </>
  );
}
