import { add, compare, gcd, lcm, multiply, reduce } from './fraction.js';

describe('gcd', () => {
  it('finds the greatest common divisor', () => {
    expect(gcd(12, 18)).toBe(6);
    expect(gcd(17, 5)).toBe(1);
    expect(gcd(7, 7)).toBe(7);
  });
  it('is non-negative for negative inputs', () => {
    expect(gcd(12, -18)).toBe(6);
    expect(gcd(-4, -6)).toBe(2);
  });
  it('handles zeros', () => {
    expect(gcd(0, 5)).toBe(5);
    expect(gcd(5, 0)).toBe(5);
    expect(gcd(0, 0)).toBe(0);
  });
  it('rejects non-integers', () => {
    expect(() => gcd(1.5, 2)).toThrow('a must be a safe integer');
    expect(() => gcd(2, NaN)).toThrow('b must be a safe integer');
  });
});

describe('lcm', () => {
  it('finds the least common multiple', () => {
    expect(lcm(4, 6)).toBe(12);
    expect(lcm(3, 5)).toBe(15);
    expect(lcm(6, 3)).toBe(6);
  });
  it('is non-negative and 0 with a zero argument', () => {
    expect(lcm(-4, 6)).toBe(12);
    expect(lcm(0, 9)).toBe(0);
    expect(lcm(9, 0)).toBe(0);
  });
  it('validates inputs even with a zero', () => {
    expect(() => lcm(0, 1.5)).toThrow(TypeError);
  });
});

describe('reduce', () => {
  it('reduces to lowest terms', () => {
    expect(reduce({ num: 6, den: 8 })).toEqual({ num: 3, den: 4 });
    expect(reduce({ num: 5, den: 1 })).toEqual({ num: 5, den: 1 });
  });
  it('moves the sign to the numerator', () => {
    expect(reduce({ num: 6, den: -8 })).toEqual({ num: -3, den: 4 });
    expect(reduce({ num: -2, den: -4 })).toEqual({ num: 1, den: 2 });
  });
  it('normalises zero to 0/1', () => {
    expect(reduce({ num: 0, den: -7 })).toEqual({ num: 0, den: 1 });
  });
  it('rejects a zero denominator and bad shapes', () => {
    expect(() => reduce({ num: 1, den: 0 })).toThrow(RangeError);
    expect(() => reduce({ num: 1, den: 0 })).toThrow('denominator must not be zero');
    expect(() => reduce(null)).toThrow('fraction must be an object');
    expect(() => reduce({ num: 1.5, den: 2 })).toThrow('num must be a safe integer');
  });
});

describe('add', () => {
  it('adds over a common denominator', () => {
    expect(add({ num: 1, den: 6 }, { num: 1, den: 3 })).toEqual({ num: 1, den: 2 });
    expect(add({ num: 1, den: 2 }, { num: 1, den: 3 })).toEqual({ num: 5, den: 6 });
  });
  it('handles negatives and zero results', () => {
    expect(add({ num: 1, den: 4 }, { num: -1, den: 4 })).toEqual({ num: 0, den: 1 });
    expect(add({ num: -1, den: 2 }, { num: 1, den: 3 })).toEqual({ num: -1, den: 6 });
  });
  it('reduces unreduced inputs', () => {
    expect(add({ num: 2, den: 4 }, { num: 3, den: 6 })).toEqual({ num: 1, den: 1 });
  });
});

describe('multiply', () => {
  it('multiplies and reduces', () => {
    expect(multiply({ num: 2, den: 3 }, { num: 9, den: 4 })).toEqual({ num: 3, den: 2 });
    expect(multiply({ num: 1, den: 2 }, { num: 1, den: 3 })).toEqual({ num: 1, den: 6 });
  });
  it('cross-reduces so large factors do not overflow', () => {
    const big = 2 ** 52;
    expect(multiply({ num: big, den: 7 }, { num: 5, den: big })).toEqual({ num: 5, den: 7 });
    expect(multiply({ num: 5, den: big }, { num: big, den: 7 })).toEqual({ num: 5, den: 7 });
  });
  it('handles zero and signs', () => {
    expect(multiply({ num: 0, den: 5 }, { num: 3, den: 7 })).toEqual({ num: 0, den: 1 });
    expect(multiply({ num: -2, den: 3 }, { num: 3, den: -4 })).toEqual({ num: 1, den: 2 });
    expect(multiply({ num: -2, den: 3 }, { num: 3, den: 4 })).toEqual({ num: -1, den: 2 });
  });
});

describe('compare', () => {
  it('orders fractions', () => {
    expect(compare({ num: 1, den: 3 }, { num: 2, den: 5 })).toBe(-1);
    expect(compare({ num: 2, den: 5 }, { num: 1, den: 3 })).toBe(1);
  });
  it('treats equivalent fractions as equal', () => {
    expect(compare({ num: 2, den: 4 }, { num: 1, den: 2 })).toBe(0);
    expect(compare({ num: 1, den: -2 }, { num: -1, den: 2 })).toBe(0);
  });
  it('respects negative denominators', () => {
    expect(compare({ num: 1, den: -2 }, { num: 1, den: 3 })).toBe(-1);
  });
});
