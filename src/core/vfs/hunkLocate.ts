/**
 * Finding where a hunk's old lines are in a file. Agents get line numbers wrong far more often
 * than content, so the search runs outward from the expected line over the whole file, first
 * comparing exactly, then ignoring trailing whitespace (stripped blanks, CRLF), then dropping
 * up to `fuzz` context lines at the hunk's ends.
 */
import type { HunkLine } from './hunkParse';

/** Where a hunk matched, and how much leeway that took. */
export interface Match {
  pos: number;
  /** Context lines dropped from the start and the end of the hunk (fuzz). */
  trimStart: number;
  trimEnd: number;
  /** Matched only when trailing whitespace was ignored. */
  loose: boolean;
}

type Equal = (fileLine: string, patchLine: string) => boolean;

const exact: Equal = (a, b) => a === b;
const loose: Equal = (a, b) => a === b || a.trimEnd() === b.trimEnd();

/** Positions 0..last, nearest to `expected` first (after before, on a tie). */
export function* outward(expected: number, last: number): Generator<number> {
  const start = Math.min(Math.max(expected, 0), last);
  yield start;
  for (let d = 1; start + d <= last || start - d >= 0; d++) {
    if (start + d <= last) yield start + d;
    if (start - d >= 0) yield start - d;
  }
}

function matchesAt(lines: readonly string[], block: readonly string[], pos: number, eq: Equal) {
  for (let j = 0; j < block.length; j++) {
    if (!eq(lines[pos + j] as string, block[j] as string)) return false;
  }
  return true;
}

function search(lines: readonly string[], block: readonly string[], expected: number, eq: Equal) {
  const last = lines.length - block.length;
  if (last < 0) return null;
  for (const pos of outward(expected, last)) {
    if (matchesAt(lines, block, pos, eq)) return pos;
  }
  return null;
}

/** The old side (context and removed lines) of a hunk's lines. */
export function oldSide(hunkLines: readonly HunkLine[]): string[] {
  return hunkLines.filter((l) => l.op !== '+').map((l) => l.text);
}

function edgeContext(hunkLines: readonly HunkLine[], fromEnd: boolean): number {
  let n = 0;
  const at = (k: number) => hunkLines[fromEnd ? hunkLines.length - 1 - k : k];
  while (n < hunkLines.length && at(n)?.op === ' ') n++;
  return n;
}

/**
 * Finds the hunk in `lines` near `expected` (0-based, null when the header gave no line):
 * exact, then whitespace-tolerant, then with up to `fuzz` edge context lines dropped.
 */
export function locate(
  lines: readonly string[],
  hunkLines: readonly HunkLine[],
  expected: number | null,
  fuzz: number,
): Match | null {
  const lead = edgeContext(hunkLines, false);
  const tail = edgeContext(hunkLines, true);
  let trimmed = -1;
  for (let f = 0; f <= fuzz; f++) {
    const trimStart = Math.min(f, lead);
    const trimEnd = Math.min(f, tail);
    if (trimStart + trimEnd === trimmed) break; // more fuzz would drop nothing more
    trimmed = trimStart + trimEnd;
    const block = oldSide(hunkLines.slice(trimStart, hunkLines.length - trimEnd));
    // Without a line number, lines are looked for from the top and pure additions go at the end.
    const from = (expected ?? (block.length === 0 ? lines.length : 0)) + trimStart;
    for (const eq of [exact, loose]) {
      const pos = search(lines, block, from, eq);
      if (pos !== null) return { pos, trimStart, trimEnd, loose: eq === loose };
    }
  }
  return null;
}

function quote(line: string | undefined): string {
  if (line === undefined) return 'the end of the file';
  const short = line.length > 80 ? `${line.slice(0, 77)}...` : line;
  return JSON.stringify(short);
}

/**
 * Why a hunk did not match: the place that agrees with most of its old lines, and the first line
 * that differs there, so the message can point at the wrong line.
 */
export function diagnose(
  lines: readonly string[],
  block: readonly string[],
  expected: number | null,
): string {
  if (block.length > lines.length) {
    return `it needs ${block.length} existing lines but the file has only ${lines.length}`;
  }
  let best = { pos: 0, score: -1 };
  for (const pos of outward(expected ?? 0, lines.length - block.length)) {
    let score = 0;
    for (let j = 0; j < block.length; j++)
      if (loose(lines[pos + j] as string, block[j] as string)) score++;
    if (score > best.score) best = { pos, score };
  }
  for (let j = 0; j < block.length; j++) {
    const fileLine = lines[best.pos + j];
    if (fileLine === undefined || !loose(fileLine, block[j] as string)) {
      return (
        `the closest place is line ${best.pos + 1}, where file line ${best.pos + j + 1} is ` +
        `${quote(fileLine)} but the patch expects ${quote(block[j])}`
      );
    }
  }
  return `its lines are not in the file`;
}
