import { UNITS, splitDuration, unitMs } from './units.js';

describe('UNITS', () => {
  it('lists units from largest to smallest with their sizes', () => {
    expect(UNITS.map((u) => u[0])).toEqual(['d', 'h', 'm', 's', 'ms']);
    expect(UNITS.map((u) => u[1])).toEqual([86400000, 3600000, 60000, 1000, 1]);
  });
});

describe('unitMs', () => {
  it('returns the size of each unit', () => {
    expect(unitMs('d')).toBe(86400000);
    expect(unitMs('h')).toBe(3600000);
    expect(unitMs('m')).toBe(60000);
    expect(unitMs('s')).toBe(1000);
    expect(unitMs('ms')).toBe(1);
  });
  it('rejects unknown units, including wrong case', () => {
    expect(() => unitMs('w')).toThrow('unknown unit: w');
    expect(() => unitMs('H')).toThrow(Error);
    expect(() => unitMs('')).toThrow('unknown unit');
  });
});

describe('splitDuration', () => {
  it('splits into one count per unit', () => {
    expect(splitDuration(90061001)).toEqual([1, 1, 1, 1, 1]);
    expect(splitDuration(3723000)).toEqual([0, 1, 2, 3, 0]);
  });
  it('handles zero and values just below each boundary', () => {
    expect(splitDuration(0)).toEqual([0, 0, 0, 0, 0]);
    expect(splitDuration(999)).toEqual([0, 0, 0, 0, 999]);
    expect(splitDuration(59999)).toEqual([0, 0, 0, 59, 999]);
    expect(splitDuration(86399999)).toEqual([0, 23, 59, 59, 999]);
  });
  it('handles values exactly on each boundary', () => {
    expect(splitDuration(1000)).toEqual([0, 0, 0, 1, 0]);
    expect(splitDuration(60000)).toEqual([0, 0, 1, 0, 0]);
    expect(splitDuration(3600000)).toEqual([0, 1, 0, 0, 0]);
    expect(splitDuration(86400000)).toEqual([1, 0, 0, 0, 0]);
  });
  it('lets days grow without limit', () => {
    expect(splitDuration(400 * 86400000 + 5)).toEqual([400, 0, 0, 0, 5]);
  });
  it('rejects negative and fractional input', () => {
    expect(() => splitDuration(-1)).toThrow(RangeError);
    expect(() => splitDuration(1.5)).toThrow('ms must be a non-negative integer');
    expect(() => splitDuration('10')).toThrow(RangeError);
  });
});
