import { countBy, groupBy, partition, sumBy } from './group.js';

const sales = [
  { region: 'north', rep: { name: 'ann' }, amount: 10, paid: true },
  { region: 'south', rep: { name: 'bob' }, amount: 5, paid: false },
  { region: 'north', rep: { name: 'bob' }, amount: 7, paid: true },
  { region: 'east', amount: 1 },
];

describe('groupBy', () => {
  it('groups records and keeps their order', () => {
    const g = groupBy(sales, 'region');
    expect(Object.keys(g)).toEqual(['north', 'south', 'east']);
    expect(g.north).toEqual([sales[0], sales[2]]);
    expect(g.south).toEqual([sales[1]]);
  });
  it('groups by a dotted path and collects missing keys', () => {
    const g = groupBy(sales, 'rep.name');
    expect(g.ann).toHaveLength(1);
    expect(g.bob).toEqual([sales[1], sales[2]]);
    expect(g['(none)']).toEqual([sales[3]]);
  });
  it('returns an empty object for no records', () => {
    expect(groupBy([], 'x')).toEqual({});
  });
  it('does not merge groups whose names look like Object methods', () => {
    const g = groupBy([{ k: 'toString' }, { k: 'toString' }, { k: 'valueOf' }], 'k');
    expect(g.toString).toEqual([{ k: 'toString' }, { k: 'toString' }]);
    expect(g.valueOf).toHaveLength(1);
  });
  it('rejects non-arrays', () => {
    expect(() => groupBy({}, 'a')).toThrow('items must be an array');
  });
});

describe('countBy', () => {
  it('counts records per group', () => {
    expect(countBy(sales, 'region')).toEqual({ north: 2, south: 1, east: 1 });
    expect(countBy([{ t: 'a' }, { t: 'b' }, { t: 'a' }], 't')).toEqual({ a: 2, b: 1 });
  });
  it('counts numeric and boolean keys by their string form', () => {
    expect(countBy([{ n: 1 }, { n: '1' }, { n: true }], 'n')).toEqual({ 1: 2, true: 1 });
  });
  it('counts a group named like an Object method from 1', () => {
    expect(countBy([{ k: 'hasOwnProperty' }, { k: 'hasOwnProperty' }], 'k')).toEqual({
      hasOwnProperty: 2,
    });
  });
  it('returns {} for no records and rejects non-arrays', () => {
    expect(countBy([], 'a')).toEqual({});
    expect(() => countBy('abc', 'a')).toThrow(TypeError);
  });
});

describe('sumBy', () => {
  it('adds values per group', () => {
    expect(sumBy(sales, 'region', 'amount')).toEqual({ north: 17, south: 5, east: 1 });
  });
  it('treats missing and null values as 0', () => {
    expect(sumBy([{ t: 'a' }, { t: 'a', n: null }, { t: 'a', n: 4 }], 't', 'n')).toEqual({ a: 4 });
    expect(sumBy([{ t: 'b' }], 't', 'n')).toEqual({ b: 0 });
  });
  it('handles negative values and a group named like an Object method', () => {
    expect(
      sumBy(
        [
          { t: 'valueOf', n: -2 },
          { t: 'valueOf', n: 5 },
        ],
        't',
        'n',
      ),
    ).toEqual({
      valueOf: 3,
    });
  });
  it('rejects non-numeric values', () => {
    expect(() => sumBy([{ t: 'a', n: '3' }], 't', 'n')).toThrow(
      'value at n must be a finite number',
    );
    expect(() => sumBy([{ t: 'a', n: Infinity }], 't', 'n')).toThrow(TypeError);
    expect(() => sumBy(null, 't', 'n')).toThrow('items must be an array');
  });
});

describe('partition', () => {
  it('splits by truthiness and keeps order', () => {
    const [paid, unpaid] = partition(sales, 'paid');
    expect(paid).toEqual([sales[0], sales[2]]);
    expect(unpaid).toEqual([sales[1], sales[3]]);
  });
  it('treats 0, empty strings and missing values as falsy', () => {
    const items = [{ v: 0 }, { v: '' }, { v: 'x' }, {}, { v: 2 }];
    expect(partition(items, 'v')).toEqual([
      [{ v: 'x' }, { v: 2 }],
      [{ v: 0 }, { v: '' }, {}],
    ]);
  });
  it('returns two empty lists for no records', () => {
    expect(partition([], 'v')).toEqual([[], []]);
    expect(() => partition(undefined, 'v')).toThrow(TypeError);
  });
});

describe('security', () => {
  it('rejects a __proto__ group instead of replacing the prototype', () => {
    expect(() => groupBy([{ k: '__proto__' }], 'k')).toThrow('unsafe group key');
    expect(() => countBy([{ k: '__proto__' }], 'k')).toThrow('unsafe group key');
    expect(() => sumBy([{ k: 'constructor', n: 1 }], 'k', 'n')).toThrow('unsafe group key');
    expect({}.polluted).toBeUndefined();
  });
  it('returns plain objects whose prototype is untouched', () => {
    const g = countBy([{ k: 'a' }], 'k');
    expect(Object.getPrototypeOf(g)).toBe(Object.prototype);
    expect(typeof g.hasOwnProperty).toBe('function');
  });
});
