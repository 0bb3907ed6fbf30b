/**
 * Reading one hunk body. Agent-written hunks often carry wrong line counts, so the counts in the
 * `@@` header are trusted only when the body agrees with them; otherwise the hunk is read up to
 * the next line that cannot belong to it, and counted from what was read.
 */

/** What a hunk line does: keep (context), remove or add. */
export type HunkLineOp = ' ' | '-' | '+';

/** One line of a hunk body, without its op character. */
export interface HunkLine {
  op: HunkLineOp;
  text: string;
  /** Followed by `\ No newline at end of file`: the line has no `\n` on its side(s). */
  noNewline: boolean;
}

/** A parsed hunk. Counts always come from the body; starts come from the header. */
export interface ParsedHunk {
  /** 0-based index of the first old line as the header says, or null for a bare `@@`. */
  oldStart: number | null;
  /** 0-based index of the first new line as the header says, or null. */
  newStart: number | null;
  oldLines: number;
  newLines: number;
  lines: HunkLine[];
  /** True when the header had no counts or counts that disagree with the body. */
  recounted: boolean;
  /** 1-based line of the `@@` header in the patch text (0 for a hunk without one). */
  patchLine: number;
}

interface Header {
  oldStart: number | null;
  oldCount: number | null;
  newStart: number | null;
  newCount: number | null;
}

const HEADER = /^@@+\s*-(\d+)(?:,(\d+))?\s+\+(\d+)(?:,(\d+))?\s*@@/;

/** Reads an `@@` line; a bare `@@` (or `@@ some text @@`) gives a header without numbers. */
export function parseHunkHeader(line: string): Header {
  const m = HEADER.exec(line);
  if (!m) return { oldStart: null, oldCount: null, newStart: null, newCount: null };
  const num = (s: string | undefined, missing: number) => (s === undefined ? missing : Number(s));
  return {
    oldStart: num(m[1], 0),
    oldCount: num(m[2], 1),
    newStart: num(m[3], 0),
    newCount: num(m[4], 1),
  };
}

/** Whether `lines[i]` starts a new file section or hunk (so it ends the current hunk). */
export function isBoundary(lines: readonly string[], i: number): boolean {
  const line = lines[i];
  if (line === undefined) return true;
  if (line.startsWith('@@') || line.startsWith('diff ') || line.startsWith('Index: ')) return true;
  // `-- ` alone is the signature separator of `git format-patch` mail.
  if (line === '-- ') return true;
  return line.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ');
}

function isBodyLine(line: string): boolean {
  return line === '' || line[0] === ' ' || line[0] === '-' || line[0] === '+' || line[0] === '\\';
}

// An empty line inside a hunk is a blank context line whose leading space an editor stripped.
function toHunkLines(body: readonly string[]): HunkLine[] {
  const out: HunkLine[] = [];
  for (const raw of body) {
    if (raw.startsWith('\\')) {
      const last = out[out.length - 1];
      if (last) last.noNewline = true;
      continue;
    }
    const op = (raw === '' ? ' ' : raw[0]) as HunkLineOp;
    out.push({ op, text: raw.slice(1), noNewline: false });
  }
  return out;
}

/** Whether the empty lines from `i` on are the end of the hunk rather than blank context. */
function blankRunEndsHunk(lines: readonly string[], i: number): boolean {
  let j = i;
  while (lines[j] === '') j++;
  return isBoundary(lines, j) || !isBodyLine(lines[j] as string);
}

/** The end of the body when the header's counts are right, or null when they are not. */
function endByCounts(lines: readonly string[], start: number, header: Header): number | null {
  const { oldCount, newCount } = header;
  if (oldCount === null || newCount === null) return null;
  let oldSeen = 0;
  let newSeen = 0;
  let i = start;
  // No boundary test inside the counted body: a removed `-- x` next to an added `++ y` reads as
  // `--- x` / `+++ y`, which only the counts can tell from a file header.
  while (oldSeen < oldCount || newSeen < newCount) {
    const line = lines[i];
    if (line === undefined || !isBodyLine(line)) return null;
    if (line === '' && blankRunEndsHunk(lines, i)) return null;
    const op = line === '' ? ' ' : line[0];
    if (op !== '+' && op !== '\\') oldSeen++;
    if (op !== '-' && op !== '\\') newSeen++;
    if (oldSeen > oldCount || newSeen > newCount) return null;
    i++;
  }
  while ((lines[i] ?? '').startsWith('\\')) i++;
  // More change lines after the counted ones (blank context lines in between) mean the counts
  // were too small.
  let j = i;
  while (lines[j] === '' && j + 1 < lines.length) j++;
  const next = lines[j];
  if (next !== undefined && !isBoundary(lines, j) && /^[-+ ]/.test(next)) return null;
  return i;
}

/** The end of the body read line by line, and where the hunk stopped on a foreign line. */
function endByScan(lines: readonly string[], start: number): { end: number; stray: number | null } {
  let i = start;
  while (!isBoundary(lines, i) && isBodyLine(lines[i] as string)) i++;
  const stray = isBoundary(lines, i) ? null : i;
  let end = i;
  // Trailing empty lines are far more often separators than blank context lines.
  while (end > start && lines[end - 1] === '') end--;
  return { end, stray };
}

/**
 * When a scanned hunk stopped on a line that is not a diff line, change lines soon after it mean
 * the hunk is broken (a context line without its leading space), not followed by prose.
 */
function orphanAfter(lines: readonly string[], stray: number): number | null {
  for (let i = stray + 1; !isBoundary(lines, i) && lines[i] !== ''; i++) {
    if (/^[-+]/.test(lines[i] as string)) return stray;
  }
  return null;
}

/** Result of {@link readHunk}: the hunk and the index after it, or the patch line at fault. */
export type HunkRead =
  { ok: true; hunk: ParsedHunk; next: number } | { ok: false; badIndex: number };

/** Reads the hunk whose body starts at `lines[start]` (after its `@@` line at `start - 1`). */
export function readHunk(
  lines: readonly string[],
  start: number,
  header: Header,
  patchLine: number,
): HunkRead {
  let end = endByCounts(lines, start, header);
  if (end === null) {
    const scan = endByScan(lines, start);
    const bad = scan.stray === null ? null : orphanAfter(lines, scan.stray);
    if (bad !== null) return { ok: false, badIndex: bad };
    end = scan.end;
  }
  const body = toHunkLines(lines.slice(start, end));
  const oldLines = body.filter((l) => l.op !== '+').length;
  const newLines = body.filter((l) => l.op !== '-').length;
  // An empty range names the line before it (unified diff convention). The body's count decides,
  // not the header's, which may be wrong: a pure insertion has no lines to search by.
  const index = (startNo: number | null, count: number) =>
    startNo === null ? null : count === 0 ? startNo : Math.max(0, startNo - 1);
  const hunk: ParsedHunk = {
    oldStart: index(header.oldStart, oldLines),
    newStart: index(header.newStart, newLines),
    oldLines,
    newLines,
    lines: body,
    recounted: header.oldCount !== oldLines || header.newCount !== newLines,
    patchLine,
  };
  return { ok: true, hunk, next: end };
}
