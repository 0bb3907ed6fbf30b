import { applyEdits } from '../../answers/apply';
import type { Edit, ReplaceEdit } from '../../answers/types';
import { listFunctions } from '../../js/functions';
import { tokenize } from '../../js/tokens';
import type { ExportedFn } from '../analyze';
import { emptySpace, EDIT_VOCABULARY, uniq } from '../space';
import type { Task } from '../types';
import { baseTask, type GenContext } from './common';

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const upperSnake = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** Every identifier token named `name` in every JS file, as replace edits to `to`. */
function renameEdits(files: Record<string, string>, name: string, to: string): ReplaceEdit[] {
  return Object.keys(files)
    .sort()
    .filter((f) => f.endsWith('.js'))
    .flatMap((file) =>
      tokenize(files[file]!)
        .map((t, i) => ({ t, i }))
        .filter(({ t }) => t.type === 'name' && t.value === name)
        .map(({ i }) => ({ op: 'replace' as const, file, token: i, text: to })),
    );
}

function usedNames(files: Record<string, string>): Set<string> {
  return new Set(
    Object.values(files).flatMap((s) =>
      tokenize(s)
        .filter((t) => t.type === 'name')
        .map((t) => t.value),
    ),
  );
}

const testsOf = (files: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(files).filter(([f]) => f.endsWith('.test.js')));

function renameTask(ctx: GenContext, e: ExportedFn): Task | null {
  const files = ctx.analysis.project.files;
  const used = usedNames(files);
  const options = [`compute${capital(e.fn)}`, `${e.fn}Value`, `do${capital(e.fn)}`].filter(
    (n) => !used.has(n),
  );
  if (options.length === 0) return null;
  const to = ctx.rng.pick(options);
  const edits = renameEdits(files, e.fn, to);
  const renamed = applyEdits(files, edits);
  return {
    ...baseTask(ctx, 'refactor', `rename|${e.module}|${e.fn}|${to}`),
    prompt: {
      title: `Rename ${e.fn} to ${to}`,
      body: `Rename the function \`${e.fn}\` (exported from ${e.module}) to \`${to}\` everywhere: its definition, every import and every call, tests included. Behaviour must not change.`,
    },
    files: { ...files },
    focus: { file: e.module, fn: e.fn, startLine: e.startLine, endLine: e.endLine },
    gold: { kind: 'edits', edits },
    hidden: {
      tests: testsOf(renamed),
      structural: { type: 'renamed', from: e.fn, to, module: e.module },
    },
    space: {
      ...emptySpace(),
      files: Object.keys(files).sort(),
      maxEdits: edits.length + 2,
      replacements: uniq([...EDIT_VOCABULARY, to, e.fn]),
    },
    meta: { refactoring: 'rename', from: e.fn, to },
  };
}

function extractTask(ctx: GenContext, e: ExportedFn): Task | null {
  const files = ctx.analysis.project.files;
  const source = files[e.module]!;
  const fn = listFunctions(source).find((f) => f.name === e.fn);
  if (!fn) return null;
  const tokens = tokenize(source);
  const inFn = tokens
    .map((t, i) => ({ t, i }))
    .filter(
      ({ t }) =>
        t.start >= fn.start && t.end <= fn.end && t.type === 'num' && !['0', '1'].includes(t.value),
    );
  if (inFn.length === 0) return null;
  const value = ctx.rng.pick(inFn).t.value;
  const name = `${upperSnake(e.fn)}_${value.replace(/[^0-9a-z]/gi, '_').toUpperCase()}`;
  if (usedNames(files).has(name)) return null;
  const lines = source.split('\n');
  const lastImport = lines.reduce((at, l, i) => (/^import\s/.test(l) ? i + 1 : at), 0);
  const declaration = `export const ${name} = ${value};`;
  const edits: Edit[] = [
    { op: 'insert', file: e.module, line: lastImport + 1, text: declaration },
    ...inFn
      .filter(({ t }) => t.value === value)
      .map(({ i }) => ({ op: 'replace' as const, file: e.module, token: i, text: name })),
  ];
  return {
    ...baseTask(ctx, 'refactor', `extract|${e.module}|${e.fn}|${value}`),
    prompt: {
      title: `Extract ${value} in ${e.fn} into a constant`,
      body: `In ${e.module}, add \`${declaration}\` after the imports and use \`${name}\` instead of every literal ${value} inside \`${e.fn}\`. Behaviour must not change.`,
    },
    files: { ...files },
    focus: { file: e.module, fn: e.fn, startLine: e.startLine, endLine: e.endLine },
    gold: { kind: 'edits', edits },
    hidden: {
      tests: testsOf(files),
      structural: { type: 'constant', name, value, module: e.module, fn: e.fn },
    },
    space: {
      ...emptySpace(),
      files: [e.module],
      maxEdits: edits.length + 2,
      replacements: uniq([...EDIT_VOCABULARY, name, value]),
      insertLines: [declaration],
    },
    meta: { refactoring: 'extract-constant', name, value },
  };
}

/** Refactoring tasks for one exported function: a rename across files and a constant extraction. */
export function refactorTasks(ctx: GenContext, e: ExportedFn): Task[] {
  return [renameTask(ctx, e), extractTask(ctx, e)].filter((t): t is Task => t !== null);
}
