import { UNSAFE_KEYS, deepClone, deepMerge, isPlainObject, setByPath, splitPath } from './merge.js';

describe('isPlainObject', () => {
  it('accepts object literals and null-prototype objects', () => {
    expect(isPlainObject({ a: 1 })).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
  });
  it('rejects arrays, null, primitives and class instances', () => {
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject(null)).toBe(false);
    expect(isPlainObject('x')).toBe(false);
    expect(isPlainObject(new Map())).toBe(false);
  });
});

describe('deepClone', () => {
  it('copies nested objects and arrays', () => {
    const src = { a: [1, { b: 2 }], c: { d: 'x' } };
    const copy = deepClone(src);
    expect(copy).toEqual(src);
    copy.a[1].b = 99;
    copy.c.d = 'y';
    expect(src.a[1].b).toBe(2);
    expect(src.c.d).toBe('x');
  });
  it('returns primitives unchanged', () => {
    expect(deepClone(5)).toBe(5);
    expect(deepClone(null)).toBeNull();
  });
});

describe('deepMerge', () => {
  it('merges nested objects and replaces arrays', () => {
    expect(deepMerge({ a: { x: 1 }, b: [1] }, { a: { y: 2 }, b: [2] })).toEqual({
      a: { x: 1, y: 2 },
      b: [2],
    });
  });
  it('lets source values win, including null', () => {
    expect(deepMerge({ a: 1, b: { c: 1 } }, { a: 2, b: null })).toEqual({ a: 2, b: null });
  });
  it('keeps target values when the source is undefined', () => {
    expect(deepMerge({ a: 1 }, { a: undefined, b: 2 })).toEqual({ a: 1, b: 2 });
  });
  it('replaces a scalar with an object and vice versa', () => {
    expect(deepMerge({ a: 1 }, { a: { b: 2 } })).toEqual({ a: { b: 2 } });
    expect(deepMerge({ a: { b: 2 } }, { a: 3 })).toEqual({ a: 3 });
  });
  it('modifies neither input', () => {
    const t = { a: { x: 1 } };
    const s = { a: { y: [1] } };
    const out = deepMerge(t, s);
    out.a.y.push(2);
    expect(t).toEqual({ a: { x: 1 } });
    expect(s).toEqual({ a: { y: [1] } });
  });
  it('rejects non-plain inputs', () => {
    expect(() => deepMerge([], {})).toThrow(TypeError);
    expect(() => deepMerge({}, null)).toThrow('two plain objects');
  });
});

describe('splitPath', () => {
  it('splits dotted strings and copies arrays', () => {
    expect(splitPath('a.b.c')).toEqual(['a', 'b', 'c']);
    expect(splitPath(['x', 0])).toEqual(['x', '0']);
  });
  it('rejects empty segments and bad types', () => {
    expect(() => splitPath('a..b')).toThrow('empty segment');
    expect(() => splitPath('')).toThrow('empty segment');
    expect(() => splitPath([])).toThrow(Error);
    expect(() => splitPath(5)).toThrow('path must be a string or an array');
  });
});

describe('setByPath', () => {
  it('creates intermediate objects', () => {
    expect(setByPath({}, 'a.b', 1)).toEqual({ a: { b: 1 } });
  });
  it('keeps existing siblings', () => {
    expect(setByPath({ a: { c: 2 } }, 'a.b', 1)).toEqual({ a: { c: 2, b: 1 } });
  });
  it('replaces scalar steps with objects', () => {
    expect(setByPath({ a: 5 }, ['a', 'b'], true)).toEqual({ a: { b: true } });
    expect(setByPath({ a: null }, 'a.b', 0)).toEqual({ a: { b: 0 } });
  });
  it('sets a top-level key and returns the same object', () => {
    const o = {};
    expect(setByPath(o, 'k', 'v')).toBe(o);
    expect(o.k).toBe('v');
  });
  it('rejects a non-object target', () => {
    expect(() => setByPath(null, 'a', 1)).toThrow('target must be an object');
  });
});

describe('security', () => {
  it('lists the unsafe keys', () => {
    expect(UNSAFE_KEYS).toEqual(['__proto__', 'constructor', 'prototype']);
  });
  it('deepMerge ignores __proto__ from parsed JSON', () => {
    const evil = JSON.parse('{"__proto__": {"polluted": "yes"}, "ok": 1}');
    const out = deepMerge({}, evil);
    expect(out).toEqual({ ok: 1 });
    expect({}.polluted).toBeUndefined();
    expect(out.polluted).toBeUndefined();
    delete Object.prototype.polluted;
  });
  it('deepMerge ignores nested constructor.prototype', () => {
    const evil = JSON.parse('{"a": {"constructor": {"prototype": {"polluted": 1}}}}');
    const out = deepMerge({ a: {} }, evil);
    expect(out).toEqual({ a: {} });
    expect({}.polluted).toBeUndefined();
    delete Object.prototype.polluted;
  });
  it('deepClone drops unsafe keys', () => {
    const evil = JSON.parse('{"__proto__": {"x": 1}, "prototype": 2, "ok": 3}');
    const copy = deepClone(evil);
    expect(Object.keys(copy)).toEqual(['ok']);
    expect(copy.x).toBeUndefined();
  });
  it('setByPath refuses prototype paths', () => {
    expect(() => setByPath({}, '__proto__.polluted', 1)).toThrow('unsafe path segment: __proto__');
    expect(() => setByPath({}, 'constructor.prototype.polluted', 1)).toThrow('unsafe');
    expect(() => setByPath({}, ['a', 'prototype'], 1)).toThrow('unsafe');
    expect({}.polluted).toBeUndefined();
    delete Object.prototype.polluted;
  });
  it('setByPath does not write through inherited properties', () => {
    const o = {};
    setByPath(o, 'toString.x', 1);
    expect(typeof Object.prototype.toString).toBe('function');
    expect(Object.prototype.toString.x).toBeUndefined();
    expect(o.toString).toEqual({ x: 1 });
  });
});
