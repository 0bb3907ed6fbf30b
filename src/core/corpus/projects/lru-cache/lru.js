function checkCapacity(capacity) {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError('capacity must be an integer >= 1');
  }
}

function indexOfKey(cache, key) {
  if (typeof key !== 'string' && typeof key !== 'number') {
    throw new TypeError('key must be a string or a number');
  }
  return cache.entries.findIndex((entry) => entry[0] === key);
}

/**
 * Creates an empty cache; entries are [key, value] pairs, least recently used first.
 * @param {number} capacity largest number of entries, an integer >= 1
 * @returns {{capacity: number, entries: Array}} the empty cache
 * @example createCache(2) // => { capacity: 2, entries: [] }
 */
export function createCache(capacity) {
  checkCapacity(capacity);
  return { capacity, entries: [] };
}

/**
 * Looks a key up; a hit makes the entry the most recently used.
 * @param {object} cache the cache (not modified)
 * @param {string|number} key the key
 * @returns {{hit: boolean, value: *, cache: object}} the value (null on a miss) and the updated cache
 * @example cacheGet({ capacity: 2, entries: [['a', 1], ['b', 2]] }, 'a') // => { hit: true, value: 1, cache: { capacity: 2, entries: [['b', 2], ['a', 1]] } }
 */
export function cacheGet(cache, key) {
  const i = indexOfKey(cache, key);
  if (i < 0) {
    return { hit: false, value: null, cache };
  }
  const entry = cache.entries[i];
  const entries = cache.entries.slice(0, i).concat(cache.entries.slice(i + 1), [entry]);
  return { hit: true, value: entry[1], cache: { capacity: cache.capacity, entries } };
}

/**
 * Stores a value as the most recently used entry, evicting the least recently used ones over capacity.
 * @param {object} cache the cache (not modified)
 * @param {string|number} key the key
 * @param {*} value the value
 * @returns {object} the updated cache
 * @example cacheSet({ capacity: 2, entries: [['a', 1], ['b', 2]] }, 'c', 3) // => { capacity: 2, entries: [['b', 2], ['c', 3]] }
 */
export function cacheSet(cache, key, value) {
  const i = indexOfKey(cache, key);
  const entries = i < 0 ? cache.entries.slice() : cache.entries.filter((_, j) => j !== i);
  entries.push([key, value]);
  const overflow = entries.length - cache.capacity;
  return {
    capacity: cache.capacity,
    entries: overflow > 0 ? entries.slice(overflow) : entries,
  };
}

/**
 * Removes a key if present.
 * @param {object} cache the cache (not modified)
 * @param {string|number} key the key
 * @returns {object} the cache without the key (the same object when it was absent)
 * @example cacheDelete({ capacity: 3, entries: [['a', 1], ['b', 2]] }, 'a') // => { capacity: 3, entries: [['b', 2]] }
 */
export function cacheDelete(cache, key) {
  const i = indexOfKey(cache, key);
  if (i < 0) {
    return cache;
  }
  return { capacity: cache.capacity, entries: cache.entries.filter((_, j) => j !== i) };
}

/**
 * Changes the capacity, evicting least recently used entries that no longer fit.
 * @param {object} cache the cache (not modified)
 * @param {number} capacity the new capacity, an integer >= 1
 * @returns {object} the resized cache
 * @example resizeCache({ capacity: 3, entries: [['a', 1], ['b', 2], ['c', 3]] }, 1) // => { capacity: 1, entries: [['c', 3]] }
 */
export function resizeCache(cache, capacity) {
  checkCapacity(capacity);
  const start = Math.max(0, cache.entries.length - capacity);
  return { capacity, entries: cache.entries.slice(start) };
}

/**
 * Keys from most to least recently used.
 * @param {object} cache the cache
 * @returns {Array} the keys
 * @example keysByRecency({ capacity: 3, entries: [['a', 1], ['b', 2]] }) // => ['b', 'a']
 */
export function keysByRecency(cache) {
  const keys = [];
  for (const entry of cache.entries) {
    keys.unshift(entry[0]);
  }
  return keys;
}
