import type { ExportNamedDeclaration, Identifier, Literal, Pattern } from 'acorn';
import { parseModule } from './parse';

/** One name brought in by an import: `imported` is 'default' or '*' for those forms. */
export interface ImportBinding {
  imported: string;
  local: string;
}

/** An `import ... from 'specifier'` statement (a bare `import 'x'` has no bindings). */
export interface ImportInfo {
  /** The module specifier, e.g. './vec.js'. */
  source: string;
  bindings: ImportBinding[];
  start: number;
  end: number;
}

/** How a name is exported. */
export type ExportKind = 'function' | 'class' | 'variable' | 'specifier' | 'default' | 're-export';

/** One exported name; `local` is the module-level binding it refers to, when there is one. */
export interface ExportInfo {
  exported: string;
  local: string | null;
  kind: ExportKind;
  /** The specifier of `export ... from 'x'`, else null. */
  from: string | null;
  start: number;
  end: number;
}

function nameOf(node: Identifier | Literal): string {
  return node.type === 'Identifier' ? node.name : String(node.value);
}

/** Lists static imports in source order. Throws on unparsable source. */
export function listImports(source: string): ImportInfo[] {
  const out: ImportInfo[] = [];
  for (const statement of parseModule(source).body) {
    if (statement.type !== 'ImportDeclaration') continue;
    const bindings = statement.specifiers.map((spec): ImportBinding => {
      if (spec.type === 'ImportDefaultSpecifier')
        return { imported: 'default', local: spec.local.name };
      if (spec.type === 'ImportNamespaceSpecifier')
        return { imported: '*', local: spec.local.name };
      return { imported: nameOf(spec.imported), local: spec.local.name };
    });
    out.push({
      source: String(statement.source.value),
      bindings,
      start: statement.start,
      end: statement.end,
    });
  }
  return out;
}

/** Binding names declared by a pattern such as `{ a, b: [c] }`. */
function patternNames(pattern: Pattern): string[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'ObjectPattern':
      return pattern.properties.flatMap((p) =>
        patternNames(p.type === 'RestElement' ? p : p.value),
      );
    case 'ArrayPattern':
      return pattern.elements.flatMap((e) => (e === null ? [] : patternNames(e)));
    case 'RestElement':
      return patternNames(pattern.argument);
    case 'AssignmentPattern':
      return patternNames(pattern.left);
    default:
      return [];
  }
}

function namedExports(statement: ExportNamedDeclaration): ExportInfo[] {
  const span = { start: statement.start, end: statement.end };
  const decl = statement.declaration;
  if (decl?.type === 'FunctionDeclaration' || decl?.type === 'ClassDeclaration') {
    const kind = decl.type === 'FunctionDeclaration' ? 'function' : 'class';
    return [{ exported: decl.id.name, local: decl.id.name, kind, from: null, ...span }];
  }
  if (decl?.type === 'VariableDeclaration') {
    return decl.declarations
      .flatMap((d) => patternNames(d.id))
      .map((name) => ({ exported: name, local: name, kind: 'variable', from: null, ...span }));
  }
  const from = statement.source ? String(statement.source.value) : null;
  return statement.specifiers.map((spec) => ({
    exported: nameOf(spec.exported),
    local: from === null ? nameOf(spec.local) : null,
    kind: from === null ? 'specifier' : 're-export',
    from,
    ...span,
  }));
}

/**
 * Lists exported names in source order. `export * from 'x'` gives exported '*';
 * `export * as ns from 'x'` gives 'ns'. Throws on unparsable source.
 */
export function listExports(source: string): ExportInfo[] {
  const out: ExportInfo[] = [];
  for (const statement of parseModule(source).body) {
    const span = { start: statement.start, end: statement.end };
    if (statement.type === 'ExportNamedDeclaration') {
      out.push(...namedExports(statement));
    } else if (statement.type === 'ExportDefaultDeclaration') {
      const decl = statement.declaration;
      const id = 'id' in decl && decl.id ? decl.id : null;
      const local = id !== null && id.type === 'Identifier' ? id.name : null;
      const ref = decl.type === 'Identifier' ? decl.name : local;
      out.push({ exported: 'default', local: ref, kind: 'default', from: null, ...span });
    } else if (statement.type === 'ExportAllDeclaration') {
      const exported = statement.exported ? nameOf(statement.exported) : '*';
      const from = String(statement.source.value);
      out.push({ exported, local: null, kind: 're-export', from, ...span });
    }
  }
  return out;
}
