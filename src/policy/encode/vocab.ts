import { EDIT_VOCABULARY } from '../../core/tasks/space';
import { TASK_KINDS } from '../../core/tasks/types';

/** Anonymous ids one observation gives the words its vocabulary lacks (see `observationIds`). */
export const ANONYMOUS_SLOTS = 64;
export const anonymousWord = (slot: number): string => `<unk${slot}>`;

/**
 * Tokens with fixed meaning: padding, unknown, section markers, kind tags, answer actions and
 * the anonymous slots.
 */
export const SPECIAL_TOKENS: readonly string[] = [
  '<pad>',
  '<unk>',
  '<sep>',
  '<file>',
  '<fn>',
  '<lit>',
  '<ins>',
  '<nl>',
  '<code>',
  '<patch>',
  '<del-line>',
  '<add-line>',
  '<END>',
  '<ENDEDIT>',
  '<DEL>',
  'YES',
  'NO',
  ...TASK_KINDS.map((k) => `<${k}>`),
  ...Array.from({ length: ANONYMOUS_SLOTS }, (_, i) => anonymousWord(i)),
];

export const PAD = 0;
export const UNK = 1;

/**
 * The action that deletes a line (followed by a pointer to the line). It is the patch marker of
 * a removed line, a special token every vocabulary already holds, so adding the action changed
 * no vocabulary: checkpoints saved before it keep their word ids.
 */
export const DELETE_LINE = '<del-line>';

/** Answer-language words a decoder may emit as vocabulary actions (besides pointers). */
export const ACTION_WORDS: readonly string[] = [
  '<END>',
  '<ENDEDIT>',
  '<DEL>',
  DELETE_LINE,
  'YES',
  'NO',
  ...EDIT_VOCABULARY,
];

/** A token vocabulary: specials and action words first, then the most frequent training tokens. */
export interface Vocabulary {
  words: string[];
  index: Map<string, number>;
}

export function vocabularyFromWords(words: readonly string[]): Vocabulary {
  return { words: [...words], index: new Map(words.map((w, i) => [w, i])) };
}

/**
 * Builds the vocabulary from token counts of the training split: fixed words first, then
 * tokens by descending count (ties by text) until `size`. Unknown identifiers are reached by
 * copy pointers, so a small vocabulary is enough.
 */
export function buildVocabulary(counts: ReadonlyMap<string, number>, size: number): Vocabulary {
  const words: string[] = [];
  const seen = new Set<string>();
  for (const w of [...SPECIAL_TOKENS, ...ACTION_WORDS]) {
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  const ranked = [...counts.entries()]
    .filter(([w]) => !seen.has(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [w] of ranked) {
    if (words.length >= size) break;
    words.push(w);
  }
  return vocabularyFromWords(words);
}

export const idOf = (v: Vocabulary, word: string): number => v.index.get(word) ?? UNK;

/**
 * Token ids of one observation. A word outside the vocabulary (a project's own function name, a
 * large line number) gets an anonymous slot, the same at each of its occurrences: the first such
 * word `<unk0>`, the next `<unk1>`, and so on, wrapping after the last slot. So the model can
 * still tell that the issue's `setByPath` and the candidate `setByPath` are one name, which a
 * shared `<unk>` would hide. A vocabulary saved before the slots existed maps them all to `<unk>`.
 */
export function observationIds(vocab: Vocabulary, texts: readonly string[]): Int32Array {
  const slots = new Map<string, number>();
  const hasSlots = vocab.index.has(anonymousWord(0));
  return Int32Array.from(texts, (t) => {
    const known = vocab.index.get(t);
    if (known !== undefined) return known;
    if (!hasSlots) return UNK;
    let slot = slots.get(t);
    if (slot === undefined) {
      slot = slots.size % ANONYMOUS_SLOTS;
      slots.set(t, slot);
    }
    return idOf(vocab, anonymousWord(slot));
  });
}
