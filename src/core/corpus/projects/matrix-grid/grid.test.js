import { gridSize, inBounds, neighbours, rotateClockwise, transpose } from './grid.js';

const g23 = [
  [1, 2, 3],
  [4, 5, 6],
];
const g33 = [
  [0, 0, 0],
  [0, 0, 0],
  [0, 0, 0],
];

describe('gridSize', () => {
  it('returns rows and columns', () => {
    expect(gridSize(g23)).toEqual([2, 3]);
    expect(gridSize([[7]])).toEqual([1, 1]);
  });
  it('rejects empty grids and non-arrays', () => {
    expect(() => gridSize([])).toThrow('grid must be a non-empty array of rows');
    expect(() => gridSize('abc')).toThrow(TypeError);
  });
  it('rejects ragged or empty rows', () => {
    expect(() => gridSize([[1, 2], [3]])).toThrow('rows must be non-empty and of equal length');
    expect(() => gridSize([[1], [2, 3]])).toThrow(RangeError);
    expect(() => gridSize([[], []])).toThrow(RangeError);
    expect(() => gridSize([5, 6])).toThrow(RangeError);
  });
});

describe('inBounds', () => {
  it('accepts every corner', () => {
    expect(inBounds(g23, 0, 0)).toBe(true);
    expect(inBounds(g23, 0, 2)).toBe(true);
    expect(inBounds(g23, 1, 0)).toBe(true);
    expect(inBounds(g23, 1, 2)).toBe(true);
  });
  it('rejects coordinates just outside each edge', () => {
    expect(inBounds(g23, -1, 0)).toBe(false);
    expect(inBounds(g23, 0, -1)).toBe(false);
    expect(inBounds(g23, 2, 0)).toBe(false);
    expect(inBounds(g23, 0, 3)).toBe(false);
  });
  it('rejects fractional coordinates', () => {
    expect(inBounds(g23, 0.5, 0)).toBe(false);
    expect(inBounds(g23, 0, 1.5)).toBe(false);
  });
});

describe('transpose', () => {
  it('swaps rows and columns', () => {
    expect(transpose(g23)).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(transpose([[1, 2, 3]])).toEqual([[1], [2], [3]]);
  });
  it('is its own inverse and does not modify the input', () => {
    expect(transpose(transpose(g23))).toEqual(g23);
    expect(g23).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });
});

describe('rotateClockwise', () => {
  it('rotates a quarter turn', () => {
    expect(
      rotateClockwise([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    ).toEqual([
      [5, 3, 1],
      [6, 4, 2],
    ]);
    expect(rotateClockwise(g23)).toEqual([
      [4, 1],
      [5, 2],
      [6, 3],
    ]);
  });
  it('returns to the start after four turns', () => {
    let g = g23;
    for (let i = 0; i < 4; i++) {
      g = rotateClockwise(g);
    }
    expect(g).toEqual(g23);
  });
});

describe('neighbours', () => {
  it('lists the four straight neighbours of an inner cell', () => {
    expect(neighbours(g33, 1, 1)).toEqual([
      [0, 1],
      [1, 0],
      [1, 2],
      [2, 1],
    ]);
  });
  it('adds the diagonals on request', () => {
    expect(neighbours(g33, 1, 1, true)).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 2],
      [2, 0],
      [2, 1],
      [2, 2],
    ]);
  });
  it('clips at corners and edges', () => {
    expect(neighbours(g33, 0, 0, false)).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(neighbours(g33, 2, 2, true)).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
    ]);
    expect(neighbours(g33, 0, 1)).toEqual([
      [0, 0],
      [0, 2],
      [1, 1],
    ]);
    expect(neighbours(g23, 1, 2)).toEqual([
      [0, 2],
      [1, 1],
    ]);
  });
  it('returns nothing for a single cell', () => {
    expect(neighbours([[1]], 0, 0, true)).toEqual([]);
  });
  it('rejects cells outside the grid', () => {
    expect(() => neighbours(g33, 3, 0)).toThrow('cell 3,0 is outside the grid');
    expect(() => neighbours(g33, 0, -1)).toThrow(RangeError);
  });
});
