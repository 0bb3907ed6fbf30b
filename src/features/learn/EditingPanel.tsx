import { lazy, useEffect, useMemo, useRef, useState } from 'react';
import type { PlayTask } from '../../protocol/learn';
import { useApp, useLearnActions } from '../../state/hooks';
import { CodeBlock } from '../train/components/CodeBlock';
import { FileTabs } from '../train/components/FileTabs';
import { editAnswer } from '../../eval/editAnswer';
import { AnswerCheck } from './AnswerCheck';
import { focusLines, NumberedText } from './NumberedText';
import { Prompt } from './panels';

const CodeEditor = lazy(() =>
  import('../../components/monaco/CodeViews').then((m) => ({ default: m.CodeEditor })),
);

/**
 * Fix the code: the person edits the task's files (in the editor or as numbered text); the
 * edits are written as an answer in the answer language (token edits, or line edits where
 * needed), which AnswerCheck grades.
 */
export function EditingPanel({ task }: { task: PlayTask }) {
  const text = useApp((s) => s.learn.answers[task.id]);
  const edited = useApp((s) => s.learn.edited[task.id]);
  const { setAnswer, setEdited, resetEdits } = useLearnActions();
  const paths = task.space.files;
  const [picked, setPicked] = useState(0);
  // A reset starts the editor again from the task's files, and edits another tab saved, taken
  // in, from those: otherwise it would show old code, and its next keystroke would write that
  // old code back over the other tab's edits.
  const [round, setRound] = useState(0);
  const takenIn = useApp((s) => s.learn.editsTakenIn);
  const path = paths[Math.min(picked, paths.length - 1)] ?? '';
  const current = edited?.[path] ?? task.files[path] ?? '';
  const made = useMemo(() => editAnswer(task, edited ?? {}), [task, edited]);
  const change = (value: string) => {
    setEdited(task.id, path, value);
    const answer = editAnswer(task, { ...edited, [path]: value });
    setAnswer(task.id, answer.ok ? answer.text : '');
  };
  // Undo disables itself: the keyboard's place moves into the code started again.
  const code = useRef<HTMLDivElement>(null);
  const undone = useRef(false);
  useEffect(() => {
    if (!undone.current) return;
    undone.current = false;
    code.current?.querySelector<HTMLElement>('textarea')?.focus();
  }, [round]);
  const focus = task.focus;
  const highlight =
    focus?.file === path && focus.startLine !== undefined
      ? { start: focus.startLine, end: focus.endLine ?? focus.startLine }
      : undefined;
  return (
    <>
      <Prompt task={task} />
      <p className="hint" data-testid="learn-edit-hint">
        Edit the code below.{' '}
        {focus?.startLine !== undefined &&
          `The task points to ${focusLines(focus.startLine, focus.endLine)} of ${focus.file}, marked in the code. `}
        At most {task.space.maxEdits} edits; spacing and comments do not count.
      </p>
      <FileTabs
        files={paths.map((p) => ({ path: p }))}
        picked={Math.min(picked, paths.length - 1)}
        onPick={setPicked}
        label="Files you may edit"
      />
      <div ref={code}>
        <CodeBlock
          editor={
            <CodeEditor
              key={`${path}:${round}:${takenIn}`}
              initial={current}
              path={path}
              onChange={change}
              label={`Edit ${path}`}
              testId="learn-editor"
              {...(highlight ? { highlight } : {})}
            />
          }
          text={
            <NumberedText
              key={`${path}:${round}:${takenIn}`}
              label={`Edit ${path}`}
              testId="learn-editor-text"
              value={current}
              onChange={change}
              {...(highlight ? { mark: highlight } : {})}
            />
          }
        />
      </div>
      {made.ok && made.warning && (
        <p className="hint" role="status" data-testid="learn-edit-warning">
          {made.warning}
        </p>
      )}
      <p className="learn-actions">
        <button
          type="button"
          className="link-button"
          data-testid="learn-edit-reset"
          disabled={edited === undefined}
          onClick={() => {
            undone.current = true;
            resetEdits(task.id);
            setRound((r) => r + 1);
          }}
        >
          Undo all my changes
        </button>
      </p>
      <AnswerCheck
        task={task}
        text={text}
        problem={made.ok ? null : made.reason}
        {...(made.ok || made.empty
          ? {}
          : { empty: '(none: your changes cannot be written as an answer, see below)' })}
        testId="learn-editing"
      />
    </>
  );
}
