/**
 * Repository paths: POSIX, relative, canonical. One spelling per file keeps snapshot equality,
 * hashing and diff headers unambiguous.
 */
import { VfsError } from './errors';

// Control characters would break the line-based diff format (a tab ends a `---` file name).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why `path` is not a valid repository path, or null when it is. */
export function pathProblem(path: unknown): string | null {
  if (typeof path !== 'string') return `a path must be a string, got ${typeof path}`;
  if (path === '') return 'a path must not be empty';
  if (path.includes('\\')) return `"${path}" contains a backslash; use "/" between names`;
  if (CONTROL.test(path)) return `"${path}" contains a control character`;
  if (path.startsWith('/'))
    return `"${path}" is absolute; paths are relative to the repository root`;
  for (const name of path.split('/')) {
    if (name === '') return `"${path}" has an empty name (a doubled or trailing "/")`;
    if (name === '..') return `"${path}" has a ".." segment; paths may not leave the repository`;
    if (name === '.') return `"${path}" has a "." segment; write the path without it`;
  }
  return null;
}

/** Returns `path` unchanged when it is valid; throws a {@link VfsError} saying why not. */
export function assertValidPath(path: string): string {
  const problem = pathProblem(path);
  if (problem !== null) throw new VfsError(`invalid path: ${problem}`, String(path));
  return path;
}

/** Code-unit order, as `git diff` sorts ASCII names; independent of the host locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The directories that contain `path`, nearest last: `a/b/c.js` -> `a`, `a/b`. */
export function parentDirs(path: string): string[] {
  const dirs: string[] = [];
  for (let cut = path.indexOf('/'); cut >= 0; cut = path.indexOf('/', cut + 1)) {
    dirs.push(path.slice(0, cut));
  }
  return dirs;
}

/**
 * Throws when a file would also have to be a directory (`src` and `src/a.js` together), which no
 * real checkout can hold. Checks every file's parents: O(files x depth).
 */
export function assertNoDirConflicts(files: ReadonlyMap<string, string>): void {
  for (const path of files.keys()) {
    for (const dir of parentDirs(path)) {
      if (files.has(dir)) {
        throw new VfsError(
          `invalid path: "${path}" needs "${dir}" to be a directory, but "${dir}" is a file`,
          path,
        );
      }
    }
  }
}
