import type { ReplaceEdit } from '../answers/types';
import { tokenize } from '../js/tokens';

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
