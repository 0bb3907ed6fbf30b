import type {
  Candidate,
  LineInsert,
  Mutation,
  MutationOperator,
  OperatorContext,
} from './mutationTypes';
import { MUTATION_OPERATORS } from './mutationTypes';
import { functionNameAt, isModuleSyntax, isPropertyKey, parentOf } from './context';
import { OPERATORS } from './operators';
import { parseModule, walk, type LooseNode } from './parse';
import { buildScopeIndex } from './scope';
import { lineOf, singleTokenEdits } from './tokenEdits';
import { tokenize, type JsToken } from './tokens';
import { checkMutant, type StatementSpans } from './validate';
import { hashString } from '../rng';

/** Options for `findMutations`. */
export interface FindMutationsOptions {
  /** Only mutations whose span lies inside [start, end) (e.g. one function). */
  within?: { start: number; end: number };
  /** Only these operator families (all when omitted). */
  operators?: readonly MutationOperator[];
}

/** Applies a mutation to the source it was found in; all text outside its span is unchanged. */
export function applyMutation(
  source: string,
  m: Pick<Mutation, 'start' | 'end' | 'replacement'>,
): string {
  if (m.start < 0 || m.end < m.start || m.end > source.length)
    throw new RangeError(`mutation span ${m.start}..${m.end} is outside the source`);
  return source.slice(0, m.start) + m.replacement + source.slice(m.end);
}

/**
 * Inserts `insert.text` and a line break before line `insert.line` (1-based, `\n`-counted).
 * One past the last line of a source that does not end in a line break appends a new last line.
 */
export function applyLineInsert(source: string, insert: LineInsert): string {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  const at = starts[insert.line - 1];
  if (at !== undefined) return source.slice(0, at) + insert.text + '\n' + source.slice(at);
  if (insert.line - 1 === starts.length) return source + '\n' + insert.text;
  throw new RangeError(`line ${insert.line} is past the end of the source`);
}

interface Located extends Candidate {
  functionName: string | undefined;
}

function collectCandidates(
  source: string,
  tokens: readonly JsToken[],
  program: LooseNode,
): Located[] {
  const scope = buildScopeIndex(program);
  const out: Located[] = [];
  walk(program, (node, ancestors) => {
    const parent = parentOf(ancestors);
    if (isModuleSyntax(node, parent) || isPropertyKey(node, parent)) return false;
    const ctx: OperatorContext = { source, tokens, node, ancestors, scope };
    const functionName = functionNameAt(ancestors);
    for (const op of OPERATORS) for (const c of op(ctx)) out.push({ ...c, functionName });
  });
  return out;
}

const RANK = new Map(MUTATION_OPERATORS.map((name, i) => [name, i]));

function compare(a: Candidate, b: Candidate): number {
  return (
    a.start - b.start ||
    a.end - b.end ||
    (RANK.get(a.operator) ?? 0) - (RANK.get(b.operator) ?? 0) ||
    (a.replacement < b.replacement ? -1 : a.replacement > b.replacement ? 1 : 0)
  );
}

function mutationId(c: Candidate): string {
  if (c.replacement === '') return `${c.operator}@${c.start}-${c.end}`;
  const short = c.replacement.length <= 32 && !/\s/.test(c.replacement);
  const label = short ? c.replacement : `${c.end}#${hashString(c.replacement).toString(36)}`;
  return `${c.operator}@${c.start}:${label}`;
}

function build(
  source: string,
  tokens: readonly JsToken[],
  statements: StatementSpans,
  c: Located,
): Mutation | null {
  const original = source.slice(c.start, c.end);
  if (original === c.replacement) return null;
  const checked = checkMutant(source, tokens, statements, c);
  if (checked === null) return null;
  // Deletions start at the line break or indentation before the statement.
  const line = lineOf(source, c.start + original.length - original.trimStart().length);
  const where = c.functionName === undefined ? 'at top level' : `in ${c.functionName}`;
  const m: Mutation = {
    id: mutationId(c),
    operator: c.operator,
    start: c.start,
    end: c.end,
    original,
    replacement: c.replacement,
    line,
    description: `${c.what} ${where}, line ${line}`,
  };
  if (c.functionName !== undefined) m.functionName = c.functionName;
  if (checked !== 'module') Object.assign(m, singleTokenEdits(checked, c));
  if (c.operator === 'remove-guard' || c.operator === 'remove-statement')
    m.fixLineInsert = lineInsertFor(source, c);
  return m;
}

/** The removed lines, restored by inserting them where they were (see `wholeLineSpan`). */
function lineInsertFor(source: string, c: Candidate): LineInsert {
  const leadingBreak = source[c.start] === '\n' && c.end === source.length;
  const start = leadingBreak ? c.start + 1 : c.start;
  const end = leadingBreak ? c.end : c.end - 1;
  return { line: lineOf(source, start), text: source.slice(start, end) };
}

/**
 * Every candidate mutation of a module, sorted by position, then operator family, then
 * replacement; only those whose mutant still parses. Throws if `source` itself does not parse.
 * Test files should not be passed in: the caller decides which modules are code under test.
 */
export function findMutations(source: string, opts: FindMutationsOptions = {}): Mutation[] {
  const tokens = tokenize(source);
  const program = parseModule(source);
  const { within } = opts;
  const families = opts.operators ? new Set(opts.operators) : undefined;
  const seen = new Set<string>();
  const out: Mutation[] = [];
  const candidates = collectCandidates(source, tokens, program as unknown as LooseNode);
  for (const c of candidates.sort(compare)) {
    if (within && (c.start < within.start || c.end > within.end)) continue;
    if (families && !families.has(c.operator)) continue;
    const id = mutationId(c);
    if (seen.has(id)) continue;
    seen.add(id);
    const m = build(source, tokens, program.body, c);
    if (m !== null) out.push(m);
  }
  return out;
}
