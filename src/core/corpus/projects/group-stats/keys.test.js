import { FORBIDDEN_KEYS, MISSING, groupName, keyOf, readPath } from './keys.js';

describe('readPath', () => {
  it('reads a top-level property', () => {
    expect(readPath({ a: 1 }, 'a')).toBe(1);
    expect(readPath({ a: 0 }, 'a')).toBe(0);
  });
  it('follows dotted paths', () => {
    expect(readPath({ user: { city: 'Oslo' } }, 'user.city')).toBe('Oslo');
    expect(readPath({ a: { b: { c: false } } }, 'a.b.c')).toBe(false);
  });
  it('returns undefined when a step is missing or not an object', () => {
    expect(readPath({ a: 1 }, 'b')).toBeUndefined();
    expect(readPath({ a: 1 }, 'a.b')).toBeUndefined();
    expect(readPath({ a: null }, 'a.b')).toBeUndefined();
    expect(readPath(null, 'a')).toBeUndefined();
    expect(readPath('text', 'length')).toBeUndefined();
  });
  it('reads array indexes as properties', () => {
    expect(readPath({ tags: ['x', 'y'] }, 'tags.1')).toBe('y');
  });
  it('rejects an empty or non-string path', () => {
    expect(() => readPath({}, '')).toThrow(TypeError);
    expect(() => readPath({}, 3)).toThrow('path must be a non-empty string');
  });
});

describe('groupName', () => {
  it('stringifies strings, numbers and booleans', () => {
    expect(groupName('fruit')).toBe('fruit');
    expect(groupName(42)).toBe('42');
    expect(groupName(0)).toBe('0');
    expect(groupName(false)).toBe('false');
    expect(groupName('')).toBe('');
  });
  it('maps null and undefined to MISSING', () => {
    expect(groupName(null)).toBe(MISSING);
    expect(groupName(undefined)).toBe('(none)');
  });
  it('rejects objects and arrays', () => {
    expect(() => groupName({})).toThrow(TypeError);
    expect(() => groupName([1])).toThrow('group key must be a string, number or boolean');
  });
});

describe('keyOf', () => {
  it('combines path lookup and naming', () => {
    expect(keyOf({ type: 'fruit' }, 'type')).toBe('fruit');
    expect(keyOf({ meta: { n: 3 } }, 'meta.n')).toBe('3');
    expect(keyOf({}, 'type')).toBe(MISSING);
  });
});

describe('security', () => {
  it('does not read inherited properties such as constructor or __proto__', () => {
    expect(readPath({}, 'constructor')).toBeUndefined();
    expect(readPath({}, '__proto__')).toBeUndefined();
    expect(readPath({ a: {} }, 'a.toString')).toBeUndefined();
  });
  it('refuses group names that would reach the prototype', () => {
    expect(FORBIDDEN_KEYS).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(() => groupName('__proto__')).toThrow('unsafe group key: __proto__');
    expect(() => groupName('constructor')).toThrow(Error);
    expect(() => groupName('prototype')).toThrow('unsafe');
  });
});
