import { applyFileEdits } from '../answers/apply';
import type { DeleteEdit, Edit, InsertEdit, ReplaceEdit } from '../answers/types';
import { tokenize, type JsToken } from '../js/tokens';

/**
 * The token edits that turn `from` into `to`: where the token lists differ, the first differing
 * token of `from` is replaced by the new tokens (joined by spaces) and the rest of the old run by
 * nothing. Null when the files are equal, unparseable, or differ in more than `limit` tokens (or need more than twice that many new ones).
 */
export function tokenEditsBetween(
  file: string,
  from: string,
  to: string,
  limit = 6,
): ReplaceEdit[] | null {
  let a: string[];
  let b: string[];
  try {
    a = tokenize(from).map((t) => t.value);
    b = tokenize(to).map((t) => t.value);
  } catch {
    return null;
  }
  if (a.length === b.length) {
    const diffs = a.map((v, i) => i).filter((i) => a[i] !== b[i]);
    if (diffs.length === 0) return null;
    if (diffs.length <= Math.min(limit, 2))
      return diffs.map((i) => ({ op: 'replace', file, token: i, text: b[i]! }));
  }
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const oldRun = a.slice(p, a.length - s);
  const newTokens = b.slice(p, b.length - s);
  const newRun = newTokens.join(' ');
  if (
    oldRun.length > limit ||
    newTokens.length > 2 * limit ||
    (oldRun.length === 0 && newRun === '')
  )
    return null;
  if (oldRun.length === 0) {
    // Pure insertion: widen the token before (or after) the gap to carry the new tokens.
    if (p > 0) return [{ op: 'replace', file, token: p - 1, text: `${a[p - 1]!} ${newRun}` }];
    if (a.length === 0) return null;
    return [{ op: 'replace', file, token: 0, text: `${newRun} ${a[0]!}` }];
  }
  return oldRun.map((_, i) => ({
    op: 'replace' as const,
    file,
    token: p + i,
    text: i === 0 ? newRun : '',
  }));
}

/** What `fixEditsBetween` may write. */
export interface FixEditOptions {
  /** Whether a replacement may write this token (e.g. the task's edit vocabulary); default: any. */
  writable?: (token: string) => boolean;
  /** Most edits in all (default 6). */
  maxEdits?: number;
  /** Most tokens one replacement may write (default 6, what the policy's decoder can spell). */
  maxReplacementTokens?: number;
}

/** Largest table of the longest-common-subsequence diff (cells) before giving up. */
const MAX_DIFF_CELLS = 4_000_000;

