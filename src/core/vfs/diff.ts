/**
 * Git-style unified diffs between two snapshots. jsdiff computes the line diff of each file; the
 * git headers are written here because jsdiff's own output has no `diff --git` form for plain
 * two-string diffs.
 */
import { structuredPatch } from 'diff';
import { comparePaths } from './paths';
import { createSnapshot, type Snapshot } from './snapshot';
import { NO_NEWLINE_MARKER, splitText } from './textLines';

/** Options of {@link diffSnapshots}. */
export interface DiffOptions {
  /** Unchanged lines around each change (default 3, as git). */
  context?: number;
  /**
   * Largest edit distance jsdiff searches per file before falling back to replacing the whole
   * file (default 1000). Deterministic, unlike a timeout, so episodes replay identically.
   */
  maxEditLength?: number;
  /** Optional wall-clock limit per file in ms; the output then depends on machine speed. */
  timeoutMs?: number;
}

interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: string[];
}

const DEFAULT_MAX_EDIT_LENGTH = 1000;

/** Sorted paths whose content differs, or that exist on one side only. */
export function changedFiles(a: Snapshot, b: Snapshot): string[] {
  const paths = new Set([...a.paths(), ...b.paths()]);
  return [...paths].filter((path) => a.get(path) !== b.get(path)).sort(comparePaths);
}

function sideLines(text: string, prefix: string): string[] {
  const { lines, finalNewline } = splitText(text);
  const out = lines.map((line) => prefix + line);
  if (!finalNewline && lines.length > 0) out.push(NO_NEWLINE_MARKER);
  return out;
}

/** One hunk replacing everything: the fallback when the line diff gives up. */
function wholeFileHunk(oldText: string, newText: string): Hunk[] {
  const oldLines = splitText(oldText).lines.length;
  const newLines = splitText(newText).lines.length;
  const lines = [...sideLines(oldText, '-'), ...sideLines(newText, '+')];
  return lines.length === 0 ? [] : [{ oldStart: 1, oldLines, newStart: 1, newLines, lines }];
}

function fileHunks(oldText: string, newText: string, options: DiffOptions): Hunk[] {
  const { context = 3, maxEditLength = DEFAULT_MAX_EDIT_LENGTH, timeoutMs } = options;
  if (oldText === '' || newText === '') return wholeFileHunk(oldText, newText);
  const patch = structuredPatch('a', 'b', oldText, newText, undefined, undefined, {
    context,
    maxEditLength,
    ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }),
  });
  return patch ? patch.hunks : wholeFileHunk(oldText, newText);
}

// Unified diff quirk: an empty range names the line before it, and a count of 1 is left out.
function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

function fileSection(
  path: string,
  oldText: string | undefined,
  newText: string | undefined,
  options: DiffOptions,
): string[] {
  const out = [`diff --git a/${path} b/${path}`];
  if (oldText === undefined) out.push('new file mode 100644');
  if (newText === undefined) out.push('deleted file mode 100644');
  const hunks = fileHunks(oldText ?? '', newText ?? '', options);
  // Like git, an empty file created or deleted has no ---/+++ lines and no hunks.
  if (hunks.length === 0) return out;
  out.push(oldText === undefined ? '--- /dev/null' : `--- a/${path}`);
  out.push(newText === undefined ? '+++ /dev/null' : `+++ b/${path}`);
  for (const hunk of hunks) {
    out.push(
      `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`,
    );
    out.push(...hunk.lines);
  }
  return out;
}

/**
 * One git-style multi-file unified diff from `a` to `b` (`diff --git`, `--- a/p`, `+++ b/p`,
 * `/dev/null` for added and deleted files), files in path order; the empty string when equal.
 */
export function diffSnapshots(a: Snapshot, b: Snapshot, options: DiffOptions = {}): string {
  const { context = 3 } = options;
  if (!Number.isInteger(context) || context < 0) {
    throw new RangeError(`diff context must be a non-negative integer, got ${context}`);
  }
  const lines: string[] = [];
  for (const path of changedFiles(a, b)) {
    lines.push(...fileSection(path, a.get(path), b.get(path), options));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** {@link diffSnapshots} between two sets of files given as path-to-text records. */
export const diffFiles = (
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): string => diffSnapshots(createSnapshot(before), createSnapshot(after));
