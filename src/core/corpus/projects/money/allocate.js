import { assertCents } from './cents.js';

/**
 * Splits an amount by ratios so the parts add up exactly; leftover cents go to the largest
 * fractional shares first (earlier parts win ties).
 * @param {number} cents the amount to split
 * @param {number[]} ratios non-negative weights, not all zero
 * @returns {number[]} one amount per ratio
 * @example allocate(100, [1, 1, 1]) // => [34, 33, 33]
 */
export function allocate(cents, ratios) {
  assertCents(cents);
  if (!Array.isArray(ratios) || ratios.length === 0) {
    throw new RangeError('ratios must be a non-empty array');
  }
  let sum = 0;
  for (const r of ratios) {
    if (typeof r !== 'number' || !Number.isFinite(r) || r < 0) {
      throw new RangeError('ratios must be finite and non-negative');
    }
    sum += r;
  }
  if (sum === 0) {
    throw new RangeError('ratios must not all be zero');
  }
  const abs = Math.abs(cents);
  const exact = ratios.map((r) => (abs * r) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = abs - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k++) {
    parts[order[k].i] += 1;
    left--;
  }
  return cents < 0 ? parts.map((p) => (p === 0 ? 0 : -p)) : parts;
}

/**
 * Splits an amount into n parts that differ by at most one cent, larger parts first.
 * @param {number} cents the amount
 * @param {number} n number of parts, an integer >= 1
 * @returns {number[]} the parts
 * @example splitEvenly(1000, 3) // => [334, 333, 333]
 */
export function splitEvenly(cents, n) {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError('n must be an integer >= 1');
  }
  const ratios = [];
  for (let i = 0; i < n; i++) {
    ratios.push(1);
  }
  return allocate(cents, ratios);
}

/**
 * A percentage of an amount, rounded to the cent with halves away from zero.
 * @param {number} cents the amount
 * @param {number} percent the rate, e.g. 7.5 for 7.5 % (used to three decimals)
 * @returns {number} the share in cents
 * @example percentOf(1999, 7.5) // => 150
 */
export function percentOf(cents, percent) {
  assertCents(cents);
  if (!Number.isFinite(percent)) {
    throw new RangeError('percent must be a finite number');
  }
  // Scale to integers first so 0.5-cent results are not lost to binary fractions.
  const scaled = Math.abs(cents) * Math.round(Math.abs(percent) * 1000);
  const share = Math.floor((scaled + 50000) / 100000);
  const negative = cents < 0 !== percent < 0;
  return negative && share !== 0 ? -share : share;
}