/** Index pairs of one longest common subsequence of `a` and `b`, in order; null when too large. */
function commonPairs(a: readonly string[], b: readonly string[]): [number, number][] | null {
  const pairs: [number, number][] = [];
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) pairs.push([p, p++]);
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const n = a.length - p - s;
  const m = b.length - p - s;
  if ((n + 1) * (m + 1) > MAX_DIFF_CELLS) return null;
  // lcs[i * (m + 1) + j]: length of the LCS of a[p + i ..] and b[p + j ..] (middle parts only).
  const lcs = new Int32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        a[p + i] === b[p + j]
          ? lcs[(i + 1) * (m + 1) + j + 1]! + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  for (let i = 0, j = 0; i < n && j < m;) {
    if (a[p + i] === b[p + j] && lcs[i * (m + 1) + j] === lcs[(i + 1) * (m + 1) + j + 1]! + 1) {
      pairs.push([p + i++, p + j++]);
    } else if (lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  for (let k = s; k > 0; k--) pairs.push([a.length - k, b.length - k]);
  return pairs;
}

/** A changed stretch: `from[a0..a1)` becomes `to[b0..b1)` (items of whatever was diffed). */
interface Hunk {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** The changed stretches between the pairs of a common subsequence of lists of lengths n and m. */
function hunksOf(pairs: readonly [number, number][], n: number, m: number): Hunk[] {
  const hunks: Hunk[] = [];
  let a = 0;
  let b = 0;
  for (const [i, j] of [...pairs, [n, m] as [number, number]]) {
    if (i > a || j > b) hunks.push({ a0: a, a1: i, b0: b, b1: j });
    a = i + 1;
    b = j + 1;
  }
  return hunks;
}

interface SourceTokens {
  source: string;
  tokens: JsToken[];
  /** Lines that hold at least one token start, ascending, with those tokens' index range. */
  lines: { line: number; first: number; end: number; key: string }[];
}

function sourceTokens(source: string): SourceTokens | null {
  let tokens: JsToken[];
  try {
    tokens = tokenize(source);
  } catch {
    return null;
  }
  const lines: SourceTokens['lines'] = [];
  tokens.forEach((t, i) => {
    const last = lines[lines.length - 1];
    if (last && last.line === t.line) last.end = i + 1;
    else lines.push({ line: t.line, first: i, end: i + 1, key: '' });
  });
  for (const l of lines)
    l.key = tokens
      .slice(l.first, l.end)
      .map((t) => t.value)
      .join('\u0000');
  return { source, tokens, lines };
}

/** Tokens of a replacement text, as the validator reads them (untokenizable text is one word). */
function replacementWords(text: string): string[] {
  try {
    return tokenize(text).map((t) => t.value);
  } catch {
    return [text];
  }
}

/** Matched tokens two changed stretches may have between them and still be fixed as one. */
const MERGE_GAP = 3;

/**
 * Token edits that turn `from.tokens[range.a0..a1)` into `to.tokens[range.b0..b1)`, or null
 * when one of them would write a token that is not writable, more tokens than allowed, or text
 * across a line break. Nearby changes are fixed as one when that takes no more edits.
 */
function tokenOption(
  from: SourceTokens,
  to: SourceTokens,
  file: string,
  range: Hunk,
  options: Required<FixEditOptions>,
): ReplaceEdit[] | null {
  const pairs = commonPairs(
    from.tokens.slice(range.a0, range.a1).map((t) => t.value),
    to.tokens.slice(range.b0, range.b1).map((t) => t.value),
  );
  if (!pairs) return null;
  const writes = (text: string): boolean => {
    if (/[\r\n]/.test(text)) return false;
    const words = replacementWords(text);
    return words.length <= options.maxReplacementTokens && words.every(options.writable);
  };
  const span = (b0: number, b1: number): string =>
    b1 > b0 ? to.source.slice(to.tokens[b0]!.start, to.tokens[b1 - 1]!.end) : '';
  const editsFor = (h: Hunk, used: Set<number>): ReplaceEdit[] | null => {
    const { a0, a1, b0, b1 } = h;
    const edits: ReplaceEdit[] = [];
    if (a1 - a0 === b1 - b0) {
      // Same length: token for token (only where they differ).
      for (let k = 0; a0 + k < a1; k++) {
        const text = to.tokens[b0 + k]!.value;
        if (from.tokens[a0 + k]!.value === text) continue;
        if (!writes(text)) return null;
        edits.push({ op: 'replace', file, token: a0 + k, text });
      }
    } else if (a1 > a0) {
      // The first old token takes the new text (with its original spacing), the rest go.
      const text = span(b0, b1);
      if (!writes(text)) return null;
      for (let k = a0; k < a1; k++)
        edits.push({ op: 'replace', file, token: k, text: k === a0 ? text : '' });
    } else {
      // Pure insertion: widen the unchanged token before (or after) the gap to carry it.
      const before = { token: a0 - 1, text: b0 > 0 ? span(b0 - 1, b1) : '' };
      const after = { token: a0, text: b1 < to.tokens.length ? span(b0, b1 + 1) : '' };
      const pick = [before, after].find(
        (c) =>
          c.token >= 0 &&
          c.token < from.tokens.length &&
          c.text !== '' &&
          !used.has(c.token) &&
          writes(c.text),
      );
      if (!pick) return null;
      edits.push({ op: 'replace', file, token: pick.token, text: pick.text });
    }
    for (const e of edits) used.add(e.token);
    return edits;
  };
  const cost = (h: Hunk): number => editsFor(h, new Set())?.length ?? Infinity;
  const hunks: Hunk[] = [];
  for (const local of hunksOf(pairs, range.a1 - range.a0, range.b1 - range.b0)) {
    const h = {
      a0: local.a0 + range.a0,
      a1: local.a1 + range.a0,
      b0: local.b0 + range.b0,
      b1: local.b1 + range.b0,
    };
    const last = hunks[hunks.length - 1];
    if (last && h.a0 - last.a1 <= MERGE_GAP) {
      const merged = { a0: last.a0, a1: h.a1, b0: last.b0, b1: h.b1 };
      if (cost(merged) <= cost(last) + cost(h)) {
        hunks[hunks.length - 1] = merged;
        continue;
      }
    }
    hunks.push(h);
  }
  const used = new Set<number>();
  const edits: ReplaceEdit[] = [];
  for (const h of hunks) {
    const e = editsFor(h, used);
    if (!e) return null;
    edits.push(...e);
  }
  return edits.sort((x, y) => x.token - y.token);
}

/** Whether `edits` turn `from` into source with exactly the tokens of `to`. */
function restores(from: string, edits: readonly Edit[], to: SourceTokens): boolean {
  let fixed: SourceTokens | null;
  try {
    fixed = sourceTokens(applyFileEdits(from, edits));
  } catch {
    return false;
  }
  const key = (s: SourceTokens): string => s.tokens.map((t) => t.value).join('\u0000');
  return fixed !== null && key(fixed) === key(to);
}

/**
 * The edits that turn `from` into `to`, for a gold fix. Token replacements alone when every
 * token they write is writable and they fit in `maxEdits` (a policy can spell those). Otherwise
 * the lines are diffed (by their tokens, so spacing and comments do not count) and each changed
 * stretch of lines is fixed by token replacements where possible, by deleting the old lines and
 * inserting the new ones (their text as in `to`) where not or where that takes fewer edits.
 * Replacements keep the spacing of `to` and never span lines. Null when the files are equal or
 * untokenizable, or when no mix fits in `maxEdits` edits.
 */
export function fixEditsBetween(
  file: string,
  from: string,
  to: string,
  options: FixEditOptions = {},
): Edit[] | null {
  const opts: Required<FixEditOptions> = {
    writable: () => true,
    maxEdits: 6,
    maxReplacementTokens: 6,
    ...options,
  };
  const a = sourceTokens(from);
  const b = sourceTokens(to);
  if (!a || !b) return null;
  const whole = { a0: 0, a1: a.tokens.length, b0: 0, b1: b.tokens.length };
  const tokensOnly = tokenOption(a, b, file, whole, opts);
  if (tokensOnly && tokensOnly.length <= opts.maxEdits) {
    return tokensOnly.length > 0 && restores(from, tokensOnly, b) ? tokensOnly : null;
  }
  // Line edits need each token on one line.
  const multiLine = (s: SourceTokens): boolean => s.tokens.some((t) => /[\r\n]/.test(t.value));
  if (multiLine(a) || multiLine(b)) return null;
  const pairs = commonPairs(
    a.lines.map((l) => l.key),
    b.lines.map((l) => l.key),
  );
  if (!pairs) return null;
  const fromLines = from.split('\n');
  const toLines = to.split('\n');
  const lineCount = from.endsWith('\n') ? fromLines.length - 1 : fromLines.length;
  const choices = hunksOf(pairs, a.lines.length, b.lines.length).map((h) => {
    const oldLines = a.lines.slice(h.a0, h.a1);
    const newLines = b.lines.slice(h.b0, h.b1);
    // New lines go where the old ones were, or before the next unchanged line.
    const at = a.lines[h.a0]?.line ?? lineCount + 1;
    const lineEdits: Edit[] = [
      ...newLines.map((l): InsertEdit => ({
        op: 'insert',
        file,
        line: at,
        text: toLines[l.line - 1]!.trimEnd(),
      })),
      ...oldLines.map((l): DeleteEdit => ({ op: 'delete', file, line: l.line })),
    ];
    const range: Hunk = {
      a0: oldLines[0]?.first ?? 0,
      a1: oldLines[oldLines.length - 1]?.end ?? 0,
      b0: newLines[0]?.first ?? b.lines[h.b0]?.first ?? b.tokens.length,
      b1: newLines[newLines.length - 1]?.end ?? 0,
    };
    const tokenEdits = oldLines.length > 0 ? tokenOption(a, b, file, range, opts) : null;
    return { lineEdits, tokenEdits, useTokens: tokenEdits !== null };
  });
  const size = (c: (typeof choices)[number]): number =>
    c.useTokens ? c.tokenEdits!.length : c.lineEdits.length;
  const saving = (c: (typeof choices)[number]): number =>
    c.useTokens ? c.tokenEdits!.length - c.lineEdits.length : 0;
  // Token edits where possible; while too many, switch the stretch that saves most to lines.
  while (choices.reduce((n, c) => n + size(c), 0) > opts.maxEdits) {
    const best = choices.reduce<(typeof choices)[number] | null>(
      (top, c) => (saving(c) > 0 && (!top || saving(c) > saving(top)) ? c : top),
      null,
    );
    if (!best) return null;
    best.useTokens = false;
  }
  const edits = choices.flatMap((c) => (c.useTokens ? c.tokenEdits! : c.lineEdits));
  return edits.length > 0 && restores(from, edits, b) ? edits : null;
}
