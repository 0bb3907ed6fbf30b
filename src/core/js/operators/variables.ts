import type { Candidate, OperatorFn } from '../mutationTypes';
import { isPropertyKey, parentOf } from '../context';
import type { LooseNode } from '../parse';
import type { Binding, BindingKind } from '../scope';

const CANDIDATE_KINDS: ReadonlySet<BindingKind> = new Set(['param', 'var', 'let', 'const']);
const NEVER_REFERENCES = new Set([
  'VariableDeclarator',
  'ArrayPattern',
  'ObjectPattern',
  'RestElement',
  'LabeledStatement',
  'BreakStatement',
  'ContinueStatement',
  'CatchClause',
  'ClassDeclaration',
  'ClassExpression',
  'MetaProperty',
  'ImportSpecifier',
  'ImportDefaultSpecifier',
  'ImportNamespaceSpecifier',
  'ExportSpecifier',
]);

/** True when the identifier is read as a value (not declared, written, or used as a name). */
function isRead(node: LooseNode, ancestors: readonly LooseNode[]): boolean {
  const parent = parentOf(ancestors);
  if (!parent) return false;
  if (NEVER_REFERENCES.has(parent.type)) {
    // `const a = b`: only the initialiser is a read.
    return parent.type === 'VariableDeclarator' && parent.init === node;
  }
  if (isPropertyKey(node, parent)) return false;
  if (parent.type === 'Property' && parent.shorthand === true) return false;
  if (parent.type === 'Property' && ancestors[ancestors.length - 2]?.type === 'ObjectPattern')
    return false;
  switch (parent.type) {
    case 'MemberExpression':
      return parent.object === node || parent.computed === true;
    case 'AssignmentExpression':
    case 'AssignmentPattern':
      return parent.right === node;
    case 'UpdateExpression':
      return false;
    case 'ForInStatement':
    case 'ForOfStatement':
      return parent.right === node;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return parent.body === node;
    default:
      return true;
  }
}

/**
 * Replaces a read of a local variable with another param or variable of the same function that is
 * declared before the read and visible there (not shadowed).
 */
export const wrongVariable: OperatorFn = ({ node, ancestors, scope }) => {
  if (node.type !== 'Identifier' || !isRead(node, ancestors)) return [];
  const name = node.name as string;
  const own = scope.resolve(name, node.start);
  if (own?.owner == null || !CANDIDATE_KINDS.has(own.kind)) return [];
  const picked = new Set<string>();
  const out: Candidate[] = [];
  for (const other of scope.bindings) {
    if (!usable(other, own, node.start) || picked.has(other.name)) continue;
    if (scope.resolve(other.name, node.start) !== other) continue;
    picked.add(other.name);
    out.push({
      operator: 'wrong-variable',
      start: node.start,
      end: node.end,
      replacement: other.name,
      what: `replaced \`${name}\` with \`${other.name}\``,
    });
  }
  return out;
};

function usable(other: Binding, own: Binding, at: number): boolean {
  return (
    other.owner === own.owner &&
    other.name !== own.name &&
    CANDIDATE_KINDS.has(other.kind) &&
    other.declaredAt <= at &&
    other.scopeStart <= at &&
    at < other.scopeEnd
  );
}
