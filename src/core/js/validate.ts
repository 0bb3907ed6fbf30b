import type { Candidate } from './mutationTypes';
import { parseTokens } from './parse';
import { firstTokenFrom, fromAcornTokens, tokenIndexAt, type JsToken } from './tokens';

/** Top-level statement spans of the original module, in order. */
export type StatementSpans = readonly { start: number; end: number }[];

function enclosing(statements: StatementSpans, start: number, end: number) {
  let lo = 0;
  let hi = statements.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = statements[mid] as { start: number; end: number };
    if (s.end <= start) lo = mid + 1;
    else if (s.start > start) hi = mid - 1;
    else return end <= s.end ? s : undefined;
  }
  return undefined;
}

/** Original and mutated tokens of the one statement a mutation touched (file offsets). */
export interface StatementTokens {
  /** Index in the module's tokens of the statement's first token. */
  offset: number;
  before: readonly JsToken[];
  after: readonly JsToken[];
}

/**
 * Families whose replacement is a token of the same class as the one it replaces, in a position
 * where any token of that class is valid: a read of a variable, a member name, a string or boolean
 * literal (module specifiers, directives and keys are never mutated). Their mutants always parse
 * and tokenize the same apart from that token, so parsing them again would only cost time.
 */
const SAME_CLASS: Readonly<Record<string, JsToken['type']>> = {
  'wrong-variable': 'name',
  'method-swap': 'name',
  'literal-string': 'string',
  'literal-boolean': 'keyword',
};

function sameClassSwap(tokens: readonly JsToken[], c: Candidate): StatementTokens | null {
  const type = SAME_CLASS[c.operator];
  const offset = tokenIndexAt(tokens, c.start);
  const token = tokens[offset];
  if (type === undefined || token?.end !== c.end || token.type !== type) return null;
  const after = { ...token, value: c.replacement, end: c.start + c.replacement.length };
  return { offset, before: [token], after: [after] };
}

/**
 * Checks that the mutant parses. Same-class token swaps need no parse (see SAME_CLASS). A
 * mutation inside one top-level statement only re-parses that
 * statement: statements start in the same tokenizer state and no operator turns a complete
 * statement into one that runs on, so the rest of the module is unaffected. Deletions join their
 * neighbours and so re-parse the whole module. Returns null when the mutant does not parse,
 * 'module' after a whole-module check, else the statement's tokens before and after.
 */
export function checkMutant(
  source: string,
  tokens: readonly JsToken[],
  statements: StatementSpans,
  c: Candidate,
): StatementTokens | 'module' | null {
  const swapped = sameClassSwap(tokens, c);
  if (swapped !== null) return swapped;
  const statement = c.replacement === '' ? undefined : enclosing(statements, c.start, c.end);
  if (statement === undefined) {
    const mutated = source.slice(0, c.start) + c.replacement + source.slice(c.end);
    return parseTokens(mutated) === null ? null : 'module';
  }
  const text =
    source.slice(statement.start, c.start) + c.replacement + source.slice(c.end, statement.end);
  const raw = parseTokens(text);
  if (raw === null) return null;
  const offset = firstTokenFrom(tokens, statement.start);
  const before = tokens.slice(offset, firstTokenFrom(tokens, statement.end));
  const after = fromAcornTokens(text, raw).map((t) => ({
    ...t,
    start: t.start + statement.start,
    end: t.end + statement.start,
  }));
  return { offset, before, after };
}
