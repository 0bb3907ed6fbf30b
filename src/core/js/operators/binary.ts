import type { Candidate, MutationOperator, OperatorContext, OperatorFn } from '../mutationTypes';
import { findToken } from '../context';
import type { JsToken } from '../tokens';

type SwapTable = Readonly<Record<string, readonly string[]>>;

const ARITHMETIC: SwapTable = { '+': ['-'], '-': ['+'], '*': ['/'], '/': ['*'], '%': ['*'] };
const EQUALITY: SwapTable = { '===': ['!=='], '!==': ['==='], '==': ['!='], '!=': ['=='] };
// Both the boundary shift (< vs <=) and the flip (< vs >=), as Stryker's equality mutator does.
const RELATIONAL: SwapTable = {
  '<': ['<=', '>='],
  '<=': ['<', '>'],
  '>': ['>=', '<='],
  '>=': ['>', '<'],
};
const LOGICAL: SwapTable = { '&&': ['||'], '||': ['&&', '??'], '??': ['||'] };
const UPDATE: SwapTable = { '++': ['--'], '--': ['++'] };
const ASSIGNMENT: SwapTable = {
  '+=': ['-='],
  '-=': ['+='],
  '*=': ['/='],
  '/=': ['*='],
  '&&=': ['||='],
  '||=': ['&&='],
};

function swaps(operator: MutationOperator, token: JsToken, table: SwapTable): Candidate[] {
  return (table[token.value] ?? []).map((replacement) => ({
    operator,
    start: token.start,
    end: token.end,
    replacement,
    what: `changed \`${token.value}\` to \`${replacement}\``,
  }));
}

/** The operator token between the two operands of a binary, logical or assignment node. */
function infixToken(ctx: OperatorContext): JsToken | undefined {
  const { node, tokens } = ctx;
  const left = node.left as { end: number };
  const right = node.right as { start: number };
  return findToken(tokens, left.end, right.start, node.operator as string);
}

function binaryFamily(type: string, operator: MutationOperator, table: SwapTable): OperatorFn {
  return (ctx) => {
    if (ctx.node.type !== type || !((ctx.node.operator as string) in table)) return [];
    const token = infixToken(ctx);
    return token ? swaps(operator, token, table) : [];
  };
}

/** `+ - * / %` swaps. */
export const arithmetic = binaryFamily('BinaryExpression', 'arithmetic', ARITHMETIC);
/** `=== !==` and `== !=` swaps. */
export const equality = binaryFamily('BinaryExpression', 'equality', EQUALITY);
/** `< <= > >=`: boundary shifts and flips. */
export const relational = binaryFamily('BinaryExpression', 'relational', RELATIONAL);
/** `&& ||` and `?? ||` swaps. */
export const logical = binaryFamily('LogicalExpression', 'logical', LOGICAL);
/** `+= -=` (and `*= /=`, `&&= ||=`) swaps. */
export const assignment = binaryFamily('AssignmentExpression', 'assignment', ASSIGNMENT);

/** `++ <-> --`, prefix or postfix. */
export const update: OperatorFn = (ctx) => {
  const { node, tokens } = ctx;
  if (node.type !== 'UpdateExpression') return [];
  const op = node.operator as string;
  const argument = node.argument as { start: number; end: number };
  const token = node.prefix
    ? findToken(tokens, node.start, argument.start, op)
    : findToken(tokens, argument.end, node.end, op);
  return token ? swaps('update', token, UPDATE) : [];
};
