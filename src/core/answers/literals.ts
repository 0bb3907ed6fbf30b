import { parseExpressionAt, type Expression, type Node } from 'acorn';

const GLOBAL_VALUES = new Set(['undefined', 'NaN', 'Infinity']);

/** True when an expression is a plain data literal (numbers, strings, arrays, objects...). */
export function isDataLiteral(node: Node): boolean {
  const n = node as Expression;
  switch (n.type) {
    case 'Literal':
      return !('regex' in n && n.regex);
    case 'Identifier':
      return GLOBAL_VALUES.has(n.name);
    case 'UnaryExpression':
      return (n.operator === '-' || n.operator === '+') && isDataLiteral(n.argument);
    case 'TemplateLiteral':
      return n.expressions.length === 0;
    case 'ArrayExpression':
      return n.elements.every((e) => e !== null && e.type !== 'SpreadElement' && isDataLiteral(e));
    case 'ObjectExpression':
      return n.properties.every(
        (p) =>
          p.type === 'Property' &&
          !p.computed &&
          p.kind === 'init' &&
          !p.method &&
          isDataLiteral(p.value),
      );
    default:
      return false;
  }
}

/** A call like `fn(1, 'a', [2])` split into its callee name and argument sources. */
export interface ParsedCall {
  fn: string;
  args: string[];
  /** Index just after the closing parenthesis. */
  end: number;
}

/**
 * Parses `fn(args...)` at the start of `text`; every argument must be a data literal.
 * Throws a message that names the offending argument.
 */
export function parseLiteralCall(text: string): ParsedCall {
  let expr: Node;
  try {
    expr = parseExpressionAt(text, 0, { ecmaVersion: 'latest' });
  } catch (error) {
    throw new Error(`cannot read the call: ${(error as Error).message}`);
  }
  const call = expr as Expression;
  if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier') {
    throw new Error('expected a call of a named function, like clamp(5, 0, 3)');
  }
  const args = call.arguments.map((a, i) => {
    if (a.type === 'SpreadElement' || !isDataLiteral(a)) {
      throw new Error(
        `argument ${i + 1} is not a literal value (numbers, strings, arrays, objects)`,
      );
    }
    return text.slice(a.start, a.end);
  });
  return { fn: call.callee.name, args, end: call.end };
}

/** Checks that `text` is exactly one data literal; returns it trimmed. */
export function parseLiteral(text: string): string {
  const trimmed = text.trim();
  let expr: Node;
  try {
    expr = parseExpressionAt(trimmed, 0, { ecmaVersion: 'latest' });
  } catch (error) {
    throw new Error(`cannot read the value: ${(error as Error).message}`);
  }
  if (expr.end !== trimmed.length || !isDataLiteral(expr)) {
    throw new Error(`"${trimmed}" is not a single literal value`);
  }
  return trimmed;
}
