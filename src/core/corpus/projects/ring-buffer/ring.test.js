import { createBuffer, peekNewest, peekOldest, pushValue, shiftValue, toArray } from './ring.js';

const fill = (capacity, values) => values.reduce(pushValue, createBuffer(capacity));

describe('createBuffer', () => {
  it('creates empty slots', () => {
    expect(createBuffer(3)).toEqual({ capacity: 3, data: [null, null, null], start: 0, size: 0 });
    expect(createBuffer(1).data).toEqual([null]);
  });
  it('rejects capacities below 1 and non-integers', () => {
    expect(() => createBuffer(0)).toThrow(RangeError);
    expect(() => createBuffer(1.5)).toThrow('capacity must be an integer >= 1');
    expect(() => createBuffer(-2)).toThrow(RangeError);
  });
});

describe('pushValue', () => {
  it('fills slots in order while there is room', () => {
    expect(fill(3, ['a', 'b'])).toEqual({ capacity: 3, data: ['a', 'b', null], start: 0, size: 2 });
  });
  it('reaches exactly the capacity before overwriting', () => {
    expect(fill(2, ['a', 'b'])).toEqual({ capacity: 2, data: ['a', 'b'], start: 0, size: 2 });
  });
  it('overwrites the oldest value when full', () => {
    expect(fill(2, ['a', 'b', 'c'])).toEqual({ capacity: 2, data: ['c', 'b'], start: 1, size: 2 });
    expect(toArray(fill(3, [1, 2, 3, 4, 5]))).toEqual([3, 4, 5]);
  });
  it('wraps the start index back to 0', () => {
    const b = fill(2, ['a', 'b', 'c', 'd']);
    expect(b.start).toBe(0);
    expect(b.data).toEqual(['c', 'd']);
  });
  it('works with a single slot', () => {
    expect(toArray(fill(1, ['x', 'y']))).toEqual(['y']);
  });
  it('does not modify the original buffer', () => {
    const b = fill(2, ['a']);
    pushValue(b, 'b');
    expect(b).toEqual({ capacity: 2, data: ['a', null], start: 0, size: 1 });
  });
});

describe('shiftValue', () => {
  it('removes the oldest value and clears its slot', () => {
    const r = shiftValue(fill(2, ['a', 'b', 'c']));
    expect(r).toEqual({
      value: 'b',
      buffer: { capacity: 2, data: ['c', null], start: 0, size: 1 },
    });
  });
  it('returns null and the same buffer when empty', () => {
    const b = createBuffer(2);
    const r = shiftValue(b);
    expect(r.value).toBeNull();
    expect(r.buffer).toBe(b);
  });
  it('drains values in insertion order across the wrap', () => {
    let b = fill(3, [1, 2, 3, 4]);
    const out = [];
    while (b.size > 0) {
      const r = shiftValue(b);
      out.push(r.value);
      b = r.buffer;
    }
    expect(out).toEqual([2, 3, 4]);
    expect(b.data).toEqual([null, null, null]);
  });
  it('lets pushes reuse freed slots', () => {
    const b = pushValue(shiftValue(fill(2, ['a', 'b'])).buffer, 'c');
    expect(b).toEqual({ capacity: 2, data: ['c', 'b'], start: 1, size: 2 });
    expect(toArray(b)).toEqual(['b', 'c']);
  });
});

describe('toArray', () => {
  it('lists values from oldest to newest', () => {
    expect(toArray({ capacity: 3, data: ['c', 'a', 'b'], start: 1, size: 3 })).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(toArray(fill(4, ['x', 'y']))).toEqual(['x', 'y']);
  });
  it('is empty for a new buffer', () => {
    expect(toArray(createBuffer(3))).toEqual([]);
  });
});

describe('peekOldest and peekNewest', () => {
  it('read both ends without removing', () => {
    const b = fill(3, ['a', 'b', 'c', 'd']);
    expect(peekOldest(b)).toBe('b');
    expect(peekNewest(b)).toBe('d');
    expect(b.size).toBe(3);
  });
  it('read the same value when there is one', () => {
    const b = fill(3, ['a']);
    expect(peekOldest(b)).toBe('a');
    expect(peekNewest(b)).toBe('a');
  });
  it('read the newest value just before the wrap', () => {
    expect(peekNewest({ capacity: 3, data: ['c', 'a', 'b'], start: 1, size: 2 })).toBe('b');
    expect(peekNewest(fill(3, [1, 2, 3]))).toBe(3);
  });
  it('return null when empty, even with stale data', () => {
    expect(peekOldest(createBuffer(2))).toBeNull();
    expect(peekNewest(createBuffer(2))).toBeNull();
    expect(peekOldest({ capacity: 1, data: ['old'], start: 0, size: 0 })).toBeNull();
    expect(peekNewest({ capacity: 1, data: ['old'], start: 0, size: 0 })).toBeNull();
  });
  it('keep falsy values distinct from empty', () => {
    expect(peekOldest(fill(2, [0]))).toBe(0);
    expect(peekNewest(fill(2, [false]))).toBe(false);
  });
});
