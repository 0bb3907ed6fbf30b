import { averageWordLength, summarize, topWords, wordCount } from './stats.js';

describe('wordCount', () => {
  it('counts words, ignoring punctuation', () => {
    expect(wordCount('One, two... three!')).toBe(3);
    expect(wordCount("don't stop")).toBe(2);
  });
  it('is 0 for empty text', () => {
    expect(wordCount('')).toBe(0);
    expect(wordCount(' - ')).toBe(0);
  });
});

describe('averageWordLength', () => {
  it('averages word lengths', () => {
    expect(averageWordLength('a bb ccc')).toBe(2);
    expect(averageWordLength('abcd')).toBe(4);
  });
  it('rounds to two decimals', () => {
    expect(averageWordLength('a bb bb')).toBe(1.67);
    expect(averageWordLength('a a bb')).toBe(1.33);
    expect(averageWordLength('a b c bb bb bb bb bb')).toBe(1.63);
  });
  it('is 0 when there are no words', () => {
    expect(averageWordLength('!!')).toBe(0);
  });
});

describe('topWords', () => {
  const text = 'the cat and the hat and the bat';
  it('returns the most frequent words first', () => {
    expect(topWords(text, 2, [])).toEqual([
      ['the', 3],
      ['and', 2],
    ]);
  });
  it('orders ties alphabetically', () => {
    expect(topWords(text, 5)).toEqual([
      ['the', 3],
      ['and', 2],
      ['bat', 1],
      ['cat', 1],
      ['hat', 1],
    ]);
    expect(topWords('b a c', 3)).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 1],
    ]);
    expect(topWords('e d c b a', 5).map((p) => p[0])).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  it('ignores stop words', () => {
    expect(topWords(text, 2, ['the', 'and'])).toEqual([
      ['bat', 1],
      ['cat', 1],
    ]);
  });
  it('counts case-insensitively', () => {
    expect(topWords('Go go GO stop', 1)).toEqual([['go', 3]]);
  });
  it('returns fewer pairs when there are fewer words, and none for k = 0', () => {
    expect(topWords('solo', 3)).toEqual([['solo', 1]]);
    expect(topWords(text, 0)).toEqual([]);
    expect(topWords('', 3)).toEqual([]);
  });
  it('rejects a negative or fractional k', () => {
    expect(() => topWords(text, -1)).toThrow('k must be a non-negative integer');
    expect(() => topWords(text, 1.5)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('counts sentences and words and estimates minutes', () => {
    expect(summarize('Short text. Two sentences.', 200)).toEqual({
      sentences: 2,
      words: 4,
      minutes: 1,
    });
  });
  it('rounds reading time up, exactly at the boundary too', () => {
    const words = (n) => Array(n).fill('w').join(' ');
    expect(summarize(words(200)).minutes).toBe(1);
    expect(summarize(words(201)).minutes).toBe(2);
    expect(summarize(words(10), 5).minutes).toBe(2);
    expect(summarize('a b', 0.5).minutes).toBe(4);
  });
  it('gives zeros for empty text', () => {
    expect(summarize('')).toEqual({ sentences: 0, words: 0, minutes: 0 });
  });
  it('rejects a non-positive reading speed', () => {
    expect(() => summarize('a', 0)).toThrow('wordsPerMinute must be positive');
    expect(() => summarize('a', -5)).toThrow(RangeError);
    expect(() => summarize('a', NaN)).toThrow(RangeError);
  });
});
