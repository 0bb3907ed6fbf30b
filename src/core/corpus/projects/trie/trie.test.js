import {
  buildTrie,
  countPrefix,
  hasWord,
  insertWord,
  removeWord,
  wordsWithPrefix,
} from './trie.js';
import { createNode } from './node.js';

const words = ['tea', 'ten', 'to', 'inn', 'in', 'tea', 'ted'];

describe('insertWord', () => {
  it('reports whether a word was new', () => {
    const t = createNode();
    expect(insertWord(t, 'a')).toBe(true);
    expect(insertWord(t, 'a')).toBe(false);
    expect(insertWord(t, 'ab')).toBe(true);
  });
  it('builds the expected node structure with counts', () => {
    const t = createNode();
    insertWord(t, 'ab');
    insertWord(t, 'a');
    expect(t).toEqual({
      end: false,
      count: 2,
      next: { a: { end: true, count: 2, next: { b: { end: true, count: 1, next: {} } } } },
    });
  });
  it('rejects empty words', () => {
    expect(() => insertWord(createNode(), '')).toThrow('word must be a non-empty string');
  });
});

describe('buildTrie and hasWord', () => {
  it('stores each distinct word once', () => {
    const t = buildTrie(words);
    expect(t.count).toBe(6);
    expect(hasWord(t, 'tea')).toBe(true);
    expect(hasWord(t, 'in')).toBe(true);
    expect(hasWord(t, 'inn')).toBe(true);
  });
  it('does not report prefixes, extensions or missing words', () => {
    const t = buildTrie(words);
    expect(hasWord(t, 'te')).toBe(false);
    expect(hasWord(t, 'teas')).toBe(false);
    expect(hasWord(t, 'x')).toBe(false);
    expect(hasWord(t, '')).toBe(false);
  });
  it('builds an empty trie from no words', () => {
    expect(buildTrie([])).toEqual(createNode());
  });
});

describe('countPrefix', () => {
  it('counts words under a prefix, the prefix itself included', () => {
    const t = buildTrie(words);
    expect(countPrefix(t, 't')).toBe(4);
    expect(countPrefix(t, 'te')).toBe(3);
    expect(countPrefix(t, 'in')).toBe(2);
    expect(countPrefix(t, 'inn')).toBe(1);
  });
  it('counts every word for the empty prefix and 0 for an unknown one', () => {
    const t = buildTrie(words);
    expect(countPrefix(t, '')).toBe(6);
    expect(countPrefix(t, 'q')).toBe(0);
    expect(countPrefix(t, 'tea!')).toBe(0);
  });
});

describe('wordsWithPrefix', () => {
  it('lists completions alphabetically', () => {
    const t = buildTrie(words);
    expect(wordsWithPrefix(t, 'te')).toEqual(['tea', 'ted', 'ten']);
    expect(wordsWithPrefix(t, '')).toEqual(['in', 'inn', 'tea', 'ted', 'ten', 'to']);
  });
  it('includes the prefix itself when it is a word', () => {
    expect(wordsWithPrefix(buildTrie(words), 'in')).toEqual(['in', 'inn']);
  });
  it('stops at the limit', () => {
    const t = buildTrie(words);
    expect(wordsWithPrefix(t, 't', 2)).toEqual(['tea', 'ted']);
    expect(wordsWithPrefix(t, 't', 1)).toEqual(['tea']);
    expect(wordsWithPrefix(t, 't', 0)).toEqual([]);
    expect(wordsWithPrefix(t, 't', 4)).toHaveLength(4);
  });
  it('defaults to at most 10 words', () => {
    const many = [];
    for (let i = 0; i < 12; i++) {
      many.push('w' + String.fromCharCode(97 + i));
    }
    expect(wordsWithPrefix(buildTrie(many), 'w')).toHaveLength(10);
  });
  it('returns [] for an unknown prefix', () => {
    expect(wordsWithPrefix(buildTrie(words), 'x')).toEqual([]);
  });
});

describe('removeWord', () => {
  it('removes a leaf word and prunes its unused nodes', () => {
    const t = buildTrie(['ab', 'ac']);
    expect(removeWord(t, 'ab')).toBe(true);
    expect(t).toEqual(buildTrie(['ac']));
  });
  it('keeps a longer word when removing its prefix', () => {
    const t = buildTrie(['in', 'inn']);
    expect(removeWord(t, 'in')).toBe(true);
    expect(hasWord(t, 'in')).toBe(false);
    expect(hasWord(t, 'inn')).toBe(true);
    expect(countPrefix(t, 'i')).toBe(1);
  });
  it('keeps a shorter word when removing a longer one', () => {
    const t = buildTrie(['in', 'inn']);
    removeWord(t, 'inn');
    expect(t).toEqual(buildTrie(['in']));
  });
  it('returns false for absent words and prefixes without changing counts', () => {
    const t = buildTrie(words);
    expect(removeWord(t, 'te')).toBe(false);
    expect(removeWord(t, 'zzz')).toBe(false);
    expect(countPrefix(t, '')).toBe(6);
  });
  it('empties the trie when the last word goes', () => {
    const t = buildTrie(['solo']);
    removeWord(t, 'solo');
    expect(t).toEqual(createNode());
    expect(() => removeWord(t, '')).toThrow(TypeError);
  });
});
