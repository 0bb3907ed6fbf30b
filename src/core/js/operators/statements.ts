import type { Candidate, OperatorContext, OperatorFn } from '../mutationTypes';
import { firstTokenFrom, type JsToken } from '../tokens';
import { parentOf, snippet } from '../context';
import type { LooseNode } from '../parse';

const STATEMENT_LISTS = new Set(['BlockStatement', 'Program', 'SwitchCase', 'StaticBlock']);
const EXITS = new Set(['ReturnStatement', 'ThrowStatement']);
const EFFECTS = new Set([
  'AssignmentExpression',
  'UpdateExpression',
  'CallExpression',
  'AwaitExpression',
  'ChainExpression',
]);

/**
 * The span of the whole lines a statement occupies (a trailing `//` comment may share its last
 * line), including one line break so no blank line is left behind; null when other code shares
 * those lines, or when the statement is alone in a file with no line break.
 */
export function wholeLineSpan(
  source: string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  if (source.slice(lineStart, start).trim() !== '') return null;
  const newline = source.indexOf('\n', end);
  const lineEnd = newline === -1 ? source.length : newline;
  if (!/^\s*(\/\/.*)?$/.test(source.slice(end, lineEnd))) return null;
  if (newline !== -1) return { start: lineStart, end: newline + 1 };
  // On a last line without a line break, take the break before it instead.
  return lineStart > 0 ? { start: lineStart - 1, end: source.length } : null;
}

/** Tokens that can continue the previous line's expression when no semicolon ends it. */
const CONTINUERS = new Set(['(', '[', '`', '+', '-']);

/**
 * True when deleting [start, end) would let the statement before it run on into the one after
 * (`a = b` + `(c)` reads as `a = b(c)`), i.e. the code is written without semicolons.
 */
function joinsNeighbours(tokens: readonly JsToken[], start: number, end: number): boolean {
  const next = tokens[firstTokenFrom(tokens, end)];
  const previous = tokens[firstTokenFrom(tokens, start) - 1];
  if (next === undefined || previous === undefined) return false;
  if (!CONTINUERS.has(next.value) && next.type !== 'regexp') return false;
  return previous.value !== ';' && previous.value !== '{';
}

function removal(
  ctx: OperatorContext,
  operator: 'remove-guard' | 'remove-statement',
  label: string,
): Candidate[] {
  const { node, source } = ctx;
  if (!STATEMENT_LISTS.has(parentOf(ctx.ancestors)?.type ?? '')) return [];
  const span = wholeLineSpan(source, node.start, node.end);
  if (span === null || joinsNeighbours(ctx.tokens, span.start, span.end)) return [];
  const text = snippet(source.slice(node.start, node.end), 60);
  return [{ operator, ...span, replacement: '', what: `removed the ${label} \`${text}\`` }];
}

function exits(statement: LooseNode): boolean {
  if (EXITS.has(statement.type)) return true;
  if (statement.type !== 'BlockStatement') return false;
  const body = statement.body as LooseNode[];
  const last = body[body.length - 1];
  return last !== undefined && EXITS.has(last.type);
}

/** Deletes an `if (...)` without else whose consequent returns or throws: an early-exit guard. */
export const removeGuard: OperatorFn = (ctx) => {
  const { node } = ctx;
  if (node.type !== 'IfStatement' || node.alternate) return [];
  if (!exits(node.consequent as LooseNode)) return [];
  return removal(ctx, 'remove-guard', 'guard');
};

/** Deletes a side-effect statement: an assignment, update or call on lines of its own. */
export const removeStatement: OperatorFn = (ctx) => {
  const { node } = ctx;
  if (node.type !== 'ExpressionStatement' || typeof node.directive === 'string') return [];
  if (!EFFECTS.has((node.expression as LooseNode).type)) return [];
  return removal(ctx, 'remove-statement', 'statement');
};
