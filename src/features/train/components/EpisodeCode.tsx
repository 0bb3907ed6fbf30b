/**
 * The code of an episode in Monaco (loaded lazily by EpisodeTrace): a patch's files side by
 * side, whole when the run's task files can be read, and a test file.
 */
import { useEffect, useMemo, useState } from 'react';
import { CodeView, DiffView } from '../../../components/monaco/CodeViews';
import type { TaskFilesView } from '../../../protocol/episodes';
import { fileChanges } from './fileChanges';

const STATUS_WORDS = { modified: '', added: ' (new file)', deleted: ' (deleted)' } as const;

/** The page's theme, as `<html data-theme>` says, followed as it changes. */
function useDarkPage(): boolean {
  const read = () => document.documentElement.dataset.theme === 'dark';
  const [dark, setDark] = useState(read);
  useEffect(() => {
    const watch = new MutationObserver(() => setDark(read()));
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => watch.disconnect();
  }, []);
  return dark;
}

/** The task's files, read once per reader (undefined while reading). */
function useTaskFiles(read?: () => Promise<TaskFilesView>): TaskFilesView | undefined {
  const [files, setFiles] = useState<{ from: unknown; view: TaskFilesView }>();
  useEffect(() => {
    if (!read) return;
    let live = true;
    read().then(
      (view) => live && setFiles({ from: read, view }),
      (e: unknown) =>
        live &&
        setFiles({ from: read, view: { ok: false, reason: `Reading them failed: ${String(e)}` } }),
    );
    return () => {
      live = false;
    };
  }, [read]);
  if (!read) return { ok: false, reason: 'The task is not at hand here.' };
  return files?.from === read ? files.view : undefined;
}

export interface PatchFilesProps {
  patch: string;
  /** Reads the files the patch was made against (absent: the patch's hunks are shown alone). */
  readFiles?: () => Promise<TaskFilesView>;
  testId: string;
}

/** A patch's files, one at a time, each side by side: before on the left, after on the right. */
export function PatchFiles({ patch, readFiles, testId }: PatchFilesProps) {
  const dark = useDarkPage();
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
  const shown = changes.files[Math.min(picked, changes.files.length - 1)];
  return (
    <div className="patch-files" data-testid={testId} data-whole={changes.whole}>
      <p className="hint" data-testid={`${testId}-scope`}>
        {changes.whole
          ? 'Whole files, before on the left and after on the right; unchanged stretches are folded (click a fold to open it).'
          : `Only the patch's hunks, with the file's line numbers (⋯ marks lines left out). ${files?.ok === false ? `The whole files are not at hand: ${files.reason}` : 'The patch does not apply to the task files as they are.'}`}
      </p>
      {changes.files.length > 1 && (
        <div className="file-tabs" role="tablist" aria-label="Files the patch changes">
          {changes.files.map((f, i) => (
            <button
              key={f.path}
              type="button"
              role="tab"
              aria-selected={f === shown}
              className={f === shown ? 'file-tab active' : 'file-tab'}
              onClick={() => setPicked(i)}
            >
              {f.path}
              {STATUS_WORDS[f.status]}
            </button>
          ))}
        </div>
      )}
      {shown && (
        <>
          {changes.files.length === 1 && (
            <p className="file-name">
              <code>{shown.path}</code>
              {STATUS_WORDS[shown.status]}
            </p>
          )}
          <DiffView
            key={shown.path}
            before={shown.before}
            after={shown.after}
            path={shown.path}
            dark={dark}
            {...(shown.numbers ? { numbers: shown.numbers } : {})}
            testId={`${testId}-diff`}
          />
        </>
      )}
    </div>
  );
}

/** A file the answer wrote (a test file), coloured. */
export function WrittenFile({
  text,
  path,
  testId,
}: {
  text: string;
  path: string;
  testId: string;
}) {
  const dark = useDarkPage();
  return <CodeView value={text} path={path} dark={dark} testId={testId} />;
}
