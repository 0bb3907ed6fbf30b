import { tokenizer, tokTypes, type Token, type TokenType } from 'acorn';
import { PARSE_OPTIONS } from './parse';

/** Coarse token classes; `punct` covers operators, brackets and template delimiters. */
export type JsTokenType =
  'name' | 'privateName' | 'keyword' | 'num' | 'string' | 'template' | 'regexp' | 'punct';

/** One lexical token of JavaScript source. Comments and whitespace are not tokens. */
export interface JsToken {
  type: JsTokenType;
  /** The exact source text of the token (`source.slice(start, end)`). */
  value: string;
  start: number;
  end: number;
  /** 1-based line of the first character. */
  line: number;
  /** 0-based column (UTF-16 code units) of the first character. */
  col: number;
}

function classify(type: TokenType): JsTokenType {
  if (type === tokTypes.name) return 'name';
  if (type === tokTypes.privateId) return 'privateName';
  if (type === tokTypes.num) return 'num';
  if (type === tokTypes.string) return 'string';
  if (type === tokTypes.regexp) return 'regexp';
  if (type === tokTypes.template || type === tokTypes.invalidTemplate) return 'template';
  if (type.keyword !== undefined) return 'keyword';
  return 'punct';
}

/** Converts acorn tokens; zero-width ones (empty template chunks, end of input) are dropped. */
export function fromAcornTokens(source: string, raw: Iterable<Token>): JsToken[] {
  const out: JsToken[] = [];
  for (const token of raw) {
    if (token.end === token.start) continue;
    const loc = token.loc?.start;
    out.push({
      type: classify(token.type),
      value: source.slice(token.start, token.end),
      start: token.start,
      end: token.end,
      line: loc?.line ?? 0,
      col: loc?.column ?? 0,
    });
  }
  return out;
}

/**
 * Splits module source into tokens with acorn's tokenizer (ecmaVersion latest, module). A template
 * literal yields its delimiters (`` ` ``, `${`, `}`) as punct and each non-empty text chunk as a
 * `template` token; empty chunks are dropped because a zero-width token cannot be edited.
 * Throws acorn's SyntaxError on text that cannot be tokenized (e.g. an unterminated string).
 */
export function tokenize(source: string): JsToken[] {
  return fromAcornTokens(source, tokenizer(source, PARSE_OPTIONS) as Iterable<Token>);
}

/** Like `tokenize`, but returns null instead of throwing on untokenizable text. */
export function tryTokenize(source: string): JsToken[] | null {
  try {
    return tokenize(source);
  } catch {
    return null;
  }
}

/**
 * Replaces the token at `index` (of `tokens`, which must come from `tokenize(source)`) with `text`,
 * keeping every other character of `source` unchanged.
 */
export function replaceToken(
  source: string,
  tokens: readonly JsToken[],
  index: number,
  text: string,
): string {
  const token = tokens[index];
  if (!Number.isInteger(index) || token === undefined) {
    throw new RangeError(`token index ${index} is out of range (0..${tokens.length - 1})`);
  }
  return source.slice(0, token.start) + text + source.slice(token.end);
}

/** Index of the token that starts exactly at `offset`, or -1 (binary search; tokens are sorted). */
export function tokenIndexAt(tokens: readonly Pick<JsToken, 'start'>[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = (tokens[mid] as JsToken).start;
    if (start === offset) return mid;
    if (start < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Index of the first token starting at or after `offset` (tokens.length when none). */
export function firstTokenFrom(tokens: readonly Pick<JsToken, 'start'>[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as JsToken).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
