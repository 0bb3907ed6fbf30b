function check(interval) {
  if (!Array.isArray(interval) || interval.length !== 2) {
    throw new TypeError('an interval is a [start, end] pair');
  }
  const [start, end] = interval;
  if (!Number.isFinite(start) || !Number.isFinite(end)) {
    throw new TypeError('interval bounds must be finite numbers');
  }
  if (start > end) {
    throw new RangeError('interval start ' + start + ' is after its end ' + end);
  }
}

/**
 * Tells whether two closed intervals share at least one point.
 * @param {number[]} a first interval [start, end]
 * @param {number[]} b second interval [start, end]
 * @returns {boolean} true when they overlap or touch
 * @example overlaps([1, 3], [3, 5]) // => true
 */
export function overlaps(a, b) {
  check(a);
  check(b);
  return a[0] <= b[1] && b[0] <= a[1];
}

/**
 * Merges overlapping or touching intervals into a sorted list of disjoint ones.
 * @param {number[][]} intervals intervals in any order (not modified)
 * @returns {number[][]} the merged intervals, sorted by start
 * @example mergeIntervals([[8, 10], [1, 3], [2, 6], [6, 7]]) // => [[1, 7], [8, 10]]
 */
export function mergeIntervals(intervals) {
  intervals.forEach(check);
  const sorted = intervals.slice().sort((x, y) => x[0] - y[0]);
  const out = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && start <= last[1]) {
      last[1] = Math.max(last[1], end);
    } else {
      out.push([start, end]);
    }
  }
  return out;
}

/**
 * Inserts an interval into a sorted disjoint list, merging where needed.
 * @param {number[][]} sorted sorted, disjoint intervals (not modified)
 * @param {number[]} interval the interval to add
 * @returns {number[][]} a new sorted disjoint list
 * @example insertInterval([[1, 2], [3, 5], [6, 7], [8, 10]], [4, 8]) // => [[1, 2], [3, 10]]
 */
export function insertInterval(sorted, interval) {
  check(interval);
  let [start, end] = interval;
  const out = [];
  let i = 0;
  while (i < sorted.length && sorted[i][1] < start) {
    out.push(sorted[i].slice());
    i++;
  }
  while (i < sorted.length && sorted[i][0] <= end) {
    start = Math.min(start, sorted[i][0]);
    end = Math.max(end, sorted[i][1]);
    i++;
  }
  out.push([start, end]);
  while (i < sorted.length) {
    out.push(sorted[i].slice());
    i++;
  }
  return out;
}

/**
 * Length of the union of the intervals (overlaps counted once).
 * @param {number[][]} intervals intervals in any order
 * @returns {number} the covered length
 * @example totalLength([[1, 4], [2, 6], [10, 11]]) // => 6
 */
export function totalLength(intervals) {
  let total = 0;
  for (const [start, end] of mergeIntervals(intervals)) {
    total += end - start;
  }
  return total;
}

/**
 * Parts of a window [low, high] not covered by any interval.
 * @param {number[][]} intervals intervals in any order
 * @param {number} low start of the window
 * @param {number} high end of the window
 * @returns {number[][]} the uncovered open stretches as [from, to] pairs, sorted
 * @example findGaps([[2, 4], [6, 7]], 0, 10) // => [[0, 2], [4, 6], [7, 10]]
 */
export function findGaps(intervals, low, high) {
  check([low, high]);
  const gaps = [];
  let cursor = low;
  for (const [start, end] of mergeIntervals(intervals)) {
    if (start > high) {
      break;
    }
    if (start > cursor) {
      gaps.push([cursor, start]);
    }
    cursor = Math.max(cursor, end);
  }
  if (cursor < high) {
    gaps.push([cursor, high]);
  }
  return gaps;
}
