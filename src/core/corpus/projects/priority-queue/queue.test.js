import { createQueue, heapSort, peek, pop, push } from './queue.js';

const drain = (queue) => {
  const out = [];
  let q = queue;
  for (;;) {
    const r = pop(q);
    if (r.item === null) {
      return out;
    }
    out.push(r.item.value);
    q = r.queue;
  }
};
const build = (order, pairs) => pairs.reduce((q, [p, v]) => push(q, p, v), createQueue(order));

describe('createQueue', () => {
  it('creates empty min and max queues', () => {
    expect(createQueue()).toEqual({ order: 'min', items: [], nextSeq: 0 });
    expect(createQueue('max').order).toBe('max');
  });
  it('rejects other orders', () => {
    expect(() => createQueue('asc')).toThrow("order must be 'min' or 'max'");
  });
});

describe('push', () => {
  it('stores the entry with a sequence number', () => {
    expect(push(createQueue(), 3, 'x')).toEqual({
      order: 'min',
      items: [{ priority: 3, value: 'x', seq: 0 }],
      nextSeq: 1,
    });
  });
  it('keeps the best entry on top', () => {
    const q = build('min', [
      [5, 'e'],
      [2, 'b'],
      [8, 'h'],
      [1, 'a'],
    ]);
    expect(peek(q)).toEqual({ priority: 1, value: 'a' });
    expect(q.nextSeq).toBe(4);
  });
  it('does not modify the original queue', () => {
    const q = build('min', [[5, 'e']]);
    push(q, 1, 'a');
    expect(q.items).toHaveLength(1);
    expect(peek(q).value).toBe('e');
  });
  it('rejects non-numeric priorities', () => {
    expect(() => push(createQueue(), '1', 'x')).toThrow('priority must be a finite number');
    expect(() => push(createQueue(), NaN, 'x')).toThrow(TypeError);
  });
});

describe('peek', () => {
  it('returns null for an empty queue', () => {
    expect(peek(createQueue())).toBeNull();
  });
  it('returns the top of a max queue', () => {
    expect(
      peek(
        build('max', [
          [1, 'a'],
          [9, 'z'],
          [4, 'd'],
        ]),
      ),
    ).toEqual({ priority: 9, value: 'z' });
  });
});

describe('pop', () => {
  it('returns entries in priority order', () => {
    const q = build('min', [
      [5, 'e'],
      [2, 'b'],
      [8, 'h'],
      [1, 'a'],
      [3, 'c'],
      [9, 'i'],
      [4, 'd'],
    ]);
    expect(drain(q)).toEqual(['a', 'b', 'c', 'd', 'e', 'h', 'i']);
  });
  it('returns the largest first in a max queue', () => {
    expect(
      drain(
        build('max', [
          [1, 'a'],
          [9, 'z'],
          [4, 'd'],
          [7, 'g'],
        ]),
      ),
    ).toEqual(['z', 'g', 'd', 'a']);
  });
  it('is first-in first-out among equal priorities', () => {
    const q = build('min', [
      [2, 'first'],
      [1, 'x'],
      [2, 'second'],
      [2, 'third'],
    ]);
    expect(drain(q)).toEqual(['x', 'first', 'second', 'third']);
  });
  it('returns a null item and the same queue when empty', () => {
    const q = createQueue();
    expect(pop(q)).toEqual({ item: null, queue: q });
    expect(pop(q).queue).toBe(q);
  });
  it('empties a one-entry queue and keeps the sequence counter', () => {
    const r = pop(push(createQueue(), 1, 'a'));
    expect(r).toEqual({
      item: { priority: 1, value: 'a' },
      queue: { order: 'min', items: [], nextSeq: 1 },
    });
  });
  it('does not modify the original queue', () => {
    const q = build('min', [
      [2, 'b'],
      [1, 'a'],
    ]);
    pop(q);
    expect(peek(q).value).toBe('a');
    expect(q.items).toHaveLength(2);
  });
});

describe('heapSort', () => {
  it('sorts ascending and descending with repeats', () => {
    expect(heapSort([5, 1, 4, 1, 3], 'min')).toEqual([1, 1, 3, 4, 5]);
    expect(heapSort([5, 1, 4, 1, 3], 'max')).toEqual([5, 4, 3, 1, 1]);
  });
  it('sorts negatives and decimals, ascending by default', () => {
    expect(heapSort([0.5, -2, 10, -2.5, 3])).toEqual([-2.5, -2, 0.5, 3, 10]);
  });
  it('matches a reference sort on a longer list', () => {
    const xs = [];
    for (let i = 0; i < 40; i++) {
      xs.push((i * 37) % 23);
    }
    expect(heapSort(xs)).toEqual(xs.slice().sort((a, b) => a - b));
  });
  it('handles empty and single-element lists', () => {
    expect(heapSort([])).toEqual([]);
    expect(heapSort([7])).toEqual([7]);
  });
});
