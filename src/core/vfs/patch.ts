/**
 * Applying a multi-file patch to a snapshot, all files or none. The work happens on an overlay
 * of changed paths; the snapshot is forked once at the end, so a failure leaves nothing behind.
 */
import { PatchError, VfsError } from './errors';
import { applyHunks } from './hunkApply';
import { parsePatch } from './patchParse';
import type { FilePatch } from './patchParse';
import { comparePaths } from './paths';
import type { Snapshot } from './snapshot';

/** Options of {@link applyPatch}. */
export interface ApplyOptions {
  /** Context lines that may be dropped at each end of a hunk that does not match (default 0). */
  fuzz?: number;
}

/** The patched snapshot and the files whose content changed, or why nothing was applied. */
export type ApplyResult =
  { ok: true; snapshot: Snapshot; files: string[] } | { ok: false; error: PatchError };

/** Files as the patch has left them so far: null marks a deletion. */
class Overlay {
  readonly changes = new Map<string, string | null>();
  constructor(readonly base: Snapshot) {}

  get(path: string): string | undefined {
    const changed = this.changes.get(path);
    return changed === undefined ? this.base.get(path) : (changed ?? undefined);
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  /** Paths with the same file name, to suggest when a path is wrong. */
  similar(path: string): string[] {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return this.base
      .paths()
      .filter((p) => p === name || p.endsWith(`/${name}`))
      .slice(0, 3);
  }
}

function missing(overlay: Overlay, path: string): PatchError {
  const like = overlay.similar(path);
  const hint =
    like.length > 0 ? `did you mean ${like.join(' or ')}?` : 'check the path against the file list';
  return new PatchError(`${path} does not exist in the repository; ${hint}`, 'missing-file', path);
}

/** The existing file a section changes: its old name, then its new one, each with and without prefix. */
function existingSource(overlay: Overlay, fp: FilePatch): string | null {
  const names = [fp.oldPath];
  if (fp.strippedPrefix && fp.oldPath !== null) names.push(`a/${fp.oldPath}`);
  if (!fp.isRename) {
    names.push(fp.newPath);
    if (fp.strippedPrefix && fp.newPath !== null) names.push(`b/${fp.newPath}`);
  }
  return names.find((name): name is string => name !== null && overlay.has(name)) ?? null;
}

function applyHunksTo(
  path: string,
  text: string,
  fp: FilePatch,
  fuzz: number,
): string | PatchError {
  const result = applyHunks(text, fp.hunks, fuzz);
  if (result.ok) return result.text;
  const msg =
    `${path}, hunk ${result.hunk}: cannot apply: ${result.detail}. Re-read ${path} and copy the ` +
    'context and removed lines exactly as they are, or make the diff again from the current file.';
  return new PatchError(msg, 'context-mismatch', path, result.hunk);
}

/** Applies one file section to the overlay; returns the paths it touched, or an error. */
function applyFile(overlay: Overlay, fp: FilePatch, fuzz: number): string[] | PatchError {
  if (fp.oldPath === null) {
    const path = fp.newPath as string;
    if (overlay.has(path)) {
      const msg = `${path} already exists; to change it, write "--- a/${path}" instead of "--- /dev/null"`;
      return new PatchError(msg, 'file-exists', path);
    }
    const text = applyHunksTo(path, '', fp, fuzz);
    if (text instanceof PatchError) return text;
    overlay.changes.set(path, text);
    return [path];
  }
  const source = existingSource(overlay, fp);
  if (source === null) return missing(overlay, fp.oldPath);
  const text = applyHunksTo(source, overlay.get(source) ?? '', fp, fuzz);
  if (text instanceof PatchError) return text;
  // A deletion whose hunks matched removes the file even if they did not list every line.
  if (fp.newPath === null) {
    overlay.changes.set(source, null);
    return [source];
  }
  if (!fp.isRename) {
    overlay.changes.set(source, text);
    return [source];
  }
  if (overlay.has(fp.newPath)) {
    return new PatchError(
      `cannot rename ${source} to ${fp.newPath}: it already exists`,
      'file-exists',
      fp.newPath,
    );
  }
  overlay.changes.set(source, null);
  overlay.changes.set(fp.newPath, text);
  return [source, fp.newPath];
}

/**
 * Applies a unified diff (one or many files) to `snapshot`. Tolerates what agents write: wrong
 * hunk counts, missing `diff --git` lines, `a/` `b/` prefixes or none, CRLF, missing
 * `\ No newline` markers, wrong line numbers. Never throws for a bad patch: the error names the
 * file, the hunk and the reason, and says what to do. Nothing is applied unless everything is.
 */
export function applyPatch(
  snapshot: Snapshot,
  patchText: string,
  options: ApplyOptions = {},
): ApplyResult {
  const { fuzz = 0 } = options;
  if (!Number.isInteger(fuzz) || fuzz < 0)
    throw new RangeError(`fuzz must be a non-negative integer, got ${fuzz}`);
  if (typeof patchText !== 'string') {
    return { ok: false, error: new PatchError('the patch must be text', 'malformed') };
  }
  const parsed = parsePatch(patchText);
  if (!parsed.ok) return parsed;
  const overlay = new Overlay(snapshot);
  const touched = new Set<string>();
  for (const fp of parsed.files) {
    const paths = applyFile(overlay, fp, fuzz);
    if (paths instanceof PatchError) return { ok: false, error: paths };
    for (const path of paths) touched.add(path);
  }
  try {
    const next = snapshot.withChanges(overlay.changes);
    const files = [...touched].filter((p) => snapshot.get(p) !== next.get(p)).sort(comparePaths);
    return { ok: true, snapshot: next, files };
  } catch (error) {
    // Paths were checked while parsing; what is left is a file that clashes with a directory.
    if (!(error instanceof VfsError)) throw error;
    return { ok: false, error: new PatchError(error.message, 'invalid-path', error.subject) };
  }
}
