/**
 * Tells whether a character belongs inside a word: a letter (any script) or an ASCII digit.
 * @param {string} ch one character
 * @returns {boolean} true for letters and digits
 * @example isWordChar('é') // => true
 */
export function isWordChar(ch) {
  if (ch >= '0' && ch <= '9') {
    return true;
  }
  // A character with distinct upper and lower case forms is a letter.
  return ch.toLowerCase() !== ch.toUpperCase();
}

/**
 * Splits text into lowercase words; an apostrophe between letters stays in the word.
 * @param {string} text the text
 * @returns {string[]} the words in order
 * @example words('Hello, World 42!') // => ['hello', 'world', '42']
 */
export function words(text) {
  if (typeof text !== 'string') {
    throw new TypeError('text must be a string');
  }
  const out = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (isWordChar(ch)) {
      current += ch.toLowerCase();
    } else if (ch === "'" && current.length > 0 && i + 1 < text.length && isWordChar(text[i + 1])) {
      current += ch;
    } else if (current.length > 0) {
      out.push(current);
      current = '';
    }
  }
  if (current.length > 0) {
    out.push(current);
  }
  return out;
}

/**
 * Splits text into trimmed sentences ending at '.', '!' or '?' followed by whitespace or the end.
 * @param {string} text the text
 * @returns {string[]} the sentences with their end marks; blank pieces are dropped
 * @example sentences('Hi there. How are you?I am fine!') // => ['Hi there.', 'How are you?I am fine!']
 */
export function sentences(text) {
  if (typeof text !== 'string') {
    throw new TypeError('text must be a string');
  }
  const out = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const next = text[i + 1];
    const isEnd = ch === '.' || ch === '!' || ch === '?';
    if (isEnd && (next === undefined || next === ' ' || next === '\n' || next === '\t')) {
      // The piece always holds at least its end mark, so it is never blank.
      out.push(text.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  const tail = text.slice(start).trim();
  if (tail.length > 0) {
    out.push(tail);
  }
  return out;
}
