import { listFunctions } from '../js/functions';
import { tryTokenize, type JsToken } from '../js/tokens';
import type { StructuralCheck } from '../tasks/types';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const DECLARES = new Set(['function', 'const', 'let', 'var', 'class']);

/**
 * Whether the module's tokens export `name`: `export [async] function[*] name`,
 * `export const|let|var|class name`, or a list `export { …, x as name, … }` (the name it is
 * exported as). Read from tokens, in one pass: a regex over the raw text backtracked for
 * minutes on a long answer.
 */
function exportsName(tokens: readonly JsToken[], name: string): boolean {
  const at = (i: number) => tokens[i]?.value;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== 'keyword' || at(i) !== 'export') continue;
    let j = i + 1;
    if (at(j) === '{') {
      // Each specifier's last name before `,` or `}` is the name it is exported as.
      let last: string | undefined;
      for (j += 1; j < tokens.length && at(j) !== '}'; j++) {
        if (at(j) !== ',') last = at(j);
        else if (last === name) return true;
      }
      if (j < tokens.length && last === name) return true;
      i = j;
      continue;
    }
    if (at(j) === 'async') j++;
    if (!DECLARES.has(at(j) ?? '')) continue;
    j++;
    if (at(j) === '*') j++;
    if (at(j) === name) return true;
  }
  return false;
}

/** Why the files break a refactoring's structural property, or null when it holds. */
export function checkStructure(
  check: StructuralCheck,
  files: Readonly<Record<string, string>>,
): string | null {
  const module = files[check.module];
  if (module === undefined) return `${check.module} is missing`;
  if (check.type === 'renamed') {
    // Every source file is read as tokens: one that does not tokenize fails the check (read as
    // holding no names, a file broken on purpose would hide the old name it still uses).
    const read = new Map<string, JsToken[]>();
    for (const f of Object.keys(files).sort()) {
      if (!f.endsWith('.js')) continue;
      const tokens = tryTokenize(files[f]!);
      if (tokens === null) return `${f} does not tokenize (an unterminated string or comment?)`;
      if (tokens.some((t) => t.type === 'name' && t.value === check.from))
        return `${f} still uses the old name ${check.from}`;
      read.set(f, tokens);
    }
    if (!exportsName(read.get(check.module) ?? tryTokenize(module) ?? [], check.to))
      return `${check.module} does not export ${check.to}`;
    return null;
  }
  const declared = new RegExp(
    `\\bexport\\s+const\\s+${escape(check.name)}\\s*=\\s*${escape(check.value)}\\s*;`,
  );
  if (!declared.test(module))
    return `${check.module} does not declare export const ${check.name} = ${check.value};`;
  let fns: ReturnType<typeof listFunctions>;
  try {
    fns = listFunctions(module);
  } catch (error) {
    return `${check.module} does not parse: ${error instanceof Error ? error.message : String(error)}`;
  }
  const fn = fns.find((f) => f.name === check.fn);
  if (!fn) return `${check.module} no longer defines ${check.fn}`;
  const body = module.slice(fn.start, fn.end);
  const tokens = tryTokenize(body) ?? [];
  if (!tokens.some((t) => t.type === 'name' && t.value === check.name))
    return `${check.fn} does not use ${check.name}`;
  const literalLeft = tokens.some((t) => t.type === 'num' && t.value === check.value);
  if (literalLeft) return `${check.fn} still contains the literal ${check.value}`;
  return null;
}
