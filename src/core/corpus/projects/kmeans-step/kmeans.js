import { centroid, squaredDistance } from './vec.js';

/**
 * Index of the centroid closest to a point; ties go to the lower index.
 * @param {number[]} point the point
 * @param {number[][]} centroids the centroids (at least one)
 * @returns {number} index of the nearest centroid
 * @example nearest([1, 1], [[0, 0], [5, 5]]) // => 0
 */
export function nearest(point, centroids) {
  if (!Array.isArray(centroids) || centroids.length === 0) {
    throw new RangeError('at least one centroid is required');
  }
  let best = 0;
  let bestDist = squaredDistance(point, centroids[0]);
  for (let k = 1; k < centroids.length; k++) {
    const d = squaredDistance(point, centroids[k]);
    if (d < bestDist) {
      best = k;
      bestDist = d;
    }
  }
  return best;
}

/**
 * Assigns every point to its nearest centroid.
 * @param {number[][]} points the points
 * @param {number[][]} centroids the centroids
 * @returns {number[]} one centroid index per point
 * @example assign([[0], [4], [9]], [[1], [8]]) // => [0, 0, 1]
 */
export function assign(points, centroids) {
  return points.map((p) => nearest(p, centroids));
}

/**
 * Recomputes each centroid as the mean of its points; an empty cluster keeps its old centroid.
 * @param {number[][]} points the points
 * @param {number[]} assignment centroid index per point
 * @param {number[][]} previous the current centroids
 * @returns {number[][]} the new centroids
 * @example recompute([[0], [2], [10]], [0, 0, 1], [[0], [9]]) // => [[1], [10]]
 */
export function recompute(points, assignment, previous) {
  if (points.length !== assignment.length) {
    throw new RangeError('assignment length must match points');
  }
  const groups = previous.map(() => []);
  for (let i = 0; i < points.length; i++) {
    const k = assignment[i];
    if (!Number.isInteger(k) || k < 0 || k >= groups.length) {
      throw new RangeError('invalid cluster index ' + k);
    }
    groups[k].push(points[i]);
  }
  return groups.map((g, k) => (g.length > 0 ? centroid(g) : previous[k].slice()));
}

/**
 * Sum of squared distances from each point to its assigned centroid.
 * @param {number[][]} points the points
 * @param {number[]} assignment centroid index per point
 * @param {number[][]} centroids the centroids
 * @returns {number} the inertia
 * @example inertia([[0], [2]], [0, 0], [[1]]) // => 2
 */
export function inertia(points, assignment, centroids) {
  let total = 0;
  for (let i = 0; i < points.length; i++) {
    total += squaredDistance(points[i], centroids[assignment[i]]);
  }
  return total;
}

/**
 * One k-means iteration: assign, recompute, and report whether any centroid moved.
 * @param {number[][]} points the points
 * @param {number[][]} centroids the current centroids
 * @returns {{assignment: number[], centroids: number[][], inertia: number, converged: boolean}} the result
 * @example step([[0], [2], [10]], [[0], [9]]) // => { assignment: [0, 0, 1], centroids: [[1], [10]], inertia: 2, converged: false }
 */
export function step(points, centroids) {
  const assignment = assign(points, centroids);
  const next = recompute(points, assignment, centroids);
  let converged = true;
  for (let k = 0; k < next.length; k++) {
    if (squaredDistance(next[k], centroids[k]) > 0) converged = false;
  }
  return { assignment, centroids: next, inertia: inertia(points, assignment, next), converged };
}
