/** Largest number of values range() will produce. */
export const MAX_RANGE = 10000;

function assertArray(value, name) {
  if (!Array.isArray(value)) {
    throw new TypeError(name + ' must be an array');
  }
}

/**
 * Splits an array into consecutive chunks of a given size; the last chunk may be shorter.
 * @param {Array} items the array to split
 * @param {number} size chunk length, an integer >= 1
 * @returns {Array[]} the chunks, in order
 * @example chunk([1, 2, 3, 4, 5], 2) // => [[1, 2], [3, 4], [5]]
 */
export function chunk(items, size) {
  assertArray(items, 'items');
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError('size must be an integer >= 1');
  }
  const out = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/**
 * Pairs up elements of two arrays by index, stopping at the shorter one.
 * @param {Array} left first array
 * @param {Array} right second array
 * @returns {Array[]} pairs [left[i], right[i]]
 * @example zip([1, 2, 3], ['a', 'b']) // => [[1, 'a'], [2, 'b']]
 */
export function zip(left, right) {
  assertArray(left, 'left');
  assertArray(right, 'right');
  const n = Math.min(left.length, right.length);
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push([left[i], right[i]]);
  }
  return out;
}

/**
 * Flattens nested arrays up to a given depth.
 * @param {Array} items possibly nested array
 * @param {number} depth how many levels to open (0 returns a shallow copy)
 * @returns {Array} the flattened array
 * @example flatten([1, [2, [3, [4]]]], 2) // => [1, 2, 3, [4]]
 */
export function flatten(items, depth = 1) {
  assertArray(items, 'items');
  if (!Number.isInteger(depth) || depth < 0) {
    throw new RangeError('depth must be a non-negative integer');
  }
  const out = [];
  for (const item of items) {
    if (Array.isArray(item) && depth > 0) {
      const inner = flatten(item, depth - 1);
      for (const x of inner) {
        out.push(x);
      }
    } else {
      out.push(item);
    }
  }
  return out;
}

/**
 * Keeps the first object for each distinct value of a property.
 * @param {object[]} items objects to de-duplicate
 * @param {string} key property compared between objects
 * @returns {object[]} the first object seen for each key value
 * @example uniqueBy([{ id: 1, v: 'a' }, { id: 1, v: 'b' }, { id: 2, v: 'c' }], 'id') // => [{ id: 1, v: 'a' }, { id: 2, v: 'c' }]
 */
export function uniqueBy(items, key) {
  assertArray(items, 'items');
  const seen = [];
  const out = [];
  for (const item of items) {
    const value = item === null || typeof item !== 'object' ? undefined : item[key];
    if (!seen.includes(value)) {
      seen.push(value);
      out.push(item);
    }
  }
  return out;
}

/**
 * Integers from start (inclusive) to end (exclusive) by a non-zero step.
 * @param {number} start first value
 * @param {number} end bound that is never reached
 * @param {number} step increment, negative to count down
 * @returns {number[]} the sequence ([] when the step points away from end)
 * @example range(0, 10, 3) // => [0, 3, 6, 9]
 */
export function range(start, end, step = 1) {
  if (step === 0 || !Number.isFinite(step)) {
    throw new RangeError('step must be a finite non-zero number');
  }
  // A bound on the length keeps a typo like range(0, 1e9) from hanging the caller.
  if ((end - start) / step > MAX_RANGE) {
    throw new RangeError('range would exceed ' + MAX_RANGE + ' values');
  }
  const out = [];
  for (let v = start; step > 0 ? v < end : v > end; v += step) {
    out.push(v);
  }
  return out;
}
