/** Values and symbols used for writing numerals, subtractive pairs included, largest first. */
export const TABLE = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/**
 * Value of a single Roman symbol.
 * @param {string} ch one of I V X L C D M (either case)
 * @returns {number} its value, or 0 for any other character
 * @example symbolValue('L') // => 50
 */
export function symbolValue(ch) {
  if (ch.length !== 1) {
    return 0;
  }
  const upper = ch.toUpperCase();
  const entry = TABLE.find((e) => e[1] === upper);
  return entry === undefined ? 0 : entry[0];
}

/**
 * Writes an integer from 1 to 3999 as a Roman numeral.
 * @param {number} n the integer
 * @returns {string} the canonical numeral
 * @example toRoman(1994) // => 'MCMXCIV'
 */
export function toRoman(n) {
  if (!Number.isInteger(n) || n < 1 || n > 3999) {
    throw new RangeError('only integers from 1 to 3999 can be written');
  }
  let rest = n;
  let out = '';
  for (const [value, symbol] of TABLE) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/**
 * Reads a Roman numeral (case-insensitive) and rejects non-canonical forms such as IIII or IC.
 * @param {string} text the numeral
 * @returns {number} its value
 * @example fromRoman('mmxxiv') // => 2024
 */
export function fromRoman(text) {
  if (typeof text !== 'string' || text.length === 0) {
    throw new TypeError('numeral must be a non-empty string');
  }
  const upper = text.toUpperCase();
  let total = 0;
  for (let i = 0; i < upper.length; i++) {
    const value = symbolValue(upper[i]);
    if (value === 0) {
      throw new Error('invalid roman symbol: ' + text[i]);
    }
    const next = i + 1 < upper.length ? symbolValue(upper[i + 1]) : 0;
    total += value < next ? -value : value;
  }
  // Summing accepts forms like IIII or VX; writing the total back exposes them.
  if (total > 3999 || toRoman(total) !== upper) {
    throw new Error('not a canonical roman numeral: ' + text);
  }
  return total;
}

/**
 * Tells whether text is a canonical Roman numeral.
 * @param {string} text the candidate
 * @returns {boolean} true when fromRoman would accept it
 * @example isRoman('IC') // => false
 */
export function isRoman(text) {
  try {
    fromRoman(text);
    return true;
  } catch {
    return false;
  }
}
