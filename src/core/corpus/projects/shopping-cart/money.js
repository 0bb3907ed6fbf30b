/**
 * Rounds a fractional cent amount half away from zero to whole cents.
 * @param {number} cents the amount in (possibly fractional) cents
 * @returns {number} whole cents
 * @example roundCents(12.5) // => 13
 */
export function roundCents(cents) {
  if (typeof cents !== 'number' || !Number.isFinite(cents)) {
    throw new TypeError('amount must be a finite number');
  }
  // The small epsilon absorbs float error such as 1.005 * 100 = 100.49999999999999.
  const rounded = Math.sign(cents) * Math.round(Math.abs(cents) + 1e-9);
  return rounded === 0 ? 0 : rounded;
}

/**
 * Parses a price string such as '12.34' or '0.5' into cents.
 * @param {string} text the decimal price, at most two decimals
 * @returns {number} the price in cents
 * @example parsePrice('12.3') // => 1230
 */
export function parsePrice(text) {
  const m = typeof text === 'string' ? text.match(/^(\d{1,7})(?:\.(\d{1,2}))?$/) : null;
  if (m === null) {
    throw new Error('invalid price: ' + String(text));
  }
  const fraction = m[2] === undefined ? 0 : Number(m[2].length === 1 ? m[2] + '0' : m[2]);
  return Number(m[1]) * 100 + fraction;
}

/**
 * Formats cents as dollars with two decimals and a leading minus for negatives.
 * @param {number} cents whole cents
 * @returns {string} the formatted amount
 * @example formatMoney(-1205) // => '-$12.05'
 */
export function formatMoney(cents) {
  if (!Number.isSafeInteger(cents)) {
    throw new TypeError('cents must be an integer');
  }
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100);
  const rest = abs % 100;
  return (cents < 0 ? '-' : '') + '$' + dollars + '.' + (rest < 10 ? '0' : '') + rest;
}
