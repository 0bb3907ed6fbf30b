import { countRegions, floodFill, regionOf } from './fill.js';

const picture = [
  [1, 1, 0, 2],
  [0, 1, 0, 2],
  [1, 0, 0, 1],
];

describe('regionOf', () => {
  it('collects connected cells of the same value in row-major order', () => {
    expect(regionOf(picture, 0, 0)).toEqual([
      [0, 0],
      [0, 1],
      [1, 1],
    ]);
    expect(regionOf(picture, 0, 2)).toEqual([
      [0, 2],
      [1, 2],
      [2, 1],
      [2, 2],
    ]);
  });
  it('does not connect through diagonals', () => {
    expect(regionOf(picture, 2, 0)).toEqual([[2, 0]]);
    expect(
      regionOf(
        [
          [1, 0],
          [0, 1],
        ],
        0,
        0,
      ),
    ).toEqual([[0, 0]]);
  });
  it('reaches around corners and the last column', () => {
    expect(regionOf(picture, 1, 3)).toEqual([
      [0, 3],
      [1, 3],
    ]);
    expect(
      regionOf(
        [
          [5, 5, 5],
          [0, 0, 5],
          [5, 5, 5],
        ],
        2,
        0,
      ),
    ).toHaveLength(7);
  });
  it('covers a uniform grid', () => {
    expect(
      regionOf(
        [
          [3, 3],
          [3, 3],
        ],
        1,
        1,
      ),
    ).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
  });
  it('rejects a start outside the grid', () => {
    expect(() => regionOf(picture, 3, 0)).toThrow('cell 3,0 is outside the grid');
    expect(() => regionOf(picture, 0, 4)).toThrow(RangeError);
  });
});

describe('floodFill', () => {
  it('fills the start region only', () => {
    expect(
      floodFill(
        [
          [1, 1, 0],
          [0, 1, 0],
        ],
        0,
        0,
        7,
      ),
    ).toEqual([
      [7, 7, 0],
      [0, 7, 0],
    ]);
    expect(floodFill(picture, 0, 2, 9)).toEqual([
      [1, 1, 9, 2],
      [0, 1, 9, 2],
      [1, 9, 9, 1],
    ]);
  });
  it('does not modify the input grid', () => {
    floodFill(picture, 0, 0, 5);
    expect(picture[0]).toEqual([1, 1, 0, 2]);
  });
  it('leaves the grid unchanged when filling with the same value', () => {
    expect(floodFill(picture, 0, 0, 1)).toEqual(picture);
  });
  it('compares values strictly', () => {
    expect(floodFill([[1, '1']], 0, 0, 0)).toEqual([[0, '1']]);
  });
});

describe('countRegions', () => {
  it('counts separate regions of a value', () => {
    expect(
      countRegions(
        [
          [1, 0, 1],
          [1, 0, 0],
          [0, 0, 1],
        ],
        1,
      ),
    ).toBe(3);
    expect(countRegions(picture, 0)).toBe(2);
    expect(countRegions(picture, 2)).toBe(1);
  });
  it('counts one region for a connected snake', () => {
    expect(
      countRegions(
        [
          [1, 1, 1],
          [0, 0, 1],
          [1, 1, 1],
        ],
        1,
      ),
    ).toBe(1);
  });
  it('returns 0 when the value is absent', () => {
    expect(countRegions(picture, 8)).toBe(0);
  });
  it('counts a checkerboard cell by cell', () => {
    expect(
      countRegions(
        [
          [1, 0, 1],
          [0, 1, 0],
        ],
        1,
      ),
    ).toBe(3);
    expect(
      countRegions(
        [
          [1, 0, 1],
          [0, 1, 0],
        ],
        0,
      ),
    ).toBe(3);
  });
});
