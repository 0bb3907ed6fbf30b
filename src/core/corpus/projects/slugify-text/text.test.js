import { isSlugChar, slugify, truncate, wordWrap } from './text.js';

describe('isSlugChar', () => {
  it('accepts lowercase letters and digits at the edges of their ranges', () => {
    expect(isSlugChar('a')).toBe(true);
    expect(isSlugChar('z')).toBe(true);
    expect(isSlugChar('0')).toBe(true);
    expect(isSlugChar('9')).toBe(true);
  });
  it('rejects uppercase, punctuation and neighbours of the ranges', () => {
    expect(isSlugChar('A')).toBe(false);
    expect(isSlugChar('-')).toBe(false);
    expect(isSlugChar('`')).toBe(false);
    expect(isSlugChar('{')).toBe(false);
    expect(isSlugChar('/')).toBe(false);
    expect(isSlugChar(':')).toBe(false);
  });
});

describe('slugify', () => {
  it('lowercases and joins words with dashes', () => {
    expect(slugify('Hello World')).toBe('hello-world');
    expect(slugify('  Hello, World! ', '-')).toBe('hello-world');
  });
  it('collapses runs of separators and trims the ends', () => {
    expect(slugify('--a  --  b--')).toBe('a-b');
    expect(slugify('!!!x')).toBe('x');
  });
  it('keeps digits', () => {
    expect(slugify('Top 10 Tips for 2024')).toBe('top-10-tips-for-2024');
  });
  it('drops apostrophes inside words', () => {
    expect(slugify("Don't Stop")).toBe('dont-stop');
  });
  it('uses a custom separator', () => {
    expect(slugify('a b c', '_')).toBe('a_b_c');
    expect(slugify('a b', '')).toBe('ab');
  });
  it('returns an empty slug for text without letters or digits', () => {
    expect(slugify('')).toBe('');
    expect(slugify(' ?! ')).toBe('');
  });
  it('rejects non-strings', () => {
    expect(() => slugify(42)).toThrow(TypeError);
    expect(() => slugify(null)).toThrow('text must be a string');
  });
});

describe('truncate', () => {
  it('leaves short text alone, including text exactly at the limit', () => {
    expect(truncate('hello', 10)).toBe('hello');
    expect(truncate('hello', 5)).toBe('hello');
  });
  it('cuts and appends the ellipsis within the limit', () => {
    expect(truncate('The quick brown fox', 10, '...')).toBe('The qui...');
    expect(truncate('hello!', 5)).toBe('he...');
    expect(truncate('hello!', 5).length).toBe(5);
  });
  it('supports a custom ellipsis', () => {
    expect(truncate('abcdef', 4, '~')).toBe('abc~');
    expect(truncate('abcdef', 3, '')).toBe('abc');
  });
  it('shortens the ellipsis itself when the limit is smaller than it', () => {
    expect(truncate('abcdef', 2)).toBe('..');
    expect(truncate('abcdef', 3)).toBe('...');
    expect(truncate('abcdef', 0)).toBe('');
  });
  it('rejects bad limits and non-strings', () => {
    expect(() => truncate('abc', -1)).toThrow(RangeError);
    expect(() => truncate('abc', 1.5)).toThrow('non-negative integer');
    expect(() => truncate(5, 3)).toThrow(TypeError);
    expect(() => truncate(12345, 3)).toThrow('text must be a string');
  });
});

describe('wordWrap', () => {
  it('fills lines greedily', () => {
    expect(wordWrap('the quick brown fox', 10)).toEqual(['the quick', 'brown fox']);
  });
  it('lets a line reach exactly the width', () => {
    expect(wordWrap('ab cd ef', 5)).toEqual(['ab cd', 'ef']);
    expect(wordWrap('ab cd ef', 4)).toEqual(['ab', 'cd', 'ef']);
    expect(wordWrap('abcd e', 4)).toEqual(['abcd', 'e']);
  });
  it('splits words longer than the width', () => {
    expect(wordWrap('abcdefgh', 3)).toEqual(['abc', 'def', 'gh']);
    expect(wordWrap('xy abcdef', 3)).toEqual(['xy', 'abc', 'def']);
    expect(wordWrap('x abcdef', 3)).toEqual(['x', 'abc', 'def']);
    expect(wordWrap('ab cd abcdef', 3)).toEqual(['ab', 'cd', 'abc', 'def']);
    expect(wordWrap('abcd', 4)).toEqual(['abcd']);
  });
  it('collapses whitespace runs and newlines', () => {
    expect(wordWrap('  a \n\n b\tc  ', 80)).toEqual(['a b c']);
  });
  it('accepts a width of 1', () => {
    expect(wordWrap('ab c', 1)).toEqual(['a', 'b', 'c']);
  });
  it('returns no lines for blank text', () => {
    expect(wordWrap('', 5)).toEqual([]);
    expect(wordWrap('   ', 5)).toEqual([]);
  });
  it('rejects a width below 1', () => {
    expect(() => wordWrap('a', 0)).toThrow(RangeError);
    expect(() => wordWrap('a', 2.5)).toThrow('width must be an integer >= 1');
    expect(() => wordWrap(['a'], 2)).toThrow('text must be a string');
  });
});

describe('security', () => {
  it('removes path traversal and slashes from slugs', () => {
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('..\\..\\win.ini')).toBe('win-ini');
  });
  it('strips markup characters', () => {
    expect(slugify('<script>alert(1)</script>')).toBe('script-alert-1-script');
  });
});
