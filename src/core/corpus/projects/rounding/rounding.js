function checkDigits(digits) {
  if (!Number.isInteger(digits) || digits < -15 || digits > 15) {
    throw new RangeError('digits must be an integer between -15 and 15');
  }
}

function checkNumber(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new TypeError('value must be a finite number');
  }
}

/**
 * Multiplies by 10^n through the decimal exponent so 1.005 shifts to exactly 100.5.
 * @param {number} x the number
 * @param {number} n the power of ten
 * @returns {number} x * 10^n without binary rounding error
 * @example shiftDecimal(1.005, 2) // => 100.5
 */
export function shiftDecimal(x, n) {
  const parts = String(x).split('e');
  const exponent = parts.length > 1 ? Number(parts[1]) : 0;
  return Number(parts[0] + 'e' + (exponent + n));
}

/**
 * Rounds half away from zero to a number of decimal digits (negative digits round to tens, hundreds...).
 * @param {number} x the number
 * @param {number} digits decimal places
 * @returns {number} the rounded number
 * @example roundTo(1.005, 2) // => 1.01
 */
export function roundTo(x, digits = 0) {
  checkNumber(x);
  checkDigits(digits);
  const sign = x < 0 ? -1 : 1;
  const rounded = Math.round(shiftDecimal(Math.abs(x), digits));
  const result = sign * shiftDecimal(rounded, -digits);
  // Avoid returning -0 for small negatives that round to zero.
  return result === 0 ? 0 : result;
}

/**
 * Banker's rounding: halves go to the nearest even digit.
 * @param {number} x the number
 * @param {number} digits decimal places
 * @returns {number} the rounded number
 * @example roundHalfEven(2.5, 0) // => 2
 */
export function roundHalfEven(x, digits = 0) {
  checkNumber(x);
  checkDigits(digits);
  const scaled = shiftDecimal(x, digits);
  const floor = Math.floor(scaled);
  const diff = scaled - floor;
  let rounded;
  if (diff > 0.5) {
    rounded = floor + 1;
  } else if (diff < 0.5) {
    rounded = floor;
  } else {
    rounded = floor % 2 === 0 ? floor : floor + 1;
  }
  const result = shiftDecimal(rounded, -digits);
  return result === 0 ? 0 : result;
}

/**
 * Formats a ratio as a percentage string with a fixed number of decimals.
 * @param {number} ratio the ratio (0.5 is 50%)
 * @param {number} digits decimals after the point (0 to 10)
 * @returns {string} the formatted percentage
 * @example formatPercent(0.1234, 1) // => '12.3%'
 */
export function formatPercent(ratio, digits = 0) {
  checkNumber(ratio);
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) {
    throw new RangeError('digits must be an integer between 0 and 10');
  }
  const value = roundTo(shiftDecimal(ratio, 2), digits);
  return value.toFixed(digits) + '%';
}
