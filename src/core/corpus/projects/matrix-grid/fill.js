import { gridSize, inBounds, neighbours } from './grid.js';

/**
 * Cells connected to a start cell through 4-neighbours holding the same value.
 * @param {Array[]} grid the grid
 * @param {number} r start row
 * @param {number} c start column
 * @returns {number[][]} the region's [row, column] pairs in row-major order
 * @example regionOf([[1, 1, 0], [0, 1, 0]], 0, 0) // => [[0, 0], [0, 1], [1, 1]]
 */
export function regionOf(grid, r, c) {
  const cols = gridSize(grid)[1];
  if (!inBounds(grid, r, c)) {
    throw new RangeError('cell ' + r + ',' + c + ' is outside the grid');
  }
  const target = grid[r][c];
  const seen = new Set([r * cols + c]);
  // An explicit stack instead of recursion keeps large regions off the call stack.
  const stack = [[r, c]];
  while (stack.length > 0) {
    const [cr, cc] = stack.pop();
    for (const [nr, nc] of neighbours(grid, cr, cc)) {
      const key = nr * cols + nc;
      if (!seen.has(key) && grid[nr][nc] === target) {
        seen.add(key);
        stack.push([nr, nc]);
      }
    }
  }
  const keys = Array.from(seen).sort((a, b) => a - b);
  return keys.map((k) => [Math.floor(k / cols), k % cols]);
}

/**
 * Replaces the value of a start cell's region with a new value.
 * @param {Array[]} grid the grid (not modified)
 * @param {number} r start row
 * @param {number} c start column
 * @param {*} value the new value
 * @returns {Array[]} a new grid with the region filled
 * @example floodFill([[1, 1, 0], [0, 1, 0]], 0, 0, 7) // => [[7, 7, 0], [0, 7, 0]]
 */
export function floodFill(grid, r, c, value) {
  const out = grid.map((row) => row.slice());
  for (const [rr, cc] of regionOf(grid, r, c)) {
    out[rr][cc] = value;
  }
  return out;
}

/**
 * Counts 4-connected regions whose cells hold a given value.
 * @param {Array[]} grid the grid
 * @param {*} value the value of interest
 * @returns {number} the number of separate regions of that value
 * @example countRegions([[1, 0, 1], [1, 0, 0], [0, 0, 1]], 1) // => 3
 */
export function countRegions(grid, value) {
  const [rows, cols] = gridSize(grid);
  const done = new Set();
  let count = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (grid[r][c] !== value || done.has(r * cols + c)) {
        continue;
      }
      count++;
      for (const [rr, cc] of regionOf(grid, r, c)) {
        done.add(rr * cols + cc);
      }
    }
  }
  return count;
}
