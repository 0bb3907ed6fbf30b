import type { Pattern } from 'acorn';
import { walk, type LooseNode } from './parse';

/** How a name is bound; only params and variables are candidates for `wrong-variable`. */
export type BindingKind = 'param' | 'var' | 'let' | 'const' | 'function' | 'class' | 'catch';

/** A declared name and the source range where it is visible. */
export interface Binding {
  name: string;
  kind: BindingKind;
  /** The innermost function that declares it; null at module level. */
  owner: LooseNode | null;
  scopeStart: number;
  scopeEnd: number;
  /** Offset from which reading it is meaningful (after its declarator; a function's start). */
  declaredAt: number;
}

/** All bindings of a module, with lexical lookup by position. */
export interface ScopeIndex {
  bindings: readonly Binding[];
  /** The innermost binding of `name` whose scope contains `offset`. */
  resolve(name: string, offset: number): Binding | undefined;
}

const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
]);
const BLOCK_TYPES = new Set([
  'BlockStatement',
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'SwitchStatement',
  'StaticBlock',
  'Program',
]);

/** True for the three kinds of function node. */
export function isFunctionNode(node: LooseNode): boolean {
  return FUNCTION_TYPES.has(node.type);
}

/** The identifiers a binding pattern declares (`{ a, b: [c = 1], ...d }` gives a, c, d). */
export function patternIdentifiers(pattern: Pattern): { name: string; start: number }[] {
  switch (pattern.type) {
    case 'Identifier':
      return [{ name: pattern.name, start: pattern.start }];
    case 'ObjectPattern':
      return pattern.properties.flatMap((p) =>
        patternIdentifiers(p.type === 'RestElement' ? p : p.value),
      );
    case 'ArrayPattern':
      return pattern.elements.flatMap((e) => (e === null ? [] : patternIdentifiers(e)));
    case 'RestElement':
      return patternIdentifiers(pattern.argument);
    case 'AssignmentPattern':
      return patternIdentifiers(pattern.left);
    default:
      return [];
  }
}

function nearest(
  ancestors: readonly LooseNode[],
  test: (n: LooseNode) => boolean,
): LooseNode | null {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i] as LooseNode;
    if (test(node)) return node;
  }
  return null;
}

function collect(node: LooseNode, ancestors: readonly LooseNode[], out: Binding[]): void {
  const owner = nearest(ancestors, isFunctionNode);
  const block = nearest(ancestors, (n) => BLOCK_TYPES.has(n.type));
  const add = (name: string, kind: BindingKind, scope: LooseNode, declaredAt: number, o = owner) =>
    out.push({ name, kind, owner: o, scopeStart: scope.start, scopeEnd: scope.end, declaredAt });
  if (isFunctionNode(node)) {
    for (const param of node.params as Pattern[])
      for (const id of patternIdentifiers(param)) add(id.name, 'param', node, node.start, node);
    const id = node.id as { name: string } | null | undefined;
    if (id && node.type === 'FunctionExpression') add(id.name, 'function', node, node.start, node);
    if (id && node.type === 'FunctionDeclaration' && block) add(id.name, 'function', block, 0);
  } else if (node.type === 'VariableDeclaration') {
    const kind = node.kind as 'var' | 'let' | 'const';
    const scope = kind === 'var' ? (owner ?? ancestors[0]) : block;
    if (!scope) return;
    for (const d of node.declarations as { id: Pattern; end: number }[])
      for (const id of patternIdentifiers(d.id)) add(id.name, kind, scope, d.end);
  } else if (node.type === 'CatchClause' && node.param) {
    for (const id of patternIdentifiers(node.param as Pattern))
      add(id.name, 'catch', node, node.start);
  } else if (node.type === 'ClassDeclaration' && node.id && block) {
    add((node.id as { name: string }).name, 'class', block, node.start);
  }
}

/** Builds the scope index of a parsed module. */
export function buildScopeIndex(program: LooseNode): ScopeIndex {
  const bindings: Binding[] = [];
  walk(program, (node, ancestors) => collect(node, ancestors, bindings));
  const byName = new Map<string, Binding[]>();
  for (const b of bindings) byName.set(b.name, [...(byName.get(b.name) ?? []), b]);
  return {
    bindings,
    resolve(name, offset) {
      let best: Binding | undefined;
      for (const b of byName.get(name) ?? []) {
        if (offset < b.scopeStart || offset >= b.scopeEnd) continue;
        // Innermost wins; on a tie (a var re-declaring a param) the first declaration stays.
        if (!best || b.scopeEnd - b.scopeStart < best.scopeEnd - best.scopeStart) best = b;
      }
      return best;
    },
  };
}
