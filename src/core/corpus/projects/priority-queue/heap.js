/**
 * Tells whether heap entry a must come out before entry b.
 * @param {{priority: number, seq: number}} a first entry
 * @param {{priority: number, seq: number}} b second entry
 * @param {string} order 'min' (smallest priority first) or 'max'
 * @returns {boolean} true when a has precedence; equal priorities go by insertion order
 * @example before({ priority: 2, seq: 5 }, { priority: 2, seq: 1 }, 'min') // => false
 */
export function before(a, b, order) {
  if (a.priority !== b.priority) {
    return order === 'min' ? a.priority < b.priority : a.priority > b.priority;
  }
  return a.seq < b.seq;
}

/**
 * Moves the entry at index up until its parent has precedence (in place).
 * @param {object[]} items heap entries {priority, seq}
 * @param {number} index position of the entry to move
 * @param {string} order 'min' or 'max'
 * @returns {object[]} the same array, reordered
 * @example siftUp([{ priority: 5, seq: 0 }, { priority: 1, seq: 1 }], 1, 'min') // => [{ priority: 1, seq: 1 }, { priority: 5, seq: 0 }]
 */
export function siftUp(items, index, order) {
  let i = index;
  while (i > 0) {
    const parent = Math.floor((i - 1) / 2);
    if (!before(items[i], items[parent], order)) {
      break;
    }
    [items[i], items[parent]] = [items[parent], items[i]];
    i = parent;
  }
  return items;
}

/**
 * Moves the entry at index down below any child that has precedence (in place).
 * @param {object[]} items heap entries {priority, seq}
 * @param {number} index position of the entry to move
 * @param {string} order 'min' or 'max'
 * @returns {object[]} the same array, reordered
 * @example siftDown([{ priority: 9, seq: 0 }, { priority: 2, seq: 1 }, { priority: 4, seq: 2 }], 0, 'min') // => [{ priority: 2, seq: 1 }, { priority: 9, seq: 0 }, { priority: 4, seq: 2 }]
 */
export function siftDown(items, index, order) {
  let i = index;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let best = i;
    if (left < items.length && before(items[left], items[best], order)) {
      best = left;
    }
    if (right < items.length && before(items[right], items[best], order)) {
      best = right;
    }
    if (best === i) {
      return items;
    }
    [items[i], items[best]] = [items[best], items[i]];
    i = best;
  }
}
