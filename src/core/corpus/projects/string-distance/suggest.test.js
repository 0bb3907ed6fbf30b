import { closest, isNear, suggestions } from './suggest.js';

const words = ['hello', 'help', 'world', 'halo', 'hell'];

describe('suggestions', () => {
  it('keeps candidates within the distance, nearest first', () => {
    expect(suggestions('helo', words, 1)).toEqual(['halo', 'hell', 'hello', 'help']);
    expect(suggestions('wrld', words, 1)).toEqual(['world']);
  });
  it('includes candidates exactly at the maximum distance', () => {
    expect(suggestions('hxlp', ['help', 'hxlpab'], 2)).toEqual(['help', 'hxlpab']);
    expect(suggestions('hxlp', ['hxlpabc'], 2)).toEqual([]);
  });
  it('orders by distance before alphabet', () => {
    expect(suggestions('cat', ['cut', 'act', 'cat'], 2)).toEqual(['cat', 'cut', 'act']);
    expect(suggestions('bat', ['cat', 'bar', 'bag'], 1)).toEqual(['bag', 'bar', 'cat']);
  });
  it('drops duplicate candidates', () => {
    expect(suggestions('ab', ['ab', 'ab', 'ac'], 1)).toEqual(['ab', 'ac']);
  });
  it('uses a default distance of 2', () => {
    expect(suggestions('abcd', ['ab', 'a'])).toEqual(['ab']);
  });
  it('returns exact matches only with a distance of 0', () => {
    expect(suggestions('help', words, 0)).toEqual(['help']);
    expect(suggestions('x', [], 3)).toEqual([]);
  });
  it('rejects a bad maximum distance', () => {
    expect(() => suggestions('a', ['a'], -1)).toThrow(RangeError);
    expect(() => suggestions('a', ['a'], 0.5)).toThrow('non-negative integer');
  });
});

describe('closest', () => {
  it('picks the nearest candidate', () => {
    expect(closest('wrld', words, 2)).toBe('world');
    expect(closest('hel', ['help', 'he', 'hello'], 2)).toBe('help');
  });
  it('lets earlier candidates win ties', () => {
    expect(closest('appel', ['apply', 'apple', 'ample'], 2)).toBe('apply');
    expect(closest('appel', ['apple', 'apply'], 2)).toBe('apple');
  });
  it('accepts a candidate exactly at the maximum distance and no further', () => {
    expect(closest('abc', ['abxyz'], 2)).toBe(null);
    expect(closest('abc', ['abxy'], 2)).toBe('abxy');
    expect(closest('abc', ['xbc'], 0)).toBeNull();
  });
  it('prefers an exact match over a later near one', () => {
    expect(closest('help', ['hello', 'help'], 3)).toBe('help');
  });
  it('returns null for no candidates', () => {
    expect(closest('x', [])).toBeNull();
  });
  it('uses a default distance of 2', () => {
    expect(closest('abcd', ['ab'])).toBe('ab');
    expect(closest('abcd', ['a'])).toBeNull();
  });
  it('rejects a bad maximum distance', () => {
    expect(() => closest('a', ['a'], -2)).toThrow(RangeError);
  });
});

describe('isNear', () => {
  it('compares case-insensitively', () => {
    expect(isNear('Color', 'colour', 1)).toBe(true);
    expect(isNear('HELLO', 'hello', 0)).toBe(true);
  });
  it('is inclusive at the maximum distance', () => {
    expect(isNear('abc', 'abd', 1)).toBe(true);
    expect(isNear('abc', 'axy', 1)).toBe(false);
  });
});
