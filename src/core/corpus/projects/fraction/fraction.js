function checkInt(n, name) {
  if (!Number.isSafeInteger(n)) {
    throw new TypeError(name + ' must be a safe integer');
  }
}

/**
 * Greatest common divisor of two integers (always non-negative; gcd(0, 0) is 0).
 * @param {number} a first integer
 * @param {number} b second integer
 * @returns {number} the gcd
 * @example gcd(12, -18) // => 6
 */
export function gcd(a, b) {
  checkInt(a, 'a');
  checkInt(b, 'b');
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/**
 * Least common multiple of two integers (0 if either is 0).
 * @param {number} a first integer
 * @param {number} b second integer
 * @returns {number} the lcm, non-negative
 * @example lcm(4, 6) // => 12
 */
export function lcm(a, b) {
  if (a === 0 || b === 0) {
    checkInt(a, 'a');
    checkInt(b, 'b');
    return 0;
  }
  return Math.abs((a / gcd(a, b)) * b);
}

/**
 * Lowest-terms form with a positive denominator.
 * @param {{num: number, den: number}} f the fraction
 * @returns {{num: number, den: number}} the reduced fraction
 * @example reduce({ num: 6, den: -8 }) // => { num: -3, den: 4 }
 */
export function reduce(f) {
  if (!f || typeof f !== 'object') {
    throw new TypeError('fraction must be an object');
  }
  checkInt(f.num, 'num');
  checkInt(f.den, 'den');
  if (f.den === 0) {
    throw new RangeError('denominator must not be zero');
  }
  if (f.num === 0) {
    return { num: 0, den: 1 };
  }
  const g = gcd(f.num, f.den);
  const sign = f.den < 0 ? -1 : 1;
  return { num: (sign * f.num) / g, den: (sign * f.den) / g };
}

/**
 * Sum of two fractions over their least common denominator, reduced.
 * @param {{num: number, den: number}} a first fraction
 * @param {{num: number, den: number}} b second fraction
 * @returns {{num: number, den: number}} a + b
 * @example add({ num: 1, den: 6 }, { num: 1, den: 3 }) // => { num: 1, den: 2 }
 */
export function add(a, b) {
  const x = reduce(a);
  const y = reduce(b);
  const den = lcm(x.den, y.den);
  return reduce({ num: x.num * (den / x.den) + y.num * (den / y.den), den });
}

/**
 * Product of two fractions, cross-reduced first to keep intermediates small.
 * @param {{num: number, den: number}} a first fraction
 * @param {{num: number, den: number}} b second fraction
 * @returns {{num: number, den: number}} a * b
 * @example multiply({ num: 2, den: 3 }, { num: 9, den: 4 }) // => { num: 3, den: 2 }
 */
export function multiply(a, b) {
  const x = reduce(a);
  const y = reduce(b);
  // Denominators are at least 1 after reduce, so both gcds are at least 1.
  const g1 = gcd(x.num, y.den);
  const g2 = gcd(y.num, x.den);
  return reduce({ num: (x.num / g1) * (y.num / g2), den: (x.den / g2) * (y.den / g1) });
}

/**
 * Orders two fractions.
 * @param {{num: number, den: number}} a first fraction
 * @param {{num: number, den: number}} b second fraction
 * @returns {number} -1 if a < b, 0 if equal, 1 if a > b
 * @example compare({ num: 1, den: 3 }, { num: 2, den: 5 }) // => -1
 */
export function compare(a, b) {
  const x = reduce(a);
  const y = reduce(b);
  const left = x.num * y.den;
  const right = y.num * x.den;
  if (left < right) return -1;
  if (left > right) return 1;
  return 0;
}
