function neighbors(graph, node) {
  if (!Object.prototype.hasOwnProperty.call(graph, node)) return [];
  const list = graph[node];
  if (!Array.isArray(list)) {
    throw new TypeError('adjacency list of ' + node + ' must be an array');
  }
  return list;
}

/**
 * Fewest-edges path from start to goal using breadth-first search.
 * @param {Object<string, string[]>} graph node to neighbours (directed)
 * @param {string} start the first node
 * @param {string} goal the target node
 * @returns {string[]|null} the nodes on the path, or null if unreachable
 * @example shortestPath({ a: ['b', 'c'], b: ['d'], c: ['d'] }, 'a', 'd') // => ['a', 'b', 'd']
 */
export function shortestPath(graph, start, goal) {
  if (start === goal) return [start];
  const previous = { [start]: null };
  const queue = [start];
  let head = 0;
  while (head < queue.length) {
    const node = queue[head++];
    for (const next of neighbors(graph, node)) {
      if (Object.prototype.hasOwnProperty.call(previous, next)) continue;
      previous[next] = node;
      if (next === goal) {
        const path = [goal];
        let cur = node;
        while (cur !== null) {
          path.unshift(cur);
          cur = previous[cur];
        }
        return path;
      }
      queue.push(next);
    }
  }
  return null;
}

/**
 * Depth-first visit order from start, visiting neighbours in list order.
 * @param {Object<string, string[]>} graph node to neighbours (directed)
 * @param {string} start the first node
 * @returns {string[]} nodes in the order they are first visited
 * @example dfsOrder({ a: ['b', 'c'], b: ['d'], c: [], d: [] }, 'a') // => ['a', 'b', 'd', 'c']
 */
export function dfsOrder(graph, start) {
  const order = [];
  const seen = new Set();
  const visit = (node) => {
    if (seen.has(node)) return;
    seen.add(node);
    order.push(node);
    for (const next of neighbors(graph, node)) visit(next);
  };
  visit(start);
  return order;
}

/**
 * Number of edges on the shortest path, or -1 when unreachable.
 * @param {Object<string, string[]>} graph node to neighbours (directed)
 * @param {string} start the first node
 * @param {string} goal the target node
 * @returns {number} the distance
 * @example distance({ a: ['b'], b: ['c'] }, 'a', 'c') // => 2
 */
export function distance(graph, start, goal) {
  const path = shortestPath(graph, start, goal);
  return path === null ? -1 : path.length - 1;
}

/**
 * Topological order of all nodes (Kahn's algorithm, ties broken alphabetically), or null if
 * the graph has a cycle.
 * @param {Object<string, string[]>} graph node to neighbours (directed)
 * @returns {string[]|null} the order, or null when cyclic
 * @example topologicalOrder({ shirt: ['tie'], tie: ['jacket'], jacket: [] }) // => ['shirt', 'tie', 'jacket']
 */
export function topologicalOrder(graph) {
  const indegree = {};
  for (const node of Object.keys(graph)) {
    if (!Object.prototype.hasOwnProperty.call(indegree, node)) indegree[node] = 0;
    for (const next of neighbors(graph, node)) {
      indegree[next] =
        (Object.prototype.hasOwnProperty.call(indegree, next) ? indegree[next] : 0) + 1;
    }
  }
  const ready = Object.keys(indegree)
    .filter((n) => indegree[n] === 0)
    .sort();
  const order = [];
  while (ready.length > 0) {
    const node = ready.shift();
    order.push(node);
    for (const next of neighbors(graph, node)) {
      indegree[next] -= 1;
      if (indegree[next] === 0) {
        ready.push(next);
        ready.sort();
      }
    }
  }
  return order.length === Object.keys(indegree).length ? order : null;
}

/**
 * Whether a directed graph contains a cycle (self-loops count).
 * @param {Object<string, string[]>} graph node to neighbours (directed)
 * @returns {boolean} true when some node can reach itself
 * @example hasCycle({ a: ['b'], b: ['a'] }) // => true
 */
export function hasCycle(graph) {
  return topologicalOrder(graph) === null;
}
