/**
 * Checks that a value is a non-empty array of finite numbers.
 * @param {number[]} values the numbers to check
 * @param {string} name label used in error messages
 * @returns {number} the length of the array
 * @example assertNumbers([1, 2], 'xs') // => 2
 */
export function assertNumbers(values, name) {
  if (!Array.isArray(values)) {
    throw new TypeError(name + ' must be an array');
  }
  if (values.length === 0) {
    throw new RangeError(name + ' must not be empty');
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new TypeError(name + '[' + i + '] is not a finite number');
    }
  }
  return values.length;
}

/**
 * Adds up a list of numbers; the empty list sums to 0.
 * @param {number[]} values the numbers to add
 * @returns {number} the total
 * @example sum([1, 2, 3]) // => 6
 */
export function sum(values) {
  if (!Array.isArray(values)) {
    throw new TypeError('values must be an array');
  }
  let total = 0;
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new TypeError('values must contain only finite numbers');
    }
    total += v;
  }
  return total;
}

/**
 * Arithmetic mean of a non-empty list.
 * @param {number[]} values the numbers to average
 * @returns {number} the mean
 * @example mean([1, 2, 3, 6]) // => 3
 */
export function mean(values) {
  const n = assertNumbers(values, 'values');
  return sum(values) / n;
}

/**
 * Sum of squared deviations from the mean.
 * @param {number[]} values the numbers
 * @returns {number} the sum of (x - mean)^2
 * @example sumOfSquares([1, 3]) // => 2
 */
export function sumOfSquares(values) {
  const m = mean(values);
  let total = 0;
  for (const v of values) {
    const d = v - m;
    total += d * d;
  }
  return total;
}
