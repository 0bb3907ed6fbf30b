import { parse, type Node, type Options, type Program, type Token } from 'acorn';

/** The one set of acorn options used everywhere, so tokens and nodes agree on offsets. */
export const PARSE_OPTIONS: Options = {
  ecmaVersion: 'latest',
  sourceType: 'module',
  locations: true,
};

/** Parses an ES module; throws acorn's SyntaxError when the source does not parse. */
export function parseModule(source: string): Program {
  return parse(source, PARSE_OPTIONS);
}

/** True when `source` parses as an ES module. */
export function canParse(source: string): boolean {
  return parseTokens(source) !== null;
}

/**
 * Parses without locations and returns acorn's raw tokens (the same stream `tokenize` reads, end
 * token included), or null when the source does not parse. One pass serves both checks.
 */
export function parseTokens(source: string): Token[] | null {
  const tokens: Token[] = [];
  try {
    parse(source, { ecmaVersion: 'latest', sourceType: 'module', onToken: tokens });
    return tokens;
  } catch {
    return null;
  }
}

/** Any ESTree node, seen through its `type` tag and untyped fields for generic traversal. */
export type LooseNode = Node & Record<string, unknown>;

const SKIPPED_KEYS = new Set(['type', 'start', 'end', 'loc', 'range']);

function isNode(value: unknown): value is LooseNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    typeof (value as { start?: unknown }).start === 'number'
  );
}

/** The direct child nodes of `node`, in source-field order (acorn sets fields in source order). */
export function childNodes(node: Node): LooseNode[] {
  const out: LooseNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (SKIPPED_KEYS.has(key)) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) out.push(item);
    } else if (isNode(value)) {
      out.push(value);
    }
  }
  return out;
}

/**
 * Depth-first pre-order walk. `ancestors` runs from the root to the parent of `node` (the array is
 * reused, so copy it to keep it). Returning false from `enter` skips the node's children.
 */
export function walk(
  root: Node,
  enter: (node: LooseNode, ancestors: readonly LooseNode[]) => boolean | void,
): void {
  const ancestors: LooseNode[] = [];
  const visit = (node: LooseNode): void => {
    if (enter(node, ancestors) === false) return;
    ancestors.push(node);
    for (const child of childNodes(node)) visit(child);
    ancestors.pop();
  };
  visit(root as LooseNode);
}

/** The source text a node covers. */
export function textOf(source: string, node: { start: number; end: number }): string {
  return source.slice(node.start, node.end);
}
