/**
 * File sections of a unified diff: the names from `diff --git`, `---`/`+++` and git's extended
 * headers, reconciled into one {@link FilePatch}.
 */
import { PatchError } from './errors';
import type { ParsedHunk } from './hunkParse';
import { pathProblem } from './paths';

/** The changes to one file. Paths are repository paths; null stands for `/dev/null`. */
export interface FilePatch {
  oldPath: string | null;
  newPath: string | null;
  hunks: ParsedHunk[];
  /** From git's `rename from` / `rename to`: the old file goes away. */
  isRename: boolean;
  /** `a/` and `b/` were removed from the names, so the unstripped names are a fallback. */
  strippedPrefix: boolean;
}

/** A file section while it is being read; undefined means "not seen yet". */
export interface Section {
  oldRaw: string | null | undefined;
  newRaw: string | null | undefined;
  gitOld: string | null;
  gitNew: string | null;
  isCreate: boolean;
  isDelete: boolean;
  isRename: boolean;
  hunks: ParsedHunk[];
}

/** An empty section, optionally named by the rest of a `diff --git ` line. */
export function newSection(gitLine?: string): Section {
  const [gitOld, gitNew] = gitLine === undefined ? [null, null] : gitNames(gitLine);
  return {
    oldRaw: undefined,
    newRaw: undefined,
    gitOld,
    gitNew,
    isCreate: false,
    isDelete: false,
    isRename: false,
    hunks: [],
  };
}

/** A `---`/`+++` name without its timestamp or quotes; null for /dev/null. */
export function headerName(rest: string): string | null {
  let name = rest.split('\t')[0]?.trimEnd() ?? '';
  if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) name = name.slice(1, -1);
  return name === '/dev/null' ? null : name;
}

/** `a/x b/x`: split where both halves name the same file (names may hold spaces), else at ` b/`. */
function gitNames(rest: string): [string, string] {
  const half = (rest.length - 1) / 2;
  const left = rest.slice(0, half);
  const right = rest.slice(half + 1);
  if (Number.isInteger(half) && left.replace(/^a\//, '') === right.replace(/^b\//, '')) {
    return [left, right];
  }
  const cut = rest.indexOf(' b/');
  if (cut > 0) return [rest.slice(0, cut), rest.slice(cut + 1)];
  const space = rest.indexOf(' ');
  return space > 0 ? [rest.slice(0, space), rest.slice(space + 1)] : [rest, rest];
}

/** Records a git extended header (`new file mode`, `rename from`, ...); others are ignored. */
export function readExtendedHeader(section: Section, line: string): void {
  if (line.startsWith('new file mode')) section.isCreate = true;
  else if (line.startsWith('deleted file mode')) section.isDelete = true;
  else if (line.startsWith('rename from ')) {
    section.isRename = true;
    section.gitOld = line.slice('rename from '.length);
  } else if (line.startsWith('rename to ')) {
    section.isRename = true;
    section.gitNew = line.slice('rename to '.length);
  }
}

/** A readable file name for messages while a section is still being read. */
export function sectionFile(section: Section | null): string | null {
  if (section === null) return null;
  const raw = section.newRaw ?? section.oldRaw ?? section.gitNew ?? section.gitOld;
  return raw === null || raw === undefined ? null : raw.replace(/^[ab]\//, '');
}

function strip(name: string | null, prefix: string): string | null {
  return name !== null && name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

function checkPaths(oldPath: string | null, newPath: string | null): PatchError | null {
  const file = newPath ?? oldPath;
  for (const path of [oldPath, newPath]) {
    const problem = path === null ? null : pathProblem(path);
    if (problem !== null) {
      return new PatchError(`invalid path in the patch: ${problem}`, 'invalid-path', file);
    }
  }
  return null;
}

/** Turns a finished section into a FilePatch or an error; null for a section with no names. */
export function finishSection(section: Section): FilePatch | PatchError | null {
  // Explicit ---/+++ names win (null there is /dev/null); git's names fill in when absent.
  const oldRaw =
    section.oldRaw !== undefined ? section.oldRaw : section.isCreate ? null : section.gitOld;
  const newRaw =
    section.newRaw !== undefined ? section.newRaw : section.isDelete ? null : section.gitNew;
  if (oldRaw === null && newRaw === null) {
    if (section.oldRaw === undefined) return null;
    return new PatchError('a file section has /dev/null on both sides; name the file', 'malformed');
  }
  // Renames name files without prefixes; otherwise strip only when both sides agree on them.
  const strippedPrefix =
    !section.isRename &&
    (oldRaw === null || oldRaw.startsWith('a/')) &&
    (newRaw === null || newRaw.startsWith('b/'));
  const oldPath = strippedPrefix ? strip(oldRaw, 'a/') : oldRaw;
  const newPath = strippedPrefix ? strip(newRaw, 'b/') : newRaw;
  const bad = checkPaths(oldPath, newPath);
  if (bad) return bad;
  const wholeFile = section.isCreate || section.isDelete || section.isRename;
  if (section.hunks.length === 0 && !wholeFile && oldPath !== null && newPath !== null) {
    const file = newPath;
    const msg = `the section for ${file} has no hunks; add "@@ -start,count +start,count @@" and the changed lines`;
    return new PatchError(msg, 'malformed', file);
  }
  return { oldPath, newPath, hunks: section.hunks, isRename: section.isRename, strippedPrefix };
}
