import { expandTerm, maxSatisfying, satisfies, testComparator } from './range.js';

describe('expandTerm', () => {
  it('expands caret ranges by the first non-zero part', () => {
    expect(expandTerm('^1.2.3')).toEqual(['>=1.2.3', '<2.0.0']);
    expect(expandTerm('^0.2.3')).toEqual(['>=0.2.3', '<0.3.0']);
    expect(expandTerm('^0.0.3')).toEqual(['>=0.0.3', '<0.0.4']);
    expect(expandTerm('^0.1.5')).toEqual(['>=0.1.5', '<0.2.0']);
  });
  it('expands tilde ranges to the next minor', () => {
    expect(expandTerm('~1.2.3')).toEqual(['>=1.2.3', '<1.3.0']);
    expect(expandTerm('~0.0.1')).toEqual(['>=0.0.1', '<0.1.0']);
  });
  it('keeps comparators and pins bare versions', () => {
    expect(expandTerm('>=1.0.0')).toEqual(['>=1.0.0']);
    expect(expandTerm('<2.0.0')).toEqual(['<2.0.0']);
    expect(expandTerm('1.2.3')).toEqual(['=1.2.3']);
  });
  it('matches anything for a wildcard', () => {
    expect(expandTerm('*')).toEqual([]);
    expect(expandTerm('x')).toEqual([]);
  });
  it('rejects bad versions inside terms', () => {
    expect(() => expandTerm('^1.2')).toThrow('three numbers');
    expect(() => expandTerm('>=abc')).toThrow(Error);
    expect(() => expandTerm('~')).toThrow(Error);
  });
});

describe('testComparator', () => {
  it('applies each operator on both sides of the boundary', () => {
    expect(testComparator('2.0.0', '>=2.0.0')).toBe(true);
    expect(testComparator('1.9.9', '>=2.0.0')).toBe(false);
    expect(testComparator('2.0.0', '>2.0.0')).toBe(false);
    expect(testComparator('2.0.1', '>2.0.0')).toBe(true);
    expect(testComparator('2.0.0', '<=2.0.0')).toBe(true);
    expect(testComparator('2.0.1', '<=2.0.0')).toBe(false);
    expect(testComparator('1.9.0', '<=2.0.0')).toBe(true);
    expect(testComparator('2.0.0', '<2.0.0')).toBe(false);
    expect(testComparator('1.5.0', '<2.0.0')).toBe(true);
    expect(testComparator('2.0.0', '=2.0.0')).toBe(true);
    expect(testComparator('2.0.1', '=2.0.0')).toBe(false);
  });
  it('requires an operator', () => {
    expect(() => testComparator('1.0.0', '1.0.0')).toThrow('comparator needs an operator');
  });
});

describe('satisfies', () => {
  it('checks caret ranges at their edges', () => {
    expect(satisfies('1.2.3', '^1.2.3')).toBe(true);
    expect(satisfies('1.9.9', '^1.2.3')).toBe(true);
    expect(satisfies('2.0.0', '^1.2.3')).toBe(false);
    expect(satisfies('1.2.2', '^1.2.3')).toBe(false);
  });
  it('checks caret ranges below 1.0.0', () => {
    expect(satisfies('0.2.9', '^0.2.3')).toBe(true);
    expect(satisfies('0.3.0', '^0.2.3')).toBe(false);
    expect(satisfies('0.0.3', '^0.0.3')).toBe(true);
    expect(satisfies('0.0.4', '^0.0.3')).toBe(false);
  });
  it('checks tilde ranges', () => {
    expect(satisfies('1.2.9', '~1.2.3')).toBe(true);
    expect(satisfies('1.3.0', '~1.2.3')).toBe(false);
  });
  it('requires every term of an AND set', () => {
    expect(satisfies('1.5.0', '>=1.0.0 <2.0.0')).toBe(true);
    expect(satisfies('2.0.0', '>=1.0.0 <2.0.0')).toBe(false);
    expect(satisfies('0.9.0', '>=1.0.0  <2.0.0')).toBe(false);
  });
  it('accepts any alternative of an OR range', () => {
    expect(satisfies('1.4.2', '^1.2.0 || >=3.0.0')).toBe(true);
    expect(satisfies('3.1.0', '^1.2.0 || >=3.0.0')).toBe(true);
    expect(satisfies('2.5.0', '^1.2.0 || >=3.0.0')).toBe(false);
  });
  it('matches exact versions and wildcards', () => {
    expect(satisfies('1.2.3', '1.2.3')).toBe(true);
    expect(satisfies('1.2.4', '1.2.3')).toBe(false);
    expect(satisfies('7.7.7', '*')).toBe(true);
    expect(satisfies('7.7.7', '')).toBe(true);
  });
  it('orders prereleases below their release', () => {
    expect(satisfies('2.0.0-rc.1', '<2.0.0')).toBe(true);
    expect(satisfies('1.2.3-beta', '^1.2.3')).toBe(false);
  });
  it('rejects non-string ranges', () => {
    expect(() => satisfies('1.0.0', 1)).toThrow('range must be a string');
  });
});

describe('maxSatisfying', () => {
  it('returns the highest matching version in any order', () => {
    expect(maxSatisfying(['1.2.0', '1.9.1', '2.0.0'], '^1.0.0')).toBe('1.9.1');
    expect(maxSatisfying(['1.9.1', '1.10.0', '1.2.0'], '^1.0.0')).toBe('1.10.0');
    expect(maxSatisfying(['1.0.0', 'v1.0.0'], '*')).toBe('1.0.0');
  });
  it('returns null when nothing matches', () => {
    expect(maxSatisfying(['0.1.0', '3.0.0'], '^1.0.0')).toBeNull();
    expect(maxSatisfying([], '*')).toBeNull();
  });
});
