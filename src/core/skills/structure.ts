import { listFunctions } from '../js/functions';
import { tokenize } from '../js/tokens';
import type { StructuralCheck } from '../tasks/types';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function exportsName(source: string, name: string): boolean {
  const n = escape(name);
  return (
    new RegExp(`\\bexport\\s+(?:async\\s+)?(?:function\\*?|const|let|var|class)\\s+${n}\\b`).test(
      source,
    ) || new RegExp(`\\bexport\\s*\\{[^}]*\\b${n}\\b[^}]*\\}`).test(source)
  );
}

function namesIn(source: string): string[] {
  try {
    return tokenize(source)
      .filter((t) => t.type === 'name')
      .map((t) => t.value);
  } catch {
    return [];
  }
}

function namesAndNumbers(source: string): { type: string; value: string }[] {
  try {
    return tokenize(source);
  } catch {
    return [];
  }
}

/** Why the files break a refactoring's structural property, or null when it holds. */
export function checkStructure(
  check: StructuralCheck,
  files: Readonly<Record<string, string>>,
): string | null {
  const module = files[check.module];
  if (module === undefined) return `${check.module} is missing`;
  if (check.type === 'renamed') {
    const stale = Object.keys(files)
      .sort()
      .find((f) => f.endsWith('.js') && namesIn(files[f]!).includes(check.from));
    if (stale) return `${stale} still uses the old name ${check.from}`;
    if (!exportsName(module, check.to)) return `${check.module} does not export ${check.to}`;
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
  const tokens = namesIn(body);
  if (!tokens.includes(check.name)) return `${check.fn} does not use ${check.name}`;
  const literalLeft = namesAndNumbers(body).some(
    (t) => t.type === 'num' && t.value === check.value,
  );
  if (literalLeft) return `${check.fn} still contains the literal ${check.value}`;
  return null;
}
