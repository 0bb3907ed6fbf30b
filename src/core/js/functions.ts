import { parse, type Comment, type Node, type Pattern, type Program, type Statement } from 'acorn';
import type { ModuleDeclaration, VariableDeclarator } from 'acorn';
import { jsdocBefore, parseExamples, type JsDocExample } from './jsdoc';
import { PARSE_OPTIONS, textOf } from './parse';

/** A top-level function of a module: a declaration or a `const f = () => ...` binding. */
export interface FunctionInfo {
  name: string;
  /** Exported by `export function`, `export const`, `export default` or `export { name }`. */
  exported: boolean;
  /** Span of the declaring statement (with `export`), or of the declarator when it has siblings. */
  start: number;
  end: number;
  /** 1-based lines of that span. */
  startLine: number;
  endLine: number;
  /** Each parameter's source text, e.g. `digits = 0` or `...rest`. */
  params: string[];
  /** The `/** *\/` block right before the statement, verbatim. */
  jsdoc?: string;
  /** `@example call // => expected` pairs from the JSDoc. */
  examples: JsDocExample[];
}

interface Found {
  name: string;
  exported: boolean;
  span: Node;
  docAt: number;
  params: Pattern[];
}

function isFunctionInit(node: Node | null | undefined): node is Node & { params: Pattern[] } {
  return node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression';
}

function fromDeclarators(
  statement: Node,
  declarators: VariableDeclarator[],
  exported: boolean,
): Found[] {
  const out: Found[] = [];
  for (const d of declarators) {
    if (d.id.type !== 'Identifier' || !isFunctionInit(d.init)) continue;
    const span = declarators.length === 1 ? statement : d;
    out.push({ name: d.id.name, exported, span, docAt: statement.start, params: d.init.params });
  }
  return out;
}

function fromStatement(statement: Statement | ModuleDeclaration): Found[] {
  switch (statement.type) {
    case 'FunctionDeclaration': {
      const { id, params } = statement;
      return [{ name: id.name, exported: false, span: statement, docAt: statement.start, params }];
    }
    case 'VariableDeclaration':
      return fromDeclarators(statement, statement.declarations, false);
    case 'ExportNamedDeclaration': {
      const inner = statement.declaration;
      if (inner?.type === 'FunctionDeclaration') {
        const { id, params } = inner;
        return [{ name: id.name, exported: true, span: statement, docAt: statement.start, params }];
      }
      if (inner?.type === 'VariableDeclaration')
        return fromDeclarators(statement, inner.declarations, true);
      return [];
    }
    case 'ExportDefaultDeclaration': {
      const inner = statement.declaration;
      if (inner.type !== 'FunctionDeclaration' && !isFunctionInit(inner)) return [];
      const id = 'id' in inner && inner.id ? inner.id : null;
      const name = id !== null && 'name' in id ? id.name : 'default';
      return [
        { name, exported: true, span: statement, docAt: statement.start, params: inner.params },
      ];
    }
    default:
      return [];
  }
}

/** Local names exported through `export { a, b as c }` (without a `from` clause). */
function namesExportedLater(program: Program): Set<string> {
  const names = new Set<string>();
  for (const statement of program.body) {
    if (statement.type !== 'ExportNamedDeclaration' || statement.source) continue;
    for (const spec of statement.specifiers) {
      if (spec.local.type === 'Identifier') names.add(spec.local.name);
    }
  }
  return names;
}

/**
 * Lists the module's top-level functions in source order: function declarations and variables
 * initialised with an arrow or function expression, exported or not. Throws on unparsable source.
 */
export function listFunctions(source: string): FunctionInfo[] {
  const comments: Comment[] = [];
  const program = parse(source, { ...PARSE_OPTIONS, onComment: comments });
  const laterExports = namesExportedLater(program);
  return program.body.flatMap(fromStatement).map((found): FunctionInfo => {
    const jsdoc = jsdocBefore(source, comments, found.docAt);
    const info: FunctionInfo = {
      name: found.name,
      exported: found.exported || laterExports.has(found.name),
      start: found.span.start,
      end: found.span.end,
      startLine: found.span.loc?.start.line ?? 1,
      endLine: found.span.loc?.end.line ?? 1,
      params: found.params.map((p) => textOf(source, p)),
      examples: jsdoc === undefined ? [] : parseExamples(jsdoc),
    };
    if (jsdoc !== undefined) info.jsdoc = jsdoc;
    return info;
  });
}

/** Most arguments a test may pass beyond a function's arity to a rest parameter. */
export const MAX_REST_ARGS = 3;

/**
 * How many arguments beyond its arity (its parameters without a default) each function of these
 * files takes: one per defaulted parameter, MAX_REST_ARGS for a rest parameter. What a test of
 * it may give: the policy's grammar and the Learn page's test form allow them.
 */
export function optionalArgs(
  files: Readonly<Record<string, string>>,
): (module: string, fn: string) => number {
  const cache = new Map<string, Map<string, number>>();
  return (module, fn) => {
    let byName = cache.get(module);
    if (!byName) {
      byName = new Map();
      try {
        for (const f of listFunctions(files[module] ?? '')) {
          const rest = f.params.some((p) => p.startsWith('...'));
          const required = f.params.filter((p) => !p.includes('=') && !p.startsWith('...'));
          byName.set(f.name, rest ? MAX_REST_ARGS : f.params.length - required.length);
        }
      } catch {
        // A module that does not parse takes no optional arguments.
      }
      cache.set(module, byName);
    }
    return byName.get(fn) ?? 0;
  };
}

export { listExports, listImports } from './modules';
export type { ExportInfo, ImportInfo } from './modules';
