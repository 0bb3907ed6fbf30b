import { distance, dfsOrder, hasCycle, shortestPath, topologicalOrder } from './graph.js';

const g = {
  a: ['b', 'c'],
  b: ['d'],
  c: ['d', 'e'],
  d: ['f'],
  e: ['f'],
  f: [],
  x: ['y'],
};

describe('shortestPath', () => {
  it('finds the fewest-edges path', () => {
    expect(shortestPath(g, 'a', 'd')).toEqual(['a', 'b', 'd']);
    expect(shortestPath(g, 'a', 'f')).toEqual(['a', 'b', 'd', 'f']);
    expect(shortestPath(g, 'c', 'e')).toEqual(['c', 'e']);
  });
  it('returns a one-node path from a node to itself', () => {
    expect(shortestPath(g, 'a', 'a')).toEqual(['a']);
  });
  it('returns null when the goal is unreachable', () => {
    expect(shortestPath(g, 'f', 'a')).toBeNull();
    expect(shortestPath(g, 'a', 'x')).toBeNull();
  });
  it('reaches nodes that only appear as neighbours', () => {
    expect(shortestPath(g, 'x', 'y')).toEqual(['x', 'y']);
  });
  it('terminates on cycles', () => {
    expect(shortestPath({ p: ['q'], q: ['p'] }, 'p', 'z')).toBeNull();
    expect(shortestPath({ p: ['q'], q: ['p', 'r'] }, 'p', 'r')).toEqual(['p', 'q', 'r']);
  });
  it('prefers a shorter path found later in the list', () => {
    expect(shortestPath({ s: ['m', 't'], m: ['t'] }, 's', 't')).toEqual(['s', 't']);
  });
  it('rejects malformed adjacency lists', () => {
    expect(() => shortestPath({ a: 'b' }, 'a', 'b')).toThrow(
      'adjacency list of a must be an array',
    );
  });
});

describe('distance', () => {
  it('counts edges', () => {
    expect(distance(g, 'a', 'f')).toBe(3);
    expect(distance(g, 'a', 'a')).toBe(0);
    expect(distance(g, 'a', 'b')).toBe(1);
  });
  it('is -1 when unreachable', () => {
    expect(distance(g, 'f', 'a')).toBe(-1);
  });
});

describe('dfsOrder', () => {
  it('visits depth first in neighbour order', () => {
    expect(dfsOrder(g, 'a')).toEqual(['a', 'b', 'd', 'f', 'c', 'e']);
    expect(dfsOrder({ a: ['b', 'c'], b: ['d'], c: [], d: [] }, 'a')).toEqual(['a', 'b', 'd', 'c']);
  });
  it('visits each node once despite cycles', () => {
    expect(dfsOrder({ a: ['b'], b: ['a', 'c'], c: ['a'] }, 'a')).toEqual(['a', 'b', 'c']);
  });
  it('returns only the start for a sink or unknown node', () => {
    expect(dfsOrder(g, 'f')).toEqual(['f']);
    expect(dfsOrder(g, 'zzz')).toEqual(['zzz']);
  });
  it('does not treat inherited names as nodes with edges', () => {
    expect(dfsOrder({}, 'constructor')).toEqual(['constructor']);
  });
});

describe('topologicalOrder', () => {
  it('orders a chain', () => {
    expect(topologicalOrder({ shirt: ['tie'], tie: ['jacket'], jacket: [] })).toEqual([
      'shirt',
      'tie',
      'jacket',
    ]);
  });
  it('breaks ties alphabetically and includes neighbour-only nodes', () => {
    expect(topologicalOrder(g)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'x', 'y']);
  });
  it('counts repeated edges', () => {
    expect(topologicalOrder({ a: ['b', 'b'], b: [] })).toEqual(['a', 'b']);
  });
  it('returns null for cyclic graphs and [] for the empty graph', () => {
    expect(topologicalOrder({ a: ['b'], b: ['c'], c: ['a'] })).toBeNull();
    expect(topologicalOrder({})).toEqual([]);
  });
});

describe('hasCycle', () => {
  it('detects cycles, including self-loops', () => {
    expect(hasCycle({ a: ['b'], b: ['a'] })).toBe(true);
    expect(hasCycle({ a: ['a'] })).toBe(true);
    expect(hasCycle({ a: ['b'], b: ['c'], c: ['d'], d: ['b'] })).toBe(true);
  });
  it('is false for DAGs, including diamonds', () => {
    expect(hasCycle(g)).toBe(false);
    expect(hasCycle({ a: [] })).toBe(false);
  });
});
