import { getPath, hasPath, parsePath, pickPaths } from './get.js';

const data = {
  user: { name: 'Ada', tags: ['x', 'y'], address: { city: 'London' }, nothing: null },
  grid: [
    [1, 2],
    [3, 4],
  ],
  zero: 0,
};

describe('parsePath', () => {
  it('splits dots and brackets', () => {
    expect(parsePath('users[2].name')).toEqual(['users', '2', 'name']);
    expect(parsePath('a.b.c')).toEqual(['a', 'b', 'c']);
    expect(parsePath('grid[1][0]')).toEqual(['grid', '1', '0']);
  });
  it('returns [] for the empty path', () => {
    expect(parsePath('')).toEqual([]);
  });
  it('allows a leading index', () => {
    expect(parsePath('[0].a')).toEqual(['0', 'a']);
  });
  it('rejects empty and malformed segments', () => {
    expect(() => parsePath('a..b')).toThrow('empty path segment');
    expect(() => parsePath('a.')).toThrow('empty path segment');
    expect(() => parsePath('a.[0]')).toThrow('empty path segment');
    expect(() => parsePath('a[x]')).toThrow('malformed path segment: a[x]');
    expect(() => parsePath('a[0')).toThrow('malformed');
  });
  it('rejects non-strings', () => {
    expect(() => parsePath(['a'])).toThrow('path must be a string');
  });
});

describe('getPath', () => {
  it('reads nested values', () => {
    expect(getPath(data, 'user.name')).toBe('Ada');
    expect(getPath(data, 'user.address.city')).toBe('London');
    expect(getPath(data, 'user.tags[1]')).toBe('y');
    expect(getPath(data, 'grid[1][0]')).toBe(3);
  });
  it('returns falsy values that exist', () => {
    expect(getPath(data, 'zero', 'fb')).toBe(0);
    expect(getPath(data, 'user.nothing', 'fb')).toBeNull();
  });
  it('returns the fallback for missing paths', () => {
    expect(getPath(data, 'user.age', 'fb')).toBe('fb');
    expect(getPath(data, 'user.tags[5]', 'fb')).toBe('fb');
    expect(getPath(data, 'user.nothing.deeper', 'fb')).toBe('fb');
    expect(getPath(data, 'missing')).toBeUndefined();
  });
  it('does not walk into primitives', () => {
    expect(getPath(data, 'user.name.length', 'fb')).toBe('fb');
    expect(getPath('abc', '0', 'fb')).toBe('fb');
  });
  it('returns the root for the empty path', () => {
    expect(getPath(data, '')).toBe(data);
  });
});

describe('hasPath', () => {
  it('is true for existing paths, including undefined values', () => {
    expect(hasPath(data, 'user.address')).toBe(true);
    expect(hasPath({ a: { b: undefined } }, 'a.b')).toBe(true);
    expect(hasPath(data, 'user.tags[0]')).toBe(true);
  });
  it('is false for missing paths', () => {
    expect(hasPath(data, 'user.x')).toBe(false);
    expect(hasPath(data, 'user.tags[2]')).toBe(false);
    expect(hasPath(null, 'a')).toBe(false);
  });
});

describe('pickPaths', () => {
  it('copies resolvable paths only', () => {
    expect(pickPaths({ a: { b: 1 }, c: 2 }, ['a.b', 'x'])).toEqual({ 'a.b': 1 });
    expect(pickPaths(data, ['zero', 'user.tags[0]'])).toEqual({ zero: 0, 'user.tags[0]': 'x' });
  });
  it('keeps undefined values that exist', () => {
    expect(Object.keys(pickPaths({ u: undefined }, ['u']))).toEqual(['u']);
  });
});

describe('security', () => {
  it('does not read inherited properties', () => {
    expect(getPath({}, 'constructor', 'fb')).toBe('fb');
    expect(getPath({}, 'toString', 'fb')).toBe('fb');
    expect(getPath({}, '__proto__', 'fb')).toBe('fb');
  });
  it('cannot reach Function through constructor chains', () => {
    expect(getPath(data, 'user.constructor.constructor', 'fb')).toBe('fb');
    expect(hasPath(data, 'user.constructor')).toBe(false);
    expect(getPath([], 'constructor', 'fb')).toBe('fb');
  });
  it('does not see properties of a custom prototype', () => {
    const obj = Object.create({ secret: 'hidden' });
    expect(getPath(obj, 'secret', 'fb')).toBe('fb');
    expect(hasPath(obj, 'secret')).toBe(false);
  });
  it('reads an own __proto__ key from parsed JSON as data', () => {
    const obj = JSON.parse('{"__proto__": {"x": 1}}');
    expect(getPath(obj, '__proto__.x')).toBe(1);
    expect(pickPaths({}, ['__proto__', 'constructor'])).toEqual({});
  });
  it('pickPaths stores a __proto__ path as data, not as the prototype', () => {
    const picked = pickPaths(JSON.parse('{"__proto__": {"x": 1}}'), ['__proto__']);
    expect(Object.keys(picked)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(picked) === Object.prototype).toBe(true);
    expect(picked.x).toBeUndefined();
  });
});
