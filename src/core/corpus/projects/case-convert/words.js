/**
 * Classifies one character as 'upper', 'lower', 'digit' or 'other' (ASCII only).
 * @param {string} ch a single character
 * @returns {string} the character class
 * @example charKind('Q') // => 'upper'
 */
export function charKind(ch) {
  if (ch >= 'A' && ch <= 'Z') {
    return 'upper';
  }
  if (ch >= 'a' && ch <= 'z') {
    return 'lower';
  }
  if (ch >= '0' && ch <= '9') {
    return 'digit';
  }
  return 'other';
}

/**
 * Tells whether a new word starts at index i of an alphanumeric run.
 * @param {string} text the whole text
 * @param {number} i index of the character to test (i > 0)
 * @returns {boolean} true on a lower/digit-to-upper step or at the last capital of an acronym
 * @example isWordStart('fooBar', 3) // => true
 */
export function isWordStart(text, i) {
  const prev = charKind(text[i - 1]);
  const cur = charKind(text[i]);
  if (cur !== 'upper') {
    return false;
  }
  if (prev === 'lower' || prev === 'digit') {
    return true;
  }
  // "XMLHttp": the H starts a word because a lowercase letter follows it.
  return prev === 'upper' && charKind(text[i + 1]) === 'lower';
}

/**
 * Splits text into words at separators, case changes and acronym ends.
 * @param {string} text identifier or phrase, e.g. 'parseHTTPResponse' or 'max-value_2'
 * @returns {string[]} the words in their original case
 * @example splitWords('parseHTTPResponse') // => ['parse', 'HTTP', 'Response']
 */
export function splitWords(text) {
  if (typeof text !== 'string') {
    throw new TypeError('text must be a string');
  }
  const words = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    // Past the end, text[i] is undefined and counts as 'other', closing the last word.
    const inWord = charKind(text[i]) !== 'other';
    if (!inWord) {
      if (start >= 0) {
        words.push(text.slice(start, i));
      }
      start = -1;
    } else if (start < 0) {
      start = i;
    } else if (isWordStart(text, i)) {
      words.push(text.slice(start, i));
      start = i;
    }
  }
  return words;
}

/**
 * Uppercases the first character of a word and lowercases the rest.
 * @param {string} word the word
 * @returns {string} the capitalized word ('' stays '')
 * @example capitalize('hELLO') // => 'Hello'
 */
export function capitalize(word) {
  if (word.length === 0) {
    return '';
  }
  return word[0].toUpperCase() + word.slice(1).toLowerCase();
}
