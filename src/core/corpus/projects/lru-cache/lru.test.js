import { cacheDelete, cacheGet, cacheSet, createCache, keysByRecency, resizeCache } from './lru.js';

const fill = (capacity, pairs) =>
  pairs.reduce((c, [k, v]) => cacheSet(c, k, v), createCache(capacity));

describe('createCache', () => {
  it('creates an empty cache with the capacity', () => {
    expect(createCache(2)).toEqual({ capacity: 2, entries: [] });
    expect(createCache(1).capacity).toBe(1);
  });
  it('rejects capacities below 1 and non-integers', () => {
    expect(() => createCache(0)).toThrow(RangeError);
    expect(() => createCache(2.5)).toThrow('capacity must be an integer >= 1');
    expect(() => createCache('3')).toThrow(RangeError);
  });
});

describe('cacheSet', () => {
  it('appends new keys as most recent', () => {
    expect(
      fill(3, [
        ['a', 1],
        ['b', 2],
      ]).entries,
    ).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });
  it('evicts the least recently used entry when full', () => {
    const c = fill(2, [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(c).toEqual({
      capacity: 2,
      entries: [
        ['b', 2],
        ['c', 3],
      ],
    });
  });
  it('keeps exactly capacity entries', () => {
    expect(
      fill(2, [
        ['a', 1],
        ['b', 2],
      ]).entries,
    ).toHaveLength(2);
    expect(
      fill(1, [
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ]).entries,
    ).toEqual([['c', 3]]);
  });
  it('updates an existing key in place of evicting and moves it to the end', () => {
    const c = cacheSet(
      fill(2, [
        ['a', 1],
        ['b', 2],
      ]),
      'a',
      10,
    );
    expect(c.entries).toEqual([
      ['b', 2],
      ['a', 10],
    ]);
    expect(
      cacheSet(
        fill(3, [
          ['a', 1],
          ['b', 2],
        ]),
        'a',
        7,
      ).entries,
    ).toEqual([
      ['b', 2],
      ['a', 7],
    ]);
    expect(
      cacheSet(
        fill(3, [
          ['a', 1],
          ['b', 2],
        ]),
        'b',
        8,
      ).entries,
    ).toEqual([
      ['a', 1],
      ['b', 8],
    ]);
  });
  it('does not modify the original cache', () => {
    const before = fill(2, [['a', 1]]);
    cacheSet(before, 'b', 2);
    cacheSet(before, 'a', 5);
    expect(before.entries).toEqual([['a', 1]]);
  });
  it('distinguishes number and string keys', () => {
    expect(
      fill(3, [
        [1, 'n'],
        ['1', 's'],
      ]).entries,
    ).toEqual([
      [1, 'n'],
      ['1', 's'],
    ]);
  });
  it('rejects keys that are not strings or numbers', () => {
    expect(() => cacheSet(createCache(1), null, 1)).toThrow('key must be a string or a number');
    expect(() => cacheSet(createCache(1), { k: 1 }, 1)).toThrow(TypeError);
  });
});

describe('cacheGet', () => {
  it('returns the value and makes the entry most recent', () => {
    const r = cacheGet(
      fill(2, [
        ['a', 1],
        ['b', 2],
      ]),
      'a',
    );
    expect(r).toEqual({
      hit: true,
      value: 1,
      cache: {
        capacity: 2,
        entries: [
          ['b', 2],
          ['a', 1],
        ],
      },
    });
  });
  it('keeps the other entries in order when reading the middle one', () => {
    const r = cacheGet(
      fill(4, [
        ['a', 1],
        ['b', 2],
        ['c', 3],
        ['d', 4],
      ]),
      'b',
    );
    expect(keysByRecency(r.cache)).toEqual(['b', 'd', 'c', 'a']);
  });
  it('returns a miss with null and the same cache', () => {
    const c = fill(2, [['a', 1]]);
    const r = cacheGet(c, 'zz');
    expect(r.hit).toBe(false);
    expect(r.value).toBeNull();
    expect(r.cache).toBe(c);
  });
  it('finds the first and last entries and falsy values', () => {
    const c = fill(3, [
      ['x', 0],
      ['y', false],
      ['z', ''],
    ]);
    expect(cacheGet(c, 'x').value).toBe(0);
    expect(cacheGet(c, 'z')).toEqual({ hit: true, value: '', cache: c });
  });
  it('protects a recently read entry from eviction', () => {
    let c = fill(2, [
      ['a', 1],
      ['b', 2],
    ]);
    c = cacheGet(c, 'a').cache;
    c = cacheSet(c, 'c', 3);
    expect(keysByRecency(c)).toEqual(['c', 'a']);
  });
});

describe('cacheDelete', () => {
  it('removes a present key', () => {
    expect(
      cacheDelete(
        fill(3, [
          ['a', 1],
          ['b', 2],
        ]),
        'a',
      ),
    ).toEqual({ capacity: 3, entries: [['b', 2]] });
    expect(
      cacheDelete(
        fill(3, [
          ['a', 1],
          ['b', 2],
        ]),
        'b',
      ).entries,
    ).toEqual([['a', 1]]);
  });
  it('returns the same cache for a missing key', () => {
    const c = fill(2, [['a', 1]]);
    expect(cacheDelete(c, 'b')).toBe(c);
  });
});

describe('resizeCache', () => {
  it('evicts the least recently used entries when shrinking', () => {
    const c = fill(3, [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(resizeCache(c, 1)).toEqual({ capacity: 1, entries: [['c', 3]] });
    expect(resizeCache(c, 2).entries).toEqual([
      ['b', 2],
      ['c', 3],
    ]);
  });
  it('keeps everything when growing or staying the same', () => {
    const c = fill(2, [
      ['a', 1],
      ['b', 2],
    ]);
    expect(resizeCache(c, 5)).toEqual({
      capacity: 5,
      entries: [
        ['a', 1],
        ['b', 2],
      ],
    });
    expect(resizeCache(c, 2).entries).toHaveLength(2);
  });
  it('rejects a bad capacity', () => {
    expect(() => resizeCache(createCache(2), 0)).toThrow(RangeError);
  });
});

describe('keysByRecency', () => {
  it('lists keys from most to least recent', () => {
    expect(
      keysByRecency(
        fill(3, [
          ['a', 1],
          ['b', 2],
          ['c', 3],
        ]),
      ),
    ).toEqual(['c', 'b', 'a']);
    expect(keysByRecency(createCache(1))).toEqual([]);
  });
});
