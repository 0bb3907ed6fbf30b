/**
 * Errors of the virtual file system. Both carry a `name` so they survive being logged or sent
 * across a worker boundary as plain `{ name, message, ... }` data.
 */

/** A path or a snapshot value that the virtual file system refuses (thrown, never returned). */
export class VfsError extends Error {
  override name = 'VfsError';
  constructor(
    message: string,
    /** The offending path or JSON field, when there is one. */
    readonly subject: string | null = null,
  ) {
    super(message);
  }
}

/**
 * Why a patch could not be applied.
 * - `malformed`: the text is not a readable unified diff (bad header, stray line inside a hunk).
 * - `no-diff`: non-empty text with no file sections at all.
 * - `missing-file`: the patch changes or deletes a file the snapshot does not have.
 * - `file-exists`: the patch creates (or renames onto) a file that already exists.
 * - `invalid-path`: a path is absolute, has `..`, or clashes with a directory of the same name.
 * - `context-mismatch`: a hunk's context or removed lines are nowhere in the file.
 * - `unsupported`: binary patches and other things a text snapshot cannot hold.
 */
export type PatchErrorReason =
  | 'malformed'
  | 'no-diff'
  | 'missing-file'
  | 'file-exists'
  | 'invalid-path'
  | 'context-mismatch'
  | 'unsupported';

/** The plain-data form of a {@link PatchError}, safe to structured-clone. */
export interface PatchErrorData {
  name: 'PatchError';
  message: string;
  file: string | null;
  hunk: number | null;
  reason: PatchErrorReason;
}

/**
 * A patch that cannot be applied, returned (not thrown) by `applyPatch` and `parsePatch`.
 * The message says what is wrong and what to do about it, for an agent to read and retry.
 */
export class PatchError extends Error {
  override name = 'PatchError' as const;
  constructor(
    message: string,
    readonly reason: PatchErrorReason,
    /** The file the problem is in (the new path for creations), or null when before any file. */
    readonly file: string | null = null,
    /** The 1-based index of the hunk within its file section, or null when not about one hunk. */
    readonly hunk: number | null = null,
  ) {
    super(message);
  }

  /** Plain data for a worker message or a log entry. */
  toData(): PatchErrorData {
    const { message, file, hunk, reason } = this;
    return { name: 'PatchError', message, file, hunk, reason };
  }
}
