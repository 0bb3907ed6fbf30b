// Where `lab` commands write (--out): refused before any work when writing there would replace
// or mix with what is there already.
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './args';

/**
 * Refuses, before any work, a path that cannot be written as a file (a directory, no folder),
 * or that holds a file already unless `force` (--force) says to replace it.
 */
export function checkWritableFile(path: string, flag: string, force: boolean): void {
  if (path.trim() === '') throw new UsageError(`${flag} needs a file path`);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new UsageError(
      `${flag} ${path} is a directory; give a file path such as ${join(path, 'suite.jsonl')}`,
    );
  if (existsSync(path) && !force)
    throw new UsageError(
      `${path} exists already: choose another ${flag}, or add --force to replace it`,
    );
  const folder = dirname(path);
  if (!existsSync(folder))
    throw new UsageError(`${flag} ${path}: the folder ${folder} does not exist`);
  checkCanWrite(folder, `${flag} ${path}`);
}

/** Refuses, before any work, a folder that is not one or that this user cannot write in. */
function checkCanWrite(folder: string, what: string): void {
  if (!statSync(folder).isDirectory())
    throw new UsageError(`${what}: ${folder} is a file, not a folder`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError(`${what}: the folder ${folder} cannot be written here`);
  }
}

/** The nearest folder of `path` that exists (its parent, or further up). */
function existingAncestor(path: string): string {
  let at = resolve(path);
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  return at;
}

/**
 * Refuses a folder for a run or an experiment (`what`) that is a file, or that holds entries
 * `ours` does not claim unless `force` says to write beside them (they are kept): `--out .` in a
 * project folder would otherwise scatter a run's files among its own.
 */
export function checkOutFolder(
  out: string,
  what: string,
  ours: (name: string) => boolean,
  force: boolean,
): void {
  if (out.trim() === '') throw new UsageError(`--out needs a folder for the ${what}`);
  if (!existsSync(out)) {
    // Made when the work starts: the nearest folder that exists must be one, and writable.
    checkCanWrite(existingAncestor(out), `--out ${out}`);
    return;
  }
  if (!statSync(out).isDirectory())
    throw new UsageError(`--out ${out} is a file: give a folder for the ${what}`);
  checkCanWrite(out, `--out ${out}`);
  // Hidden entries (.DS_Store, .git) are the system's or the user's bookkeeping, not in the way.
  const others = readdirSync(out)
    .filter((name) => !name.startsWith('.') && !ours(name))
    .sort();
  if (others.length === 0 || force) return;
  const named =
    others.slice(0, 3).join(', ') + (others.length > 3 ? ` and ${others.length - 3} more` : '');
  throw new UsageError(
    `--out ${out} holds other files (${named}): give a new or empty folder for the ${what}, or add --force to write it beside them (they are kept)`,
  );
}
