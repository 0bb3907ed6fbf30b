import { assign, inertia, nearest, recompute, step } from './kmeans.js';

describe('nearest', () => {
  it('picks the closest centroid', () => {
    expect(
      nearest(
        [1, 1],
        [
          [0, 0],
          [5, 5],
        ],
      ),
    ).toBe(0);
    expect(
      nearest(
        [4, 4],
        [
          [0, 0],
          [5, 5],
        ],
      ),
    ).toBe(1);
    expect(nearest([9], [[0], [5], [10]])).toBe(2);
  });
  it('breaks ties toward the lower index', () => {
    expect(nearest([5], [[0], [10]])).toBe(0);
    expect(nearest([5], [[10], [0]])).toBe(0);
  });
  it('requires at least one centroid', () => {
    expect(() => nearest([1], [])).toThrow(RangeError);
  });
  it('checks dimensions', () => {
    expect(() => nearest([1, 2], [[1]])).toThrow('dimension mismatch');
  });
});

describe('assign', () => {
  it('assigns each point', () => {
    expect(assign([[0], [4], [9]], [[1], [8]])).toEqual([0, 0, 1]);
  });
  it('returns [] for no points', () => {
    expect(assign([], [[0]])).toEqual([]);
  });
});

describe('recompute', () => {
  it('moves centroids to the mean of their points', () => {
    expect(recompute([[0], [2], [10]], [0, 0, 1], [[0], [9]])).toEqual([[1], [10]]);
  });
  it('keeps the previous centroid for an empty cluster', () => {
    expect(
      recompute(
        [
          [1, 1],
          [3, 3],
        ],
        [0, 0],
        [
          [0, 0],
          [9, 9],
        ],
      ),
    ).toEqual([
      [2, 2],
      [9, 9],
    ]);
  });
  it('does not share arrays with the previous centroids', () => {
    const prev = [[0], [5]];
    const next = recompute([[1]], [0], prev);
    next[1][0] = 99;
    expect(prev[1][0]).toBe(5);
  });
  it('rejects bad assignments', () => {
    expect(() => recompute([[1]], [2], [[0], [1]])).toThrow('invalid cluster index 2');
    expect(() => recompute([[1]], [-1], [[0]])).toThrow(RangeError);
    expect(() => recompute([[1], [2]], [0], [[0]])).toThrow('assignment length');
  });
  it('accepts the last valid index', () => {
    expect(recompute([[4]], [1], [[0], [1]])).toEqual([[0], [4]]);
  });
});

describe('inertia', () => {
  it('sums squared distances to assigned centroids', () => {
    expect(inertia([[0], [2]], [0, 0], [[1]])).toBe(2);
    expect(
      inertia(
        [
          [0, 0],
          [4, 3],
        ],
        [0, 1],
        [
          [0, 0],
          [0, 0],
        ],
      ),
    ).toBe(25);
  });
  it('is 0 with no points', () => {
    expect(inertia([], [], [[1]])).toBe(0);
  });
});

describe('step', () => {
  it('runs one Lloyd iteration', () => {
    expect(step([[0], [2], [10]], [[0], [9]])).toEqual({
      assignment: [0, 0, 1],
      centroids: [[1], [10]],
      inertia: 2,
      converged: false,
    });
  });
  it('is not converged when only the first centroid moves', () => {
    const r = step([[0], [2], [10]], [[0], [10]]);
    expect(r.centroids).toEqual([[1], [10]]);
    expect(r.converged).toBe(false);
  });
  it('reports convergence when centroids do not move', () => {
    const r = step([[0], [2], [10]], [[1], [10]]);
    expect(r.converged).toBe(true);
    expect(r.centroids).toEqual([[1], [10]]);
  });
  it('reaches a fixed point on two clear clusters', () => {
    const pts = [
      [0, 0],
      [0, 1],
      [10, 10],
      [10, 11],
    ];
    const first = step(pts, [
      [0, 0],
      [1, 1],
    ]);
    const second = step(pts, first.centroids);
    const third = step(pts, second.centroids);
    expect(third.converged).toBe(true);
    expect(third.centroids).toEqual([
      [0, 0.5],
      [10, 10.5],
    ]);
    expect(third.inertia).toBe(1);
  });
});
