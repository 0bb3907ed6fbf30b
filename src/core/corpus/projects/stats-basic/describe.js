import { assertNumbers, mean, sum, sumOfSquares } from './sum.js';

/**
 * Variance of a list; population by default, sample (n - 1) when asked.
 * @param {number[]} values the numbers
 * @param {boolean} sample true for the sample (Bessel-corrected) variance
 * @returns {number} the variance
 * @example variance([2, 4, 4, 4, 5, 5, 7, 9], false) // => 4
 */
export function variance(values, sample = false) {
  const n = assertNumbers(values, 'values');
  if (sample && n < 2) {
    throw new RangeError('sample variance needs at least 2 values');
  }
  const divisor = sample ? n - 1 : n;
  return sumOfSquares(values) / divisor;
}

/**
 * Standard deviation: square root of the variance.
 * @param {number[]} values the numbers
 * @param {boolean} sample true for the sample standard deviation
 * @returns {number} the standard deviation
 * @example std([2, 4, 4, 4, 5, 5, 7, 9], false) // => 2
 */
export function std(values, sample = false) {
  return Math.sqrt(variance(values, sample));
}

/**
 * Median: middle value, or the mean of the two middle values for even lengths.
 * @param {number[]} values the numbers (not modified)
 * @returns {number} the median
 * @example median([3, 1, 2]) // => 2
 */
export function median(values) {
  const n = assertNumbers(values, 'values');
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(n / 2);
  if (n % 2 === 1) {
    return sorted[mid];
  }
  return (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Range of a list: largest minus smallest value.
 * @param {number[]} values the numbers
 * @returns {number} max - min
 * @example range([4, -1, 7]) // => 8
 */
export function range(values) {
  assertNumbers(values, 'values');
  return Math.max(...values) - Math.min(...values);
}

/**
 * Summary of a list: count, sum, mean, min, max, median and population std.
 * @param {number[]} values the numbers
 * @returns {{count: number, sum: number, mean: number, min: number, max: number, median: number, std: number}} the summary
 * @example summarize([1, 3]) // => { count: 2, sum: 4, mean: 2, min: 1, max: 3, median: 2, std: 1 }
 */
export function summarize(values) {
  const count = assertNumbers(values, 'values');
  return {
    count,
    sum: sum(values),
    mean: mean(values),
    min: Math.min(...values),
    max: Math.max(...values),
    median: median(values),
    std: std(values, false),
  };
}
