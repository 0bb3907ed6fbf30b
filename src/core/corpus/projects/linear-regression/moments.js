/**
 * Checks that xs and ys are equal-length arrays of finite numbers with at least min entries.
 * @param {number[]} xs the inputs
 * @param {number[]} ys the targets
 * @param {number} min the minimum number of points
 * @returns {number} the number of points
 * @example checkSamples([1, 2], [3, 4], 2) // => 2
 */
export function checkSamples(xs, ys, min) {
  if (!Array.isArray(xs) || !Array.isArray(ys)) {
    throw new TypeError('xs and ys must be arrays');
  }
  if (xs.length !== ys.length) {
    throw new RangeError('xs and ys must have the same length');
  }
  if (xs.length < min) {
    throw new RangeError('need at least ' + min + ' points');
  }
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) {
      throw new TypeError('point ' + i + ' is not a pair of finite numbers');
    }
  }
  return xs.length;
}

/**
 * Mean of a non-empty list.
 * @param {number[]} values the numbers
 * @returns {number} the mean
 * @example average([2, 4, 9]) // => 5
 */
export function average(values) {
  if (values.length === 0) {
    throw new RangeError('average of an empty list');
  }
  let total = 0;
  for (const v of values) total += v;
  return total / values.length;
}

/**
 * Sum of products of deviations from the means (unnormalised covariance).
 * @param {number[]} xs the first list
 * @param {number[]} ys the second list
 * @returns {number} sum of (x - mean x) * (y - mean y)
 * @example coDeviation([1, 2, 3], [2, 4, 6]) // => 4
 */
export function coDeviation(xs, ys) {
  checkSamples(xs, ys, 1);
  const mx = average(xs);
  const my = average(ys);
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    total += (xs[i] - mx) * (ys[i] - my);
  }
  return total;
}
