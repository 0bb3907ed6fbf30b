import { capitalize, splitWords } from './words.js';

/** Words kept lowercase inside a title unless they come first or last. */
export const SMALL_WORDS = [
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
];

/**
 * Converts text to camelCase.
 * @param {string} text identifier or phrase
 * @returns {string} the first word lowercase, the others capitalized, no separators
 * @example camelCase('Hello big_world') // => 'helloBigWorld'
 */
export function camelCase(text) {
  const words = splitWords(text);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : capitalize(w))).join('');
}

/**
 * Converts text to PascalCase.
 * @param {string} text identifier or phrase
 * @returns {string} every word capitalized, no separators
 * @example pascalCase('user-id list') // => 'UserIdList'
 */
export function pascalCase(text) {
  return splitWords(text).map(capitalize).join('');
}

/**
 * Converts text to snake_case.
 * @param {string} text identifier or phrase
 * @returns {string} lowercase words joined by underscores
 * @example snakeCase('parseHTTPResponse') // => 'parse_http_response'
 */
export function snakeCase(text) {
  return splitWords(text)
    .map((w) => w.toLowerCase())
    .join('_');
}

/**
 * Converts text to kebab-case.
 * @param {string} text identifier or phrase
 * @returns {string} lowercase words joined by dashes
 * @example kebabCase('Max Value2') // => 'max-value2'
 */
export function kebabCase(text) {
  return splitWords(text)
    .map((w) => w.toLowerCase())
    .join('-');
}

/**
 * Converts text to CONSTANT_CASE.
 * @param {string} text identifier or phrase
 * @returns {string} uppercase words joined by underscores
 * @example constantCase('maxRetryCount') // => 'MAX_RETRY_COUNT'
 */
export function constantCase(text) {
  return splitWords(text)
    .map((w) => w.toUpperCase())
    .join('_');
}

/**
 * Converts text to Title Case, keeping small words lowercase except at the ends.
 * @param {string} text identifier or phrase
 * @returns {string} words joined by single spaces
 * @example titleCase('the lord_of the rings') // => 'The Lord of the Rings'
 */
export function titleCase(text) {
  const words = splitWords(text);
  const last = words.length - 1;
  return words
    .map((w, i) => {
      const lower = w.toLowerCase();
      if (i > 0 && i < last && SMALL_WORDS.includes(lower)) {
        return lower;
      }
      return capitalize(w);
    })
    .join(' ');
}
