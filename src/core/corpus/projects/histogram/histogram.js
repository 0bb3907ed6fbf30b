/**
 * Evenly spaced bin edges from min to max; there is one more edge than bins.
 * @param {number} min lowest edge
 * @param {number} max highest edge (greater than min)
 * @param {number} bins number of bins (positive integer)
 * @returns {number[]} the edges, with the last one exactly max
 * @example binEdges(0, 10, 5) // => [0, 2, 4, 6, 8, 10]
 */
export function binEdges(min, max, bins) {
  if (!Number.isInteger(bins) || bins < 1) {
    throw new RangeError('bins must be a positive integer');
  }
  if (!(max > min)) {
    throw new RangeError('max must be greater than min');
  }
  const width = (max - min) / bins;
  const edges = [];
  for (let i = 0; i < bins; i++) {
    edges.push(min + i * width);
  }
  // Pin the last edge so accumulated rounding never leaves max outside the range.
  edges.push(max);
  return edges;
}

/**
 * Bin that holds x: bins are [e[i], e[i+1]) except the last, which includes its right edge.
 * @param {number} x the value
 * @param {number[]} edges ascending bin edges (at least two)
 * @returns {number} the bin index, or -1 when x is outside the edges
 * @example binIndex(10, [0, 5, 10]) // => 1
 */
export function binIndex(x, edges) {
  if (!Array.isArray(edges) || edges.length < 2) {
    throw new RangeError('edges must have at least two values');
  }
  const last = edges.length - 1;
  if (x < edges[0] || x > edges[last]) {
    return -1;
  }
  if (x === edges[last]) {
    return last - 1;
  }
  // Binary search for the largest i with edges[i] <= x.
  let lo = 0;
  let hi = last - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (edges[mid] <= x) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

/**
 * Counts values per bin; values outside the edges and NaN are ignored.
 * @param {number[]} values the data
 * @param {number[]} edges ascending bin edges
 * @returns {number[]} one count per bin
 * @example binCounts([0, 1, 5, 10, 11], [0, 5, 10]) // => [2, 2]
 */
export function binCounts(values, edges) {
  const counts = [];
  for (let i = 0; i < edges.length - 1; i++) counts.push(0);
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    const i = binIndex(v, edges);
    if (i >= 0) counts[i] += 1;
  }
  return counts;
}

/**
 * Running totals of a count list.
 * @param {number[]} counts the per-bin counts
 * @returns {number[]} cumulative counts, same length
 * @example cumulative([2, 0, 3]) // => [2, 2, 5]
 */
export function cumulative(counts) {
  const out = [];
  let total = 0;
  for (const c of counts) {
    total += c;
    out.push(total);
  }
  return out;
}

/**
 * Histogram of a non-empty data list spanning its own min and max.
 * @param {number[]} values the data
 * @param {number} bins number of bins
 * @returns {{edges: number[], counts: number[]}} edges and counts
 * @example histogram([1, 2, 2, 3], 2) // => { edges: [1, 2, 3], counts: [1, 3] }
 */
export function histogram(values, bins) {
  if (!Array.isArray(values) || values.length === 0) {
    throw new RangeError('values must be a non-empty array');
  }
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    // A single distinct value gets a unit-wide range centred on it.
    min -= 0.5;
    max += 0.5;
  }
  const edges = binEdges(min, max, bins);
  return { edges, counts: binCounts(values, edges) };
}
