/**
 * Tells whether an array is sorted in non-decreasing order.
 * @param {Array} items numbers or strings
 * @returns {boolean} true when every element is <= the next one
 * @example isSorted([1, 2, 2, 5]) // => true
 */
export function isSorted(items) {
  for (let i = 1; i < items.length; i++) {
    if (items[i - 1] > items[i]) {
      return false;
    }
  }
  return true;
}

/**
 * First index whose element is >= target (items.length when there is none).
 * @param {Array} sorted numbers or strings in non-decreasing order
 * @param {number|string} target the value to place
 * @returns {number} an index in [0, sorted.length]
 * @example lowerBound([1, 2, 2, 2, 5], 2) // => 1
 */
export function lowerBound(sorted, target) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < target) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/**
 * First index whose element is > target (items.length when there is none).
 * @param {Array} sorted numbers or strings in non-decreasing order
 * @param {number|string} target the value to place
 * @returns {number} an index in [0, sorted.length]
 * @example upperBound([1, 2, 2, 2, 5], 2) // => 4
 */
export function upperBound(sorted, target) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= target) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/**
 * Index of the first element equal to target, or -1.
 * @param {Array} sorted numbers or strings in non-decreasing order
 * @param {number|string} target the value to find
 * @returns {number} the leftmost matching index, -1 when absent
 * @example binarySearch([1, 3, 3, 7], 3) // => 1
 */
export function binarySearch(sorted, target) {
  const i = lowerBound(sorted, target);
  return i < sorted.length && sorted[i] === target ? i : -1;
}

/**
 * Copy of a sorted array with a value inserted after any equal elements.
 * @param {Array} sorted numbers or strings in non-decreasing order (not modified)
 * @param {number|string} value the value to insert
 * @returns {Array} a new sorted array one element longer
 * @example insertSorted([1, 3, 5], 4) // => [1, 3, 4, 5]
 */
export function insertSorted(sorted, value) {
  if (!Array.isArray(sorted)) {
    throw new TypeError('sorted must be an array');
  }
  const at = upperBound(sorted, value);
  return sorted.slice(0, at).concat([value], sorted.slice(at));
}

/**
 * Counts elements in the closed interval [low, high].
 * @param {Array} sorted numbers or strings in non-decreasing order
 * @param {number|string} low smallest value counted
 * @param {number|string} high largest value counted
 * @returns {number} how many elements v satisfy low <= v <= high (0 when low > high)
 * @example countInRange([1, 2, 2, 4, 6, 9], 2, 6) // => 4
 */
export function countInRange(sorted, low, high) {
  if (low > high) {
    return 0;
  }
  return upperBound(sorted, high) - lowerBound(sorted, low);
}
