/** Keys that would reach or replace an object's prototype when assigned. */
export const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * Whether a value is a plain object (created by {} or with a null prototype).
 * @param {*} value the value
 * @returns {boolean} true for plain objects, false for arrays, null and class instances
 * @example isPlainObject({ a: 1 }) // => true
 */
export function isPlainObject(value) {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Deep copy of plain objects and arrays; unsafe keys are dropped.
 * @param {*} value the value
 * @returns {*} an independent copy
 * @example deepClone({ a: [1, { b: 2 }] }) // => { a: [1, { b: 2 }] }
 */
export function deepClone(value) {
  if (Array.isArray(value)) {
    return value.map((item) => deepClone(item));
  }
  if (isPlainObject(value)) {
    const out = {};
    for (const key of Object.keys(value)) {
      if (UNSAFE_KEYS.indexOf(key) !== -1) continue;
      out[key] = deepClone(value[key]);
    }
    return out;
  }
  return value;
}

/**
 * Merges source into a copy of target: nested plain objects merge, everything else
 * (arrays included) is replaced; undefined in source leaves the target value. Unsafe keys are skipped.
 * @param {object} target the base object (not modified)
 * @param {object} source the overrides (not modified)
 * @returns {object} a new merged object
 * @example deepMerge({ a: { x: 1 }, b: [1] }, { a: { y: 2 }, b: [2] }) // => { a: { x: 1, y: 2 }, b: [2] }
 */
export function deepMerge(target, source) {
  if (!isPlainObject(target) || !isPlainObject(source)) {
    throw new TypeError('deepMerge expects two plain objects');
  }
  const out = deepClone(target);
  for (const key of Object.keys(source)) {
    if (UNSAFE_KEYS.indexOf(key) !== -1) continue;
    const incoming = source[key];
    if (incoming === undefined) continue;
    const existing = out[key];
    if (isPlainObject(existing) && isPlainObject(incoming)) {
      out[key] = deepMerge(existing, incoming);
    } else {
      out[key] = deepClone(incoming);
    }
  }
  return out;
}

/**
 * Splits a dotted path ('a.b.0') or copies an array path, validating every segment.
 * @param {string|string[]} path the path
 * @returns {string[]} the segments
 * @example splitPath('a.b.c') // => ['a', 'b', 'c']
 */
export function splitPath(path) {
  const parts = Array.isArray(path)
    ? path.map(String)
    : typeof path === 'string'
      ? path.split('.')
      : null;
  if (parts === null) {
    throw new TypeError('path must be a string or an array');
  }
  if (parts.length === 0 || parts.some((p) => p === '')) {
    throw new Error('path has an empty segment');
  }
  for (const p of parts) {
    if (UNSAFE_KEYS.indexOf(p) !== -1) {
      throw new Error('unsafe path segment: ' + p);
    }
  }
  return parts;
}

/**
 * Sets a value at a path inside obj, creating plain objects for missing or non-object steps.
 * @param {object} obj the object to modify
 * @param {string|string[]} path dotted path or segment list
 * @param {*} value the value to store
 * @returns {object} obj, modified
 * @example setByPath({}, 'a.b', 1) // => { a: { b: 1 } }
 */
export function setByPath(obj, path, value) {
  if (obj === null || typeof obj !== 'object') {
    throw new TypeError('target must be an object');
  }
  const parts = splitPath(path);
  let node = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i];
    const next = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
    if (next === null || typeof next !== 'object') {
      node[key] = {};
    }
    node = node[key];
  }
  node[parts[parts.length - 1]] = value;
  return obj;
}
