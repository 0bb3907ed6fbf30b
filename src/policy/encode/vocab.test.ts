import { describe, expect, it } from 'vitest';
import {
  ACTION_WORDS,
  ANONYMOUS_SLOTS,
  anonymousWord,
  buildVocabulary,
  idOf,
  observationIds,
  SPECIAL_TOKENS,
  UNK,
  vocabularyFromWords,
} from './vocab';

const vocab = buildVocabulary(
  new Map([
    ['return', 5],
    ['x', 3],
  ]),
  SPECIAL_TOKENS.length + ACTION_WORDS.length + 2,
);

describe('observationIds', () => {
  it('keeps known words and gives each unknown word one anonymous slot', () => {
    const ids = observationIds(vocab, ['return', 'setByPath', 'x', 'deepMerge', 'setByPath']);
    expect(ids[0]).toBe(idOf(vocab, 'return'));
    expect(ids[2]).toBe(idOf(vocab, 'x'));
    expect(ids[1]).toBe(idOf(vocab, anonymousWord(0)));
    expect(ids[3]).toBe(idOf(vocab, anonymousWord(1)));
    expect(ids[4]).toBe(ids[1]);
    expect(ids[1]).not.toBe(UNK);
  });

  it('restarts the slots for every observation and wraps after the last one', () => {
    expect(observationIds(vocab, ['deepMerge'])[0]).toBe(idOf(vocab, anonymousWord(0)));
    const many = Array.from({ length: ANONYMOUS_SLOTS + 1 }, (_, i) => `name${i}`);
    const ids = observationIds(vocab, many);
    expect(ids[ANONYMOUS_SLOTS]).toBe(ids[0]);
    expect(new Set(ids).size).toBe(ANONYMOUS_SLOTS);
  });

  it('maps unknown words to <unk> with a vocabulary saved before the slots', () => {
    const old = vocabularyFromWords(['<pad>', '<unk>', 'return']);
    expect([...observationIds(old, ['return', 'setByPath', 'deepMerge'])]).toEqual([2, UNK, UNK]);
  });
});
