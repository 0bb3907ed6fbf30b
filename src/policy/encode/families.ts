import type { Vocabulary } from './vocab';

/**
 * Words of JavaScript that stand in for one another: operators of one kind, the two booleans,
 * small integers, methods that come in pairs. An edit that replaces one usually writes another of
 * its family (`!==` for `===`, `false` for `true`), which a small model sees too few examples of
 * to learn word by word; the decoder gets these families as a prior it can weigh (see
 * `replacementBias` in the model).
 */
export const WORD_FAMILIES: readonly (readonly string[])[] = [
  ['===', '!==', '==', '!='],
  ['<', '<=', '>', '>='],
  ['&&', '||', '??'],
  ['+', '-', '*', '/', '%', '**'],
  ['++', '--'],
  ['+=', '-=', '*=', '/=', '='],
  ['true', 'false'],
  ['null', 'undefined'],
  ['-1', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
  ['slice', 'substring'],
  ['push', 'unshift'],
  ['pop', 'shift'],
  ['min', 'max'],
  ['indexOf', 'lastIndexOf'],
  ['some', 'every'],
  ['startsWith', 'endsWith'],
  ['toUpperCase', 'toLowerCase'],
  ['floor', 'ceil'],
];

/** The families as vocabulary ids: words the vocabulary lacks are left out, then families of one. */
export function familyIds(vocab: Vocabulary): number[][] {
  return WORD_FAMILIES.map((words) =>
    words.flatMap((w) => (vocab.index.has(w) ? [vocab.index.get(w)!] : [])),
  ).filter((ids) => ids.length > 1);
}
