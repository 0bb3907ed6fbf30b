import { commonPrefix, commonSuffix, hamming, levenshtein, similarity } from './distance.js';

describe('levenshtein', () => {
  it('computes classic examples', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('flaw', 'lawn')).toBe(2);
    expect(levenshtein('intention', 'execution')).toBe(5);
  });
  it('is the other length when one string is empty', () => {
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('abcd', '')).toBe(4);
    expect(levenshtein('', '')).toBe(0);
  });
  it('is 0 for equal strings and 1 for a single edit', () => {
    expect(levenshtein('same', 'same')).toBe(0);
    expect(levenshtein('cat', 'cut')).toBe(1);
    expect(levenshtein('cat', 'cats')).toBe(1);
    expect(levenshtein('cat', 'at')).toBe(1);
  });
  it('is symmetric', () => {
    expect(levenshtein('abc', 'yabd')).toBe(2);
    expect(levenshtein('yabd', 'abc')).toBe(2);
  });
  it('counts a full replacement', () => {
    expect(levenshtein('abc', 'xyz')).toBe(3);
    expect(levenshtein('ab', 'ba')).toBe(2);
  });
  it('rejects non-strings', () => {
    expect(() => levenshtein('a', 1)).toThrow('b must be a string');
    expect(() => levenshtein(null, 'a')).toThrow(TypeError);
  });
});

describe('hamming', () => {
  it('counts differing positions', () => {
    expect(hamming('karolin', 'kathrin')).toBe(3);
    expect(hamming('1011101', '1001001')).toBe(2);
  });
  it('is 0 for equal strings and for empty strings', () => {
    expect(hamming('abc', 'abc')).toBe(0);
    expect(hamming('', '')).toBe(0);
  });
  it('counts differences at the first and last positions', () => {
    expect(hamming('xbc', 'abc')).toBe(1);
    expect(hamming('abx', 'abc')).toBe(1);
    expect(hamming('ab', 'ba')).toBe(2);
  });
  it('rejects strings of different lengths', () => {
    expect(() => hamming('abc', 'ab')).toThrow(RangeError);
    expect(() => hamming('a', '')).toThrow('equal length');
  });
  it('rejects non-strings', () => {
    expect(() => hamming(['a'], 'a')).toThrow('a must be a string');
    expect(() => hamming('a', ['a'])).toThrow('b must be a string');
  });
});

describe('commonPrefix', () => {
  it('finds the shared prefix', () => {
    expect(commonPrefix(['flower', 'flow', 'flight'])).toBe('fl');
    expect(commonPrefix(['interview', 'internet', 'interval'])).toBe('inter');
  });
  it('stops at the shortest string', () => {
    expect(commonPrefix(['abc', 'ab', 'abcd'])).toBe('ab');
    expect(commonPrefix(['abcd', 'abc'])).toBe('abc');
  });
  it('returns empty when the first characters differ or a string is empty', () => {
    expect(commonPrefix(['dog', 'racecar'])).toBe('');
    expect(commonPrefix(['abc', ''])).toBe('');
    expect(commonPrefix(['xbc', 'abc'])).toBe('');
  });
  it('handles zero and one strings', () => {
    expect(commonPrefix([])).toBe('');
    expect(commonPrefix(['solo'])).toBe('solo');
  });
  it('rejects non-arrays', () => {
    expect(() => commonPrefix('abc')).toThrow(TypeError);
    expect(() => commonSuffix('abc')).toThrow('strings must be an array');
  });
});

describe('commonSuffix', () => {
  it('finds the shared suffix', () => {
    expect(commonSuffix(['testing', 'running', 'sing'])).toBe('ing');
    expect(commonSuffix(['abc', 'xbc'])).toBe('bc');
    expect(commonSuffix(['abc', 'abd'])).toBe('');
    expect(commonSuffix([])).toBe('');
  });
});

describe('similarity', () => {
  it('scales the distance by the longer length', () => {
    expect(similarity('abcd', 'abed')).toBe(0.75);
    expect(similarity('ab', 'abcd')).toBe(0.5);
    expect(similarity('abcd', 'ab')).toBe(0.5);
  });
  it('is 1 for identical strings, including two empty ones', () => {
    expect(similarity('same', 'same')).toBe(1);
    expect(similarity('', '')).toBe(1);
  });
  it('is 0 when nothing matches', () => {
    expect(similarity('abc', 'xyz')).toBe(0);
    expect(similarity('', 'x')).toBe(0);
  });
});
