import { parse, type Node } from 'acorn';
import { isDataLiteral } from '../answers/literals';

/** A call with literal arguments found in code: `fn(1, 'a')`. */
export interface LiteralCall {
  fn: string;
  args: string[];
}

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const value of Object.values(node as unknown as Record<string, unknown>)) {
    if (Array.isArray(value)) {
      for (const v of value) if (v && typeof (v as Node).type === 'string') out.push(v as Node);
    } else if (value && typeof (value as Node).type === 'string') {
      out.push(value as Node);
    }
  }
  return out;
}

/**
 * Every call of one of `names` whose arguments are all data literals, in source order. Used to
 * collect realistic inputs from reference tests and doc examples.
 */
export function findLiteralCalls(source: string, names: ReadonlySet<string>): LiteralCall[] {
  let root: Node;
  try {
    root = parse(source, { ecmaVersion: 'latest', sourceType: 'module' });
  } catch {
    return [];
  }
  const found: LiteralCall[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'CallExpression') {
      const call = node as unknown as { callee: Node & { name?: string }; arguments: Node[] };
      if (
        call.callee.type === 'Identifier' &&
        names.has(call.callee.name ?? '') &&
        call.arguments.every((a) => a.type !== 'SpreadElement' && isDataLiteral(a))
      ) {
        found.push({
          fn: call.callee.name!,
          args: call.arguments.map((a) => source.slice(a.start, a.end)),
        });
      }
    }
    stack.push(...children(node).reverse());
  }
  return found;
}
