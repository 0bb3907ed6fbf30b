/**
 * Prelude chunk (JavaScript evaluated inside QuickJS on first use): the recursive equality
 * behind `toEqual`, `toStrictEqual` and `toMatchObject`.
 */
export const CHUNK_EQUAL = String.raw`(function () {
  'use strict';
  function sameErrors(a, b) {
    return b instanceof Error && a.name === b.name && a.message === b.message;
  }

  function equalLists(a, b, strict, seen) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (strict && (i in a) !== (i in b)) return false;
      if (!equalAt(a[i], b[i], strict, seen)) return false;
    }
    return true;
  }

  function equalSets(a, b, strict, seen) {
    if (!(b instanceof Set) || a.size !== b.size) return false;
    const rest = Array.from(b);
    for (const item of a) {
      if (b.has(item)) continue;
      if (!rest.some((other) => equalAt(item, other, strict, seen))) return false;
    }
    return true;
  }

  function equalMaps(a, b, strict, seen) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const pair of a) {
      if (!b.has(pair[0]) || !equalAt(pair[1], b.get(pair[0]), strict, seen)) return false;
    }
    return true;
  }

  function ownKeys(value, strict) {
    const keys = Object.keys(value);
    return strict ? keys : keys.filter((key) => value[key] !== undefined);
  }

  function equalRecords(a, b, strict, seen) {
    const keysA = ownKeys(a, strict);
    if (keysA.length !== ownKeys(b, strict).length) return false;
    for (const key of keysA) {
      if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
      if (!equalAt(a[key], b[key], strict, seen)) return false;
    }
    return true;
  }

  function equalObjects(a, b, strict, seen) {
    if (a instanceof Error) return sameErrors(a, b);
    if (a instanceof Date) return b instanceof Date && Object.is(a.getTime(), b.getTime());
    if (a instanceof RegExp) return b instanceof RegExp && String(a) === String(b);
    if (a instanceof Map) return equalMaps(a, b, strict, seen);
    if (a instanceof Set) return equalSets(a, b, strict, seen);
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a)) return equalLists(a, b, strict, seen);
    return equalRecords(a, b, strict, seen);
  }

  function equalAt(a, b, strict, seen) {
    if (Object.is(a, b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    for (const pair of seen) if (pair[0] === a) return pair[1] === b;
    seen.push([a, b]);
    try {
      return equalObjects(a, b, strict, seen);
    } finally {
      seen.pop();
    }
  }

  /** Recursive equality: strict also compares prototypes, undefined keys and array holes. */
  function deepEqual(a, b, strict) {
    return equalAt(a, b, strict, []);
  }

  function matchesObject(actual, expected) {
    if (typeof expected !== 'object' || expected === null) return deepEqual(actual, expected, false);
    if (typeof actual !== 'object' || actual === null) return false;
    if (Array.isArray(expected)) {
      return Array.isArray(actual) && actual.length === expected.length &&
        expected.every((item, i) => matchesObject(actual[i], item));
    }
    return Object.keys(expected).every((key) => key in actual && matchesObject(actual[key], expected[key]));
  }

  return { deepEqual, matchesObject };
})`;
