import { RESERVED_NAMES, parseIni, stringifyIni } from './ini.js';

describe('parseIni', () => {
  it('parses root keys and sections with typed values', () => {
    expect(parseIni('name = demo\n[server]\nport = 8080\ndebug = true')).toEqual({
      name: 'demo',
      server: { port: 8080, debug: true },
    });
  });
  it('skips blank lines and comments, with CRLF line ends', () => {
    expect(parseIni('; top\r\n\r\n[a]\r\n# note\r\nx = 1 ; one\r\n')).toEqual({ a: { x: 1 } });
  });
  it('returns an empty object for empty text', () => {
    expect(parseIni('')).toEqual({});
    expect(parseIni('\n\n; only comments\n')).toEqual({});
  });
  it('trims section names and keys, and keeps "=" inside values', () => {
    expect(parseIni('[ db ]\n url = a=b ')).toEqual({ db: { url: 'a=b' } });
    expect(parseIni('k=')).toEqual({ k: '' });
    expect(parseIni('k=12')).toEqual({ k: 12 });
  });
  it('keeps the last value of a repeated key', () => {
    expect(parseIni('a = 1\na = 2')).toEqual({ a: 2 });
  });
  it('merges repeated sections', () => {
    expect(parseIni('[s]\na = 1\n[t]\nb = 2\n[s]\nc = 3')).toEqual({
      s: { a: 1, c: 3 },
      t: { b: 2 },
    });
  });
  it('replaces a root value by a section of the same name', () => {
    expect(parseIni('s = 1\n[s]\nk = v')).toEqual({ s: { k: 'v' } });
  });
  it('accepts an empty section', () => {
    expect(parseIni('[empty]')).toEqual({ empty: {} });
  });
  it('reports malformed lines with their line number', () => {
    expect(() => parseIni('a = 1\njunk')).toThrow('line 2: expected key = value');
    expect(() => parseIni('\n\n[open')).toThrow('line 3: unclosed section header');
    expect(() => parseIni('[]')).toThrow('line 1: empty section name');
    expect(() => parseIni('x = 1\n = 2')).toThrow('line 2: empty key name');
  });
  it('rejects non-string input', () => {
    expect(() => parseIni(null)).toThrow('text must be a string');
  });
});

describe('stringifyIni', () => {
  it('writes root values, then sections', () => {
    expect(stringifyIni({ name: 'demo', server: { port: 8080 } })).toBe(
      'name = demo\n\n[server]\nport = 8080',
    );
  });
  it('puts root values first even when declared after a section', () => {
    expect(stringifyIni({ s: { a: true }, top: 1 })).toBe('top = 1\n\n[s]\na = true');
    expect(stringifyIni({ a: 1, b: 'two' })).toBe('a = 1\nb = two');
  });
  it('writes only sections, or nothing', () => {
    expect(stringifyIni({ a: { x: 1 }, b: {} })).toBe('[a]\nx = 1\n\n[b]');
    expect(stringifyIni({})).toBe('');
  });
  it('round-trips with parseIni', () => {
    const data = { title: 'x ; y', n: -2, db: { host: 'h', port: 5432, on: false, id: '007' } };
    expect(parseIni(stringifyIni(data))).toEqual(data);
  });
  it('rejects values it cannot write', () => {
    expect(() => stringifyIni({ a: null })).toThrow(TypeError);
    expect(() => stringifyIni({ s: { a: [1] } })).toThrow(TypeError);
  });
});

describe('security', () => {
  it('refuses reserved section names', () => {
    expect(() => parseIni('[__proto__]\npolluted = yes')).toThrow(
      'line 1: reserved section name __proto__',
    );
    expect(() => parseIni('[constructor]')).toThrow('reserved section name');
    expect({}.polluted).toBeUndefined();
  });
  it('refuses reserved key names at any level', () => {
    expect(() => parseIni('__proto__ = 1')).toThrow('reserved key name __proto__');
    expect(() => parseIni('[s]\nprototype = 1')).toThrow('line 2: reserved key name');
    expect(RESERVED_NAMES).toEqual(['__proto__', 'constructor', 'prototype']);
  });
  it('does not reuse inherited properties as sections', () => {
    expect(parseIni('[toString]\na = 1')).toEqual({ toString: { a: 1 } });
    expect(Object.getPrototypeOf(parseIni('[hasOwnProperty]'))).toBe(Object.prototype);
  });
});
