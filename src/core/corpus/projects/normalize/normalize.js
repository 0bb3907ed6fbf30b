function checkVector(values) {
  if (!Array.isArray(values)) {
    throw new TypeError('values must be an array');
  }
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new TypeError('values must contain only finite numbers');
    }
  }
}

/**
 * Clamps one number into [min, max].
 * @param {number} x the number
 * @param {number} min lower bound
 * @param {number} max upper bound (must be >= min)
 * @returns {number} the clamped number
 * @example clamp(12, 0, 10) // => 10
 */
export function clamp(x, min, max) {
  if (min > max) {
    throw new RangeError('min must not exceed max');
  }
  return Math.min(max, Math.max(min, x));
}

/**
 * Clamps every element of a list into [min, max].
 * @param {number[]} values the numbers
 * @param {number} min lower bound
 * @param {number} max upper bound
 * @returns {number[]} a new clipped list
 * @example clip([-5, 0.5, 9], 0, 1) // => [0, 0.5, 1]
 */
export function clip(values, min, max) {
  checkVector(values);
  return values.map((v) => clamp(v, min, max));
}

/**
 * Rescales values linearly so the smallest maps to lo and the largest to hi.
 * A constant list maps every value to the middle of the target range.
 * @param {number[]} values the numbers
 * @param {number} lo target minimum
 * @param {number} hi target maximum
 * @returns {number[]} the scaled list
 * @example minMaxScale([2, 4, 6], 0, 1) // => [0, 0.5, 1]
 */
export function minMaxScale(values, lo = 0, hi = 1) {
  checkVector(values);
  if (lo >= hi) {
    throw new RangeError('lo must be less than hi');
  }
  if (values.length === 0) {
    return [];
  }
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min;
  if (span === 0) {
    return values.map(() => (lo + hi) / 2);
  }
  return values.map((v) => lo + ((v - min) / span) * (hi - lo));
}

/**
 * Standardises values to zero mean and unit (population) standard deviation.
 * A constant list maps to all zeros.
 * @param {number[]} values the numbers
 * @returns {number[]} the z-scores
 * @example zScore([1, 3]) // => [-1, 1]
 */
export function zScore(values) {
  checkVector(values);
  const n = values.length;
  if (n === 0) {
    return [];
  }
  let total = 0;
  for (const v of values) total += v;
  const mean = total / n;
  let sq = 0;
  for (const v of values) sq += (v - mean) * (v - mean);
  const sd = Math.sqrt(sq / n);
  if (sd === 0) {
    return values.map(() => 0);
  }
  return values.map((v) => (v - mean) / sd);
}

/**
 * Divides a vector by its Euclidean length; the zero vector is returned unchanged.
 * @param {number[]} values the vector
 * @returns {number[]} a unit-length vector (or zeros)
 * @example l2Normalize([3, 4]) // => [0.6, 0.8]
 */
export function l2Normalize(values) {
  checkVector(values);
  let sq = 0;
  for (const v of values) sq += v * v;
  const norm = Math.sqrt(sq);
  if (norm === 0) {
    return values.slice();
  }
  return values.map((v) => v / norm);
}
