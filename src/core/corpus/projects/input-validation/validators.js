const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const USERNAME = /^[a-z][a-z0-9_]*$/;

/**
 * Checks that a string's length is within [min, max]; non-strings fail.
 * @param {string} s the value
 * @param {number} min minimum length (inclusive)
 * @param {number} max maximum length (inclusive)
 * @returns {boolean} whether the length is allowed
 * @example isLengthBetween('abc', 1, 3) // => true
 */
export function isLengthBetween(s, min, max) {
  if (typeof s !== 'string') return false;
  return s.length >= min && s.length <= max;
}

/**
 * Email-ish check: one '@', a conservative local part, a dotted domain, at most 254 characters,
 * no leading, trailing or doubled dots in the local part.
 * @param {string} s the candidate
 * @returns {boolean} whether it looks like an email address
 * @example isEmail('ada@example.org') // => true
 */
export function isEmail(s) {
  if (!isLengthBetween(s, 3, 254) || !EMAIL.test(s)) return false;
  const local = s.slice(0, s.indexOf('@'));
  if (local.length > 64) return false;
  return !local.startsWith('.') && !local.endsWith('.') && local.indexOf('..') === -1;
}

/**
 * Checks that a value is an actual integer number (not a string) within [min, max].
 * @param {number} n the value
 * @param {number} min lowest allowed value
 * @param {number} max highest allowed value
 * @returns {boolean} whether n is an integer in range
 * @example isIntegerInRange(18, 13, 120) // => true
 */
export function isIntegerInRange(n, min, max) {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) return false;
  return n >= min && n <= max;
}

/**
 * Username rule: 3 to 20 characters, lowercase ASCII letter first, then letters, digits or '_'.
 * @param {string} s the candidate
 * @returns {boolean} whether it is an allowed username
 * @example isUsername('ada_99') // => true
 */
export function isUsername(s) {
  return isLengthBetween(s, 3, 20) && USERNAME.test(s);
}
