import { siftDown, siftUp } from './heap.js';

/**
 * Creates an empty queue.
 * @param {string} order 'min' or 'max'
 * @returns {{order: string, items: Array, nextSeq: number}} the empty queue
 * @example createQueue('max') // => { order: 'max', items: [], nextSeq: 0 }
 */
export function createQueue(order = 'min') {
  if (order !== 'min' && order !== 'max') {
    throw new Error("order must be 'min' or 'max'");
  }
  return { order, items: [], nextSeq: 0 };
}

/**
 * Adds a value with a priority.
 * @param {object} queue the queue (not modified)
 * @param {number} priority a finite number
 * @param {*} value the payload
 * @returns {object} the new queue
 * @example push({ order: 'min', items: [], nextSeq: 0 }, 3, 'x') // => { order: 'min', items: [{ priority: 3, value: 'x', seq: 0 }], nextSeq: 1 }
 */
export function push(queue, priority, value) {
  if (typeof priority !== 'number' || !Number.isFinite(priority)) {
    throw new TypeError('priority must be a finite number');
  }
  const items = queue.items.slice();
  items.push({ priority, value, seq: queue.nextSeq });
  siftUp(items, items.length - 1, queue.order);
  return { order: queue.order, items, nextSeq: queue.nextSeq + 1 };
}

/**
 * Looks at the entry that pop would return.
 * @param {object} queue the queue
 * @returns {{priority: number, value: *}|null} the top entry, or null when empty
 * @example peek({ order: 'min', items: [{ priority: 1, value: 'a', seq: 0 }], nextSeq: 1 }) // => { priority: 1, value: 'a' }
 */
export function peek(queue) {
  const top = queue.items[0];
  return top === undefined ? null : { priority: top.priority, value: top.value };
}

/**
 * Removes the top entry.
 * @param {object} queue the queue (not modified)
 * @returns {{item: object|null, queue: object}} the removed entry (null when empty) and the new queue
 * @example pop({ order: 'min', items: [{ priority: 1, value: 'a', seq: 0 }], nextSeq: 1 }) // => { item: { priority: 1, value: 'a' }, queue: { order: 'min', items: [], nextSeq: 1 } }
 */
export function pop(queue) {
  if (queue.items.length === 0) {
    return { item: null, queue };
  }
  const items = queue.items.slice();
  const last = items.pop();
  if (items.length > 0) {
    items[0] = last;
    siftDown(items, 0, queue.order);
  }
  return { item: peek(queue), queue: { order: queue.order, items, nextSeq: queue.nextSeq } };
}

/**
 * Sorts numbers by pushing them all into a queue and popping them back.
 * @param {number[]} values the numbers
 * @param {string} order 'min' for ascending, 'max' for descending
 * @returns {number[]} the sorted numbers
 * @example heapSort([5, 1, 4, 1, 3], 'min') // => [1, 1, 3, 4, 5]
 */
export function heapSort(values, order = 'min') {
  let queue = createQueue(order);
  for (const v of values) {
    queue = push(queue, v, v);
  }
  const out = [];
  while (queue.items.length > 0) {
    const r = pop(queue);
    out.push(r.item.value);
    queue = r.queue;
  }
  return out;
}
