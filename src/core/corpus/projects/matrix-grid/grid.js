/**
 * Checks that a grid is a non-empty array of equal-length, non-empty rows.
 * @param {Array[]} grid the grid
 * @returns {number[]} [rows, columns]
 * @example gridSize([[1, 2, 3], [4, 5, 6]]) // => [2, 3]
 */
export function gridSize(grid) {
  if (!Array.isArray(grid) || grid.length === 0) {
    throw new TypeError('grid must be a non-empty array of rows');
  }
  const cols = Array.isArray(grid[0]) ? grid[0].length : 0;
  for (const row of grid) {
    if (!Array.isArray(row) || row.length !== cols || cols === 0) {
      throw new RangeError('grid rows must be non-empty and of equal length');
    }
  }
  return [grid.length, cols];
}

/**
 * Swaps rows and columns.
 * @param {Array[]} grid the grid (not modified)
 * @returns {Array[]} the transposed grid
 * @example transpose([[1, 2, 3], [4, 5, 6]]) // => [[1, 4], [2, 5], [3, 6]]
 */
export function transpose(grid) {
  const [rows, cols] = gridSize(grid);
  const out = [];
  for (let c = 0; c < cols; c++) {
    const row = [];
    for (let r = 0; r < rows; r++) {
      row.push(grid[r][c]);
    }
    out.push(row);
  }
  return out;
}

/**
 * Rotates a grid a quarter turn clockwise.
 * @param {Array[]} grid the grid (not modified)
 * @returns {Array[]} the rotated grid
 * @example rotateClockwise([[1, 2], [3, 4], [5, 6]]) // => [[5, 3, 1], [6, 4, 2]]
 */
export function rotateClockwise(grid) {
  return transpose(grid).map((row) => row.reverse());
}

/**
 * Tells whether integer coordinates fall inside a grid.
 * @param {Array[]} grid the grid
 * @param {number} r row
 * @param {number} c column
 * @returns {boolean} true when 0 <= r < rows and 0 <= c < columns
 * @example inBounds([[1, 2], [3, 4]], 1, 2) // => false
 */
export function inBounds(grid, r, c) {
  const [rows, cols] = gridSize(grid);
  return Number.isInteger(r) && Number.isInteger(c) && r >= 0 && c >= 0 && r < rows && c < cols;
}

/**
 * In-bounds neighbours of a cell, in row-major order.
 * @param {Array[]} grid the grid
 * @param {number} r row of the cell
 * @param {number} c column of the cell
 * @param {boolean} diagonal true to include the four diagonal cells
 * @returns {number[][]} [row, column] pairs
 * @example neighbours([[0, 0, 0], [0, 0, 0]], 0, 0, false) // => [[0, 1], [1, 0]]
 */
export function neighbours(grid, r, c, diagonal = false) {
  if (!inBounds(grid, r, c)) {
    throw new RangeError('cell ' + r + ',' + c + ' is outside the grid');
  }
  const out = [];
  for (let dr = -1; dr <= 1; dr++) {
    for (let dc = -1; dc <= 1; dc++) {
      const straight = (dr === 0) !== (dc === 0);
      const diag = dr !== 0 && dc !== 0;
      if ((straight || (diagonal && diag)) && inBounds(grid, r + dr, c + dc)) {
        out.push([r + dr, c + dc]);
      }
    }
  }
  return out;
}
