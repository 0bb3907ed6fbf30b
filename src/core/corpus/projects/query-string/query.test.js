import { UNSAFE_KEYS, appendParam, decodeComponent, parseQuery, stringifyQuery } from './query.js';

describe('decodeComponent', () => {
  it('decodes percent escapes and plus signs', () => {
    expect(decodeComponent('a+b%20c%2B')).toBe('a b c+');
    expect(decodeComponent('caf%C3%A9')).toBe('café');
  });
  it('keeps malformed escapes as written', () => {
    expect(decodeComponent('100%')).toBe('100%');
    expect(decodeComponent('%E0%A4%A+x')).toBe('%E0%A4%A x');
  });
  it('returns plain text unchanged', () => {
    expect(decodeComponent('abc')).toBe('abc');
    expect(decodeComponent('')).toBe('');
  });
});

describe('parseQuery', () => {
  it('parses pairs with or without a leading question mark', () => {
    expect(parseQuery('a=1&b=2')).toEqual({ a: '1', b: '2' });
    expect(parseQuery('?a=1')).toEqual({ a: '1' });
  });
  it('collects repeated keys into arrays in order', () => {
    expect(parseQuery('?a=1&b=x%20y&a=2&flag')).toEqual({ a: ['1', '2'], b: 'x y', flag: '' });
    expect(parseQuery('t=1&t=2&t=3')).toEqual({ t: ['1', '2', '3'] });
  });
  it('gives keys without "=" an empty value and keeps later "=" in the value', () => {
    expect(parseQuery('flag&x=')).toEqual({ flag: '', x: '' });
    expect(parseQuery('eq=a=b')).toEqual({ eq: 'a=b' });
  });
  it('decodes keys as well as values', () => {
    expect(parseQuery('first%20name=Ada+L')).toEqual({ 'first name': 'Ada L' });
  });
  it('skips empty parts and empty keys', () => {
    expect(parseQuery('&&a=1&&=2&')).toEqual({ a: '1' });
    expect(parseQuery('')).toEqual({});
    expect(parseQuery('?')).toEqual({});
  });
  it('only strips a question mark at the start', () => {
    expect(parseQuery('a=?b')).toEqual({ a: '?b' });
    expect(parseQuery('??a=1')).toEqual({ '?a': '1' });
  });
  it('rejects non-strings', () => {
    expect(() => parseQuery(null)).toThrow(TypeError);
    expect(() => parseQuery({ a: 1 })).toThrow('query must be a string');
  });
});

describe('stringifyQuery', () => {
  it('encodes pairs in key order', () => {
    expect(stringifyQuery({ a: '1', b: 'two' })).toBe('a=1&b=two');
    expect(stringifyQuery({})).toBe('');
  });
  it('repeats keys for arrays and skips null or undefined', () => {
    expect(stringifyQuery({ q: 'a b', tag: ['x', 'y'], page: 2, skip: null })).toBe(
      'q=a%20b&tag=x&tag=y&page=2',
    );
    expect(stringifyQuery({ a: undefined, b: [null, 'k'], c: [] })).toBe('b=k');
  });
  it('percent-encodes reserved characters in keys and values', () => {
    expect(stringifyQuery({ 'a&b': 'c=d', e: '50%' })).toBe('a%26b=c%3Dd&e=50%25');
  });
  it('writes numbers and booleans as text, including falsy ones', () => {
    expect(stringifyQuery({ n: 0, f: false, s: '' })).toBe('n=0&f=false&s=');
  });
  it('round-trips with parseQuery', () => {
    const params = { q: 'x+y z', list: ['1', '2'], e: 'é&=' };
    expect(parseQuery(stringifyQuery(params))).toEqual(params);
  });
  it('rejects non-objects and nested objects', () => {
    expect(() => stringifyQuery(null)).toThrow('params must be a plain object');
    expect(() => stringifyQuery(['a'])).toThrow(TypeError);
    expect(() => stringifyQuery('a=1')).toThrow(TypeError);
    expect(() => stringifyQuery({ a: { b: 1 } })).toThrow('value of a must be a primitive');
  });
});

describe('appendParam', () => {
  it('starts a query when there is none', () => {
    expect(appendParam('/search', 'q', 'a b')).toBe('/search?q=a%20b');
  });
  it('adds to an existing query', () => {
    expect(appendParam('/s?q=1', 'page', '2')).toBe('/s?q=1&page=2');
  });
  it('does not double a trailing separator', () => {
    expect(appendParam('/s?', 'a', '1')).toBe('/s?a=1');
    expect(appendParam('/s?q=1&', 'a', '1')).toBe('/s?q=1&a=1');
  });
  it('keeps the fragment at the end', () => {
    expect(appendParam('/search?q=1#top', 'page', '2')).toBe('/search?q=1&page=2#top');
    expect(appendParam('/p#sec?x', 'a', 'b')).toBe('/p?a=b#sec?x');
    expect(appendParam('#top', 'a', '1')).toBe('?a=1#top');
  });
});

describe('security', () => {
  it('drops keys that would reach Object.prototype', () => {
    const parsed = parseQuery('__proto__=x&constructor=y&prototype=z&ok=1');
    expect(parsed).toEqual({ ok: '1' });
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect({}.x).toBeUndefined();
    expect(UNSAFE_KEYS).toHaveLength(3);
  });
  it('drops encoded prototype keys too', () => {
    expect(parseQuery('__pro%74o__=1&%5F%5Fproto%5F%5F=2')).toEqual({});
  });
  it('does not let a repeated key reach an inherited method', () => {
    expect(parseQuery('toString=a&toString=b')).toEqual({ toString: ['a', 'b'] });
    expect(parseQuery('hasOwnProperty=1')).toEqual({ hasOwnProperty: '1' });
  });
  it('encodes injected separators instead of passing them through', () => {
    expect(appendParam('/a', 'x', '1&admin=true')).toBe('/a?x=1%26admin%3Dtrue');
    expect(stringifyQuery({ x: '1#frag' })).toBe('x=1%23frag');
  });
});
