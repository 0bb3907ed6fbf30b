/** Group names that would reach Object.prototype if used as plain object keys. */
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Group name used for records whose key is null or missing. */
export const MISSING = '(none)';

/**
 * Reads a dotted property path from a record, following own properties only.
 * @param {object} item the record
 * @param {string} path property names separated by dots, e.g. 'user.city'
 * @returns {*} the value, or undefined when any step is missing
 * @example readPath({ user: { city: 'Oslo' } }, 'user.city') // => 'Oslo'
 */
export function readPath(item, path) {
  if (typeof path !== 'string' || path.length === 0) {
    throw new TypeError('path must be a non-empty string');
  }
  let cur = item;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') {
      return undefined;
    }
    if (!Object.prototype.hasOwnProperty.call(cur, part)) {
      return undefined;
    }
    cur = cur[part];
  }
  return cur;
}

/**
 * Turns a key value into a group name.
 * @param {*} value a string, number, boolean, null or undefined
 * @returns {string} the group name; null and undefined become MISSING
 * @example groupName(42) // => '42'
 */
export function groupName(value) {
  if (value === null || value === undefined) {
    return MISSING;
  }
  const t = typeof value;
  if (t !== 'string' && t !== 'number' && t !== 'boolean') {
    throw new TypeError('group key must be a string, number or boolean');
  }
  const name = String(value);
  if (FORBIDDEN_KEYS.includes(name)) {
    throw new Error('unsafe group key: ' + name);
  }
  return name;
}

/**
 * Group name of one record for a path.
 * @param {object} item the record
 * @param {string} path dotted property path
 * @returns {string} the group name
 * @example keyOf({ type: 'fruit' }, 'type') // => 'fruit'
 */
export function keyOf(item, path) {
  return groupName(readPath(item, path));
}
