/** Unit symbols and their length in milliseconds, largest first. */
export const UNITS = [
  ['d', 86400000],
  ['h', 3600000],
  ['m', 60000],
  ['s', 1000],
  ['ms', 1],
];

/**
 * Length of one unit in milliseconds.
 * @param {string} symbol 'd', 'h', 'm', 's' or 'ms'
 * @returns {number} the unit length
 * @example unitMs('h') // => 3600000
 */
export function unitMs(symbol) {
  const unit = UNITS.find((u) => u[0] === symbol);
  if (unit === undefined) {
    throw new Error('unknown unit: ' + symbol);
  }
  return unit[1];
}

/**
 * Splits a non-negative whole number of milliseconds into days, hours, minutes, seconds and ms.
 * @param {number} ms the duration
 * @returns {number[]} one count per entry of UNITS, largest unit first
 * @example splitDuration(90061001) // => [1, 1, 1, 1, 1]
 */
export function splitDuration(ms) {
  if (!Number.isInteger(ms) || ms < 0) {
    throw new RangeError('ms must be a non-negative integer');
  }
  const parts = [];
  let rest = ms;
  for (const [, size] of UNITS) {
    parts.push(Math.floor(rest / size));
    rest = rest % size;
  }
  return parts;
}
