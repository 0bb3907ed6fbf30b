import { keyOf, readPath } from './keys.js';

function assertItems(items) {
  if (!Array.isArray(items)) {
    throw new TypeError('items must be an array');
  }
}

/**
 * Groups records by the value at a path, keeping record order inside each group.
 * @param {object[]} items the records
 * @param {string} path dotted property path of the key
 * @returns {object} group name to the records in that group
 * @example groupBy([{ t: 'a', v: 1 }, { t: 'b', v: 2 }, { t: 'a', v: 3 }], 't') // => { a: [{ t: 'a', v: 1 }, { t: 'a', v: 3 }], b: [{ t: 'b', v: 2 }] }
 */
export function groupBy(items, path) {
  assertItems(items);
  const out = {};
  for (const item of items) {
    const name = keyOf(item, path);
    if (!Object.prototype.hasOwnProperty.call(out, name)) {
      out[name] = [];
    }
    out[name].push(item);
  }
  return out;
}

/**
 * Counts records per value at a path.
 * @param {object[]} items the records
 * @param {string} path dotted property path of the key
 * @returns {object} group name to count
 * @example countBy([{ t: 'a' }, { t: 'b' }, { t: 'a' }], 't') // => { a: 2, b: 1 }
 */
export function countBy(items, path) {
  assertItems(items);
  const out = {};
  for (const item of items) {
    const name = keyOf(item, path);
    out[name] = (Object.prototype.hasOwnProperty.call(out, name) ? out[name] : 0) + 1;
  }
  return out;
}

/**
 * Sums a numeric field per group; missing values count as 0.
 * @param {object[]} items the records
 * @param {string} groupPath dotted path of the key
 * @param {string} valuePath dotted path of the number to add up
 * @returns {object} group name to total
 * @example sumBy([{ t: 'a', n: 2 }, { t: 'a', n: 3 }, { t: 'b', n: 1 }], 't', 'n') // => { a: 5, b: 1 }
 */
export function sumBy(items, groupPath, valuePath) {
  assertItems(items);
  const out = {};
  for (const item of items) {
    const name = keyOf(item, groupPath);
    const raw = readPath(item, valuePath);
    const value = raw === undefined || raw === null ? 0 : raw;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new TypeError('value at ' + valuePath + ' must be a finite number');
    }
    out[name] = (Object.prototype.hasOwnProperty.call(out, name) ? out[name] : 0) + value;
  }
  return out;
}

/**
 * Splits records in two by the truthiness of the value at a path.
 * @param {object[]} items the records
 * @param {string} path dotted property path of the flag
 * @returns {Array[]} [records with a truthy value, the other records], order kept
 * @example partition([{ ok: true, id: 1 }, { ok: false, id: 2 }, { id: 3 }], 'ok') // => [[{ ok: true, id: 1 }], [{ ok: false, id: 2 }, { id: 3 }]]
 */
export function partition(items, path) {
  assertItems(items);
  const yes = [];
  const no = [];
  for (const item of items) {
    if (readPath(item, path)) {
      yes.push(item);
    } else {
      no.push(item);
    }
  }
  return [yes, no];
}
