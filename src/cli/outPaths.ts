// Where `lab` commands write (--out): refused before any work when writing there would replace
// or mix with what is there already.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory())
    throw new UsageError(`--out ${out} is a file: give a folder for the ${what}`);
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
