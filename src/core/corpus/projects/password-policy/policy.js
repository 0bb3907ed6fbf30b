/** A few passwords that are always rejected, compared case-insensitively. */
export const COMMON_PASSWORDS = [
  'password',
  '123456',
  '12345678',
  'qwerty',
  'letmein',
  'admin',
  'welcome',
];

/** Default policy: 8 to 64 code points, lower, upper and digit required, symbols optional. */
export const DEFAULT_POLICY = {
  minLength: 8,
  maxLength: 64,
  lower: true,
  upper: true,
  digit: true,
  symbol: false,
};

/**
 * Length in Unicode code points, so an emoji counts once rather than as two UTF-16 units.
 * @param {string} s the text
 * @returns {number} the number of code points
 * @example codePointLength('ab😀') // => 3
 */
export function codePointLength(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * Which character classes occur in a string.
 * @param {string} s the text
 * @returns {{lower: boolean, upper: boolean, digit: boolean, symbol: boolean}} the classes present
 * @example characterClasses('aB3') // => { lower: true, upper: true, digit: true, symbol: false }
 */
export function characterClasses(s) {
  return {
    lower: /[a-z]/.test(s),
    upper: /[A-Z]/.test(s),
    digit: /[0-9]/.test(s),
    symbol: /[^A-Za-z0-9\s]/.test(s),
  };
}

/**
 * Names of the policy rules a password breaks, in a fixed order.
 * @param {string} password the candidate
 * @param {object} policy rules (defaults to DEFAULT_POLICY)
 * @param {string} username optional username the password must not contain
 * @returns {string[]} the failed rules; empty when the password is acceptable
 * @example checkRules('Secret123', { minLength: 8, maxLength: 64, lower: true, upper: true, digit: true, symbol: true }, '') // => ['symbol']
 */
export function checkRules(password, policy = DEFAULT_POLICY, username = '') {
  if (typeof password !== 'string') return ['type'];
  const failures = [];
  const length = codePointLength(password);
  if (length < policy.minLength) failures.push('minLength');
  if (length > policy.maxLength) failures.push('maxLength');
  const classes = characterClasses(password);
  for (const name of ['lower', 'upper', 'digit', 'symbol']) {
    if (policy[name] && !classes[name]) failures.push(name);
  }
  if (password.trim() !== password) failures.push('whitespace');
  if (/[\u0000-\u001f\u007f]/.test(password)) failures.push('control');
  if (username.length >= 3 && password.toLowerCase().indexOf(username.toLowerCase()) !== -1) {
    failures.push('username');
  }
  if (COMMON_PASSWORDS.indexOf(password.toLowerCase()) !== -1) failures.push('common');
  return failures;
}

/**
 * Rough strength from 0 (very weak) to 4 (strong): length and class variety earn points,
 * long runs of one character and common passwords lose them.
 * @param {string} password the candidate
 * @returns {number} an integer score from 0 to 4
 * @example strengthScore('correct Horse 7 battery!') // => 4
 */
export function strengthScore(password) {
  if (typeof password !== 'string' || password === '') return 0;
  if (COMMON_PASSWORDS.indexOf(password.toLowerCase()) !== -1) return 0;
  const length = codePointLength(password);
  let score = 0;
  if (length >= 8) score++;
  if (length >= 12) score++;
  if (length >= 16) score++;
  const classes = characterClasses(password);
  const variety = [classes.lower, classes.upper, classes.digit, classes.symbol].filter(
    Boolean,
  ).length;
  if (variety >= 3) score++;
  if (variety === 4) score++;
  if (/(.)\1\1/.test(password)) score -= 2;
  return Math.max(0, Math.min(4, score));
}
