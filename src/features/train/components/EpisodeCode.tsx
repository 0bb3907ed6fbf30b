/**
 * The code of an episode in Monaco (loaded lazily by EpisodeTrace): a patch's files side by
 * side, whole when the run's task files can be read, and a test file.
 */
import { useMemo, useState } from 'react';
import { CodeView, DiffView } from '../../../components/monaco/CodeViews';
import type { TaskFilesView } from '../../../protocol/episodes';
import { fileChanges } from './fileChanges';
import { FileTabs } from './FileTabs';
import { useTaskFiles } from './useTaskFiles';

const STATUS_WORDS = { modified: '', added: ' (new file)', deleted: ' (deleted)' } as const;

export interface PatchFilesProps {
  patch: string;
  /** Reads the files the patch was made against (absent: the patch's hunks are shown alone). */
  readFiles?: () => Promise<TaskFilesView>;
  testId: string;
}

/** A patch's files, one at a time, each side by side: before on the left, after on the right. */
export function PatchFiles({ patch, readFiles, testId }: PatchFilesProps) {
  const files = useTaskFiles(readFiles);
  const changes = useMemo(
    () => (files === undefined ? null : fileChanges(patch, files.ok ? files.files : null)),
    [patch, files],
  );
  const [picked, setPicked] = useState(0);
  if (changes === null) return <p className="hint">Reading the task&apos;s files…</p>;
  if (!changes.ok)
    return (
      <p className="hint" data-testid={`${testId}-unavailable`}>
        No side-by-side view: {changes.reason}
      </p>
    );
  const index = Math.min(picked, changes.files.length - 1);
  const shown = changes.files[index];
  return (
    <div className="patch-files" data-testid={testId} data-whole={changes.whole}>
      <p className="hint" data-testid={`${testId}-scope`}>
        {changes.whole
          ? 'Whole files, before on the left and after on the right; unchanged stretches are folded (click a fold to open it).'
          : `Only the patch's hunks, with the file's line numbers (⋯ marks lines left out). ${files?.ok === false ? `The whole files are not at hand. ${files.reason}` : 'The patch does not apply to the task files as they are.'}`}
      </p>
      <FileTabs
        files={changes.files.map((f) => ({ path: f.path, note: STATUS_WORDS[f.status] }))}
        picked={index}
        onPick={setPicked}
        label="Files the patch changes"
      />
      {shown && (
        <DiffView
          key={shown.path}
          before={shown.before}
          after={shown.after}
          path={shown.path}
          {...(shown.numbers ? { numbers: shown.numbers } : {})}
          testId={`${testId}-diff`}
        />
      )}
    </div>
  );
}

/** A file, coloured, the given lines marked (a test file an answer wrote, one of the task's). */
export function CodeFile({
  text,
  path,
  highlight,
  testId,
}: {
  text: string;
  path: string;
  highlight?: { start: number; end: number };
  testId: string;
}) {
  return (
    <CodeView value={text} path={path} testId={testId} {...(highlight ? { highlight } : {})} />
  );
}
