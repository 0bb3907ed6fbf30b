import { capitalize, charKind, isWordStart, splitWords } from './words.js';

describe('charKind', () => {
  it('classifies the ends of each range', () => {
    expect(charKind('A')).toBe('upper');
    expect(charKind('Z')).toBe('upper');
    expect(charKind('a')).toBe('lower');
    expect(charKind('z')).toBe('lower');
    expect(charKind('0')).toBe('digit');
    expect(charKind('9')).toBe('digit');
  });
  it('puts neighbours of the ranges in other', () => {
    expect(charKind('@')).toBe('other');
    expect(charKind('[')).toBe('other');
    expect(charKind('`')).toBe('other');
    expect(charKind('{')).toBe('other');
    expect(charKind('/')).toBe('other');
    expect(charKind(':')).toBe('other');
    expect(charKind('-')).toBe('other');
  });
});

describe('isWordStart', () => {
  it('starts a word at a capital after a lowercase letter or digit', () => {
    expect(isWordStart('fooBar', 3)).toBe(true);
    expect(isWordStart('v2Api', 2)).toBe(true);
  });
  it('does not start a word at lowercase letters or digits', () => {
    expect(isWordStart('fooBar', 2)).toBe(false);
    expect(isWordStart('foo2', 3)).toBe(false);
    expect(isWordStart('Foo', 1)).toBe(false);
  });
  it('starts a word at the last capital of an acronym followed by lowercase', () => {
    expect(isWordStart('XMLHttp', 3)).toBe(true);
    expect(isWordStart('XMLHttp', 2)).toBe(false);
    expect(isWordStart('XMLHttp', 1)).toBe(false);
  });
  it('does not split a trailing acronym', () => {
    expect(isWordStart('getID', 4)).toBe(false);
    expect(isWordStart('ABC', 2)).toBe(false);
  });
});

describe('splitWords', () => {
  it('splits camelCase and PascalCase', () => {
    expect(splitWords('fooBarBaz')).toEqual(['foo', 'Bar', 'Baz']);
    expect(splitWords('FooBar')).toEqual(['Foo', 'Bar']);
  });
  it('keeps acronyms together', () => {
    expect(splitWords('parseHTTPResponse')).toEqual(['parse', 'HTTP', 'Response']);
    expect(splitWords('getID')).toEqual(['get', 'ID']);
    expect(splitWords('IOError')).toEqual(['IO', 'Error']);
  });
  it('splits on any non-alphanumeric separator', () => {
    expect(splitWords('max-value_2 now')).toEqual(['max', 'value', '2', 'now']);
    expect(splitWords('__a..b__')).toEqual(['a', 'b']);
  });
  it('keeps digits attached to the word before them', () => {
    expect(splitWords('base64Encode')).toEqual(['base64', 'Encode']);
    expect(splitWords('x1')).toEqual(['x1']);
  });
  it('handles single characters and empty input', () => {
    expect(splitWords('a')).toEqual(['a']);
    expect(splitWords('A')).toEqual(['A']);
    expect(splitWords('')).toEqual([]);
    expect(splitWords(' - ')).toEqual([]);
  });
  it('rejects non-strings', () => {
    expect(() => splitWords(undefined)).toThrow(TypeError);
    expect(() => splitWords(['a'])).toThrow('text must be a string');
  });
});

describe('capitalize', () => {
  it('uppercases the first letter and lowercases the rest', () => {
    expect(capitalize('hELLO')).toBe('Hello');
    expect(capitalize('x')).toBe('X');
    expect(capitalize('HTTP')).toBe('Http');
  });
  it('returns an empty string unchanged', () => {
    expect(capitalize('')).toBe('');
  });
});
