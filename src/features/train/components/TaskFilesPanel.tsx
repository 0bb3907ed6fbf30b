import { useState } from 'react';
import { parseAnswer } from '../../../core/answers/text';
import type { Answer } from '../../../core/answers/types';
import type { GradingTest, TaskFilesView } from '../../../protocol/episodes';
import { CodeBlock, CodeFile } from './CodeBlock';
import { FileTabs } from './FileTabs';
import { NumberedCode } from './NumberedCode';
import { useTaskFiles } from './useTaskFiles';
import { plural } from '../../../protocol/plural';

type Files = Extract<TaskFilesView, { ok: true }>;

const AS_SAID: Record<GradingTest['as'], (one: boolean) => string> = {
  shown: (one) => (one ? 'shown here as it is' : 'shown here as they are'),
  replaced: (one) =>
    one ? 'another version than the one shown' : 'other versions than the ones shown',
  hidden: () => 'not shown',
};

/**
 * Which test files grade an answer, said against the files shown (a task whose tests grade its
 * answers in the open says so; one whose grading adds or replaces files says which), or nothing
 * when none do (a unit-test task is graded by hidden mutants) or the view does not say.
 */
export function gradersNote(graders: readonly GradingTest[] | undefined): string {
  if (!graders?.length) return '';
  const parts = (['shown', 'replaced', 'hidden'] as const).flatMap((as) => {
    const paths = graders.filter((g) => g.as === as).map((g) => g.path);
    return paths.length ? [`${paths.join(', ')} (${AS_SAID[as](paths.length === 1)})`] : [];
  });
  return ` The tests that grade an answer, run in the sandbox on its code: ${parts.join('; ')}.`;
}

/** The files in reading order: the one the task is about first, then by path. */
export function orderedFiles(view: Files): string[] {
  const paths = Object.keys(view.files).sort();
  const focus = view.focus?.file;
  return focus && paths.includes(focus) ? [focus, ...paths.filter((p) => p !== focus)] : paths;
}

/**
 * The files an answer named in a FILES step (a localization answer, a bug fix's first step), in
 * its order; none when it names none or does not parse.
 */
export function chosenFiles(answerText: string): string[] {
  const named = (a: Answer): string[] =>
    a.kind === 'files' ? a.files : a.kind === 'steps' ? a.steps.flatMap(named) : [];
  try {
    return [...new Set(named(parseAnswer(answerText)))];
  } catch {
    return [];
  }
}

/** The focus's lines in `path`, when the task names them. */
function focusLines(view: Files, path: string): { start: number; end: number } | undefined {
  const f = view.focus;
  if (!f || f.file !== path || f.startLine === undefined) return undefined;
  return { start: f.startLine, end: f.endLine ?? f.startLine };
}

/** The task's files, one at a time: the focus's lines marked, the chosen files named so. */
export function TaskFiles({
  read,
  chosen,
}: {
  read: () => Promise<TaskFilesView>;
  chosen: readonly string[];
}) {
  const view = useTaskFiles(read);
  const [picked, setPicked] = useState(0);
  if (view === undefined) return <p className="hint">Reading the task&apos;s files…</p>;
  if (!view.ok)
    return (
      <p className="hint" data-testid="episode-files-unavailable">
        {view.reason}
      </p>
    );
  const paths = orderedFiles(view);
  const index = Math.min(picked, paths.length - 1);
  const path = paths[index] ?? '';
  const text = view.files[path] ?? '';
  const lines = focusLines(view, path);
  return (
    <>
      <p className="hint">
        {plural(paths.length, 'file')}
        {view.focus
          ? `; the task is about ${view.focus.fn ? `${view.focus.fn} in ` : ''}${view.focus.file}${lines ? `, ${lines.start === lines.end ? `line ${lines.start}` : `lines ${lines.start}-${lines.end}`} (marked)` : ''}`
          : ''}
        .{gradersNote(view.graders)}
        {chosen.length > 0 &&
          ` The answer chose ${chosen.map((c) => (c in view.files ? c : `${c} (not among them)`)).join(', ')}: marked "chosen".`}
      </p>
      <FileTabs
        files={paths.map((p) =>
          chosen.includes(p) ? { path: p, note: ' (chosen)' } : { path: p },
        )}
        picked={index}
        onPick={setPicked}
        label="The task's files"
      />
      <CodeBlock
        editor={
          <CodeFile
            key={path}
            text={text}
            path={path}
            testId="episode-file-view"
            {...(lines ? { highlight: lines } : {})}
          />
        }
        text={<NumberedCode key={path} text={text} mark={lines} testId="episode-file-text" />}
      />
    </>
  );
}

/** The repository the policy was given for the task, file by file, read when first opened. */
export function TaskFilesPanel({
  read,
  chosen = [],
}: {
  read: () => Promise<TaskFilesView>;
  /** Files the answer chose (a localization step's), marked in the tabs. */
  chosen?: readonly string[];
}) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="episode-files"
      data-testid="episode-files"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>The task&apos;s files (the repository as the policy was given it)</summary>
      {open && <TaskFiles read={read} chosen={chosen} />}
    </details>
  );
}
