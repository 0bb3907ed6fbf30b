import { tokenize } from '../js/tokens';
import type { AnswerSpace } from './types';
import type { ExportedFn } from './analyze';

/** Operators, keywords and small literals an edit may write without copying them. */
export const EDIT_VOCABULARY: readonly string[] = [
  '+',
  '-',
  '*',
  '/',
  '%',
  '**',
  '<',
  '<=',
  '>',
  '>=',
  '===',
  '!==',
  '==',
  '!=',
  '&&',
  '||',
  '??',
  '!',
  '++',
  '--',
  '+=',
  '-=',
  '=',
  'true',
  'false',
  'null',
  'undefined',
  '0',
  '1',
  '2',
  '-1',
  "''",
  'slice',
  'substring',
  'push',
  'unshift',
  'min',
  'max',
  'indexOf',
  'lastIndexOf',
  'some',
  'every',
  'startsWith',
  'endsWith',
  'toUpperCase',
  'toLowerCase',
  'floor',
  'ceil',
  'return',
  'if',
  'else',
];

/** Distinct token texts of some code (identifiers, literals, operators) that an edit may copy. */
export function tokenTexts(sources: readonly string[]): string[] {
  const out = new Set<string>();
  for (const s of sources) {
    try {
      for (const t of tokenize(s)) if (t.value.length <= 40) out.add(t.value);
    } catch {
      // Unparseable code contributes nothing to copy.
    }
  }
  return [...out];
}

/** Literal values (numbers, strings, arrays, objects, booleans) that appear in a text. */
export function literalsInText(text: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi,
    /'(?:[^'\\\n]|\\.)*'/g,
    /"(?:[^"\\\n]|\\.)*"/g,
    /\b(?:true|false|null|undefined|NaN|Infinity)\b/g,
  ];
  for (const p of patterns) for (const m of text.matchAll(p)) found.add(m[0]);
  return [...found];
}

/** An answer space with nothing allowed; generators fill in what their skill needs. */
export function emptySpace(): AnswerSpace {
  return {
    files: [],
    literals: [],
    functions: [],
    maxCases: 0,
    expectRequired: false,
    maxEdits: 0,
    replacements: [],
    insertLines: [],
  };
}

export const callable = (exports: readonly ExportedFn[]) =>
  exports.map((e) => ({ module: e.module, fn: e.fn, arity: e.arity }));

/** Sorted unique strings. */
export const uniq = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();
