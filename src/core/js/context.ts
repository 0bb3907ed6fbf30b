import type { JsToken } from './tokens';
import { firstTokenFrom } from './tokens';
import { isFunctionNode } from './scope';
import type { LooseNode } from './parse';

/** The parent of the node being visited, if any. */
export function parentOf(ancestors: readonly LooseNode[]): LooseNode | undefined {
  return ancestors[ancestors.length - 1];
}

function nameOfKey(key: unknown): string | undefined {
  const k = key as { type?: string; name?: string; value?: unknown } | null;
  if (k?.type === 'Identifier' || k?.type === 'PrivateIdentifier') return k.name;
  if (k?.type === 'Literal' && typeof k.value === 'string') return k.value;
  return undefined;
}

/** The name a function node is known by: its own id, or the variable, key or target it is bound to. */
function functionName(fn: LooseNode, parent: LooseNode | undefined): string | undefined {
  const id = nameOfKey(fn.id);
  if (id !== undefined) return id;
  if (!parent) return undefined;
  if (parent.type === 'VariableDeclarator' && parent.init === fn) return nameOfKey(parent.id);
  if (parent.type === 'AssignmentExpression' && parent.right === fn) return nameOfKey(parent.left);
  if (parent.type === 'Property' || parent.type === 'PropertyDefinition')
    return parent.computed ? undefined : nameOfKey(parent.key);
  return undefined;
}

/** The innermost enclosing function that has a name (anonymous callbacks are looked through). */
export function functionNameAt(ancestors: readonly LooseNode[]): string | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i] as LooseNode;
    if (!isFunctionNode(node)) continue;
    const parent = ancestors[i - 1];
    // Methods hang their FunctionExpression off a MethodDefinition key.
    if (parent?.type === 'MethodDefinition' && !parent.computed) {
      const key = nameOfKey(parent.key);
      if (key !== undefined) return key;
    }
    const name = functionName(node, parent);
    if (name !== undefined) return name;
  }
  return undefined;
}

/** True when `node` is the non-computed key of a property, method or class field. */
export function isPropertyKey(node: LooseNode, parent: LooseNode | undefined): boolean {
  if (!parent || parent.key !== node || parent.computed === true) return false;
  return (
    parent.type === 'Property' ||
    parent.type === 'MethodDefinition' ||
    parent.type === 'PropertyDefinition'
  );
}

/** Module plumbing that must never be mutated: import/export specifiers and module specifiers. */
export function isModuleSyntax(node: LooseNode, parent: LooseNode | undefined): boolean {
  switch (node.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportSpecifier':
    case 'ImportExpression':
      return true;
    default:
      return parent?.type === 'ExportNamedDeclaration' && parent.source === node;
  }
}

/** The first token in [from, to) whose text is `value` (e.g. a binary operator between operands). */
export function findToken(
  tokens: readonly JsToken[],
  from: number,
  to: number,
  value: string,
): JsToken | undefined {
  for (let i = firstTokenFrom(tokens, from); i < tokens.length; i++) {
    const token = tokens[i] as JsToken;
    if (token.start >= to) return undefined;
    if (token.value === value) return token;
  }
  return undefined;
}

/** Source text squeezed onto one line and shortened for descriptions. */
export function snippet(text: string, max = 48): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 3)}...`;
}
