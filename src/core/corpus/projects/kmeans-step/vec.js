/**
 * Checks that two points have the same dimension.
 * @param {number[]} a first point
 * @param {number[]} b second point
 * @returns {number} the shared dimension
 * @example sameDim([1, 2], [3, 4]) // => 2
 */
export function sameDim(a, b) {
  if (!Array.isArray(a) || !Array.isArray(b)) {
    throw new TypeError('points must be arrays');
  }
  if (a.length !== b.length) {
    throw new RangeError('dimension mismatch: ' + a.length + ' vs ' + b.length);
  }
  return a.length;
}

/**
 * Squared Euclidean distance between two points.
 * @param {number[]} a first point
 * @param {number[]} b second point
 * @returns {number} sum of squared coordinate differences
 * @example squaredDistance([0, 0], [3, 4]) // => 25
 */
export function squaredDistance(a, b) {
  const n = sameDim(a, b);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i] - b[i];
    total += d * d;
  }
  return total;
}

/**
 * A vector of zeros.
 * @param {number} dim the dimension
 * @returns {number[]} dim zeros
 * @example zeros(3) // => [0, 0, 0]
 */
export function zeros(dim) {
  if (!Number.isInteger(dim) || dim < 0) {
    throw new RangeError('dim must be a non-negative integer');
  }
  const out = [];
  for (let i = 0; i < dim; i++) out.push(0);
  return out;
}

/**
 * Coordinate-wise mean of a non-empty list of points.
 * @param {number[][]} points the points
 * @returns {number[]} the centroid
 * @example centroid([[0, 0], [2, 4]]) // => [1, 2]
 */
export function centroid(points) {
  if (!Array.isArray(points) || points.length === 0) {
    throw new RangeError('centroid needs at least one point');
  }
  const acc = zeros(points[0].length);
  for (const p of points) {
    sameDim(p, acc);
    for (let i = 0; i < acc.length; i++) acc[i] += p[i];
  }
  return acc.map((v) => v / points.length);
}
