import type { Candidate, TokenEdit } from './mutationTypes';
import { tokenIndexAt, type JsToken } from './tokens';
import type { StatementTokens } from './validate';

/** 1-based line of `offset`, counting `\n` (the convention of line inserts). */
export function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1))
    line++;
  return line;
}

function same(a: JsToken, b: JsToken, shift: number): boolean {
  return a.value === b.value && a.type === b.type && a.start + shift === b.start;
}

/**
 * When the candidate swaps exactly one whole token for exactly one token (all other tokens of the
 * statement keep their text and type), the forward and fix edits as module token indices.
 */
export function singleTokenEdits(
  { offset, before, after }: StatementTokens,
  c: Pick<Candidate, 'start' | 'end' | 'replacement'>,
): { tokenEdit: TokenEdit; fixTokenEdit: TokenEdit } | Record<string, never> {
  const index = tokenIndexAt(before, c.start);
  const original = before[index];
  const changed = after[index];
  if (original === undefined || original.end !== c.end || after.length !== before.length) return {};
  if (changed === undefined || changed.start !== c.start || changed.value !== c.replacement)
    return {};
  const shift = c.replacement.length - (c.end - c.start);
  for (let i = 0; i < before.length; i++) {
    if (i !== index && !same(before[i] as JsToken, after[i] as JsToken, i < index ? 0 : shift))
      return {};
  }
  const tokenIndex = offset + index;
  return {
    tokenEdit: { tokenIndex, original: original.value, replacement: c.replacement },
    fixTokenEdit: { tokenIndex, original: c.replacement, replacement: original.value },
  };
}
