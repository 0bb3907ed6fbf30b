/**
 * A unified diff as the files it changes, each before and after, for a side-by-side view: whole
 * files when the task's files are at hand and the patch applies to them, otherwise only what the
 * patch itself holds (its hunks, with the lines between them left out and the original line
 * numbers kept).
 */
import { applyPatch, createSnapshot, parsePatch, type FilePatch } from '../../../core/vfs';

export interface FileChange {
  /** The file's path (its new name when the patch renames it). */
  path: string;
  status: 'modified' | 'added' | 'deleted';
  before: string;
  after: string;
  /**
   * Line numbers to show for each line of `before` and `after` when they are the hunks only
   * (null where lines were left out or the header gave no line); absent for whole files.
   */
  numbers?: { before: (number | null)[]; after: (number | null)[] };
}

export type FileChanges =
  { ok: true; files: FileChange[]; whole: boolean } | { ok: false; reason: string };

/** The line shown in place of the lines a hunks-only view leaves out. */
export const GAP = '⋯';

const statusOf = (fp: FilePatch): FileChange['status'] =>
  fp.oldPath === null ? 'added' : fp.newPath === null ? 'deleted' : 'modified';

const pathOf = (fp: FilePatch): string => fp.newPath ?? fp.oldPath ?? '';

/** One file's sides from its hunks alone. */
function hunksOnly(fp: FilePatch): FileChange {
  const before: string[] = [];
  const after: string[] = [];
  const numbers = { before: [] as (number | null)[], after: [] as (number | null)[] };
  fp.hunks.forEach((hunk, h) => {
    if (h > 0) {
      before.push(GAP);
      after.push(GAP);
      numbers.before.push(null);
      numbers.after.push(null);
    }
    let oldLine = hunk.oldStart === null ? null : hunk.oldStart + 1;
    let newLine = hunk.newStart === null ? null : hunk.newStart + 1;
    for (const line of hunk.lines) {
      if (line.op !== '+') {
        before.push(line.text);
        numbers.before.push(oldLine);
        if (oldLine !== null) oldLine++;
      }
      if (line.op !== '-') {
        after.push(line.text);
        numbers.after.push(newLine);
        if (newLine !== null) newLine++;
      }
    }
  });
  return {
    path: pathOf(fp),
    status: statusOf(fp),
    before: before.join('\n'),
    after: after.join('\n'),
    numbers,
  };
}

/**
 * The files `patch` changes. With `files` (the repository the patch was made against) each file
 * is whole; when the patch does not apply to them, or without them, each is its hunks.
 */
export function fileChanges(
  patch: string,
  files?: Readonly<Record<string, string>> | null,
): FileChanges {
  const parsed = parsePatch(patch);
  if (!parsed.ok) return { ok: false, reason: parsed.error.message };
  if (files) {
    const applied = applyPatch(createSnapshot(files), patch);
    if (applied.ok)
      return {
        ok: true,
        whole: true,
        files: parsed.files.map((fp) => ({
          path: pathOf(fp),
          status: statusOf(fp),
          before: fp.oldPath === null ? '' : (files[fp.oldPath] ?? ''),
          after: fp.newPath === null ? '' : (applied.snapshot.get(fp.newPath) ?? ''),
        })),
      };
  }
  return { ok: true, whole: false, files: parsed.files.map(hunksOnly) };
}
