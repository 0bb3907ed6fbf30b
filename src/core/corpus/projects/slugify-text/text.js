/**
 * Tells whether a character is an ASCII lowercase letter or a digit.
 * @param {string} ch a single character
 * @returns {boolean} true for a-z and 0-9
 * @example isSlugChar('a') // => true
 */
export function isSlugChar(ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
}

/**
 * Turns text into a URL slug: lowercase ASCII letters and digits joined by a separator.
 * @param {string} text the text to convert
 * @param {string} separator the string placed between words
 * @returns {string} the slug, with no leading, trailing or doubled separators
 * @example slugify('  Hello, World! ', '-') // => 'hello-world'
 */
export function slugify(text, separator = '-') {
  if (typeof text !== 'string') {
    throw new TypeError('text must be a string');
  }
  const lower = text.toLowerCase();
  const words = [];
  let current = '';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i];
    if (isSlugChar(ch)) {
      current += ch;
    } else if (ch === "'") {
      // Apostrophes join their word ("don't" -> "dont") rather than splitting it.
      continue;
    } else if (current.length > 0) {
      words.push(current);
      current = '';
    }
  }
  if (current.length > 0) {
    words.push(current);
  }
  return words.join(separator);
}

/**
 * Shortens text to at most maxLength characters, ending it with an ellipsis when cut.
 * @param {string} text the text to shorten
 * @param {number} maxLength the largest allowed length, ellipsis included
 * @param {string} ellipsis the marker appended when the text is cut
 * @returns {string} the text unchanged if short enough, otherwise cut and marked
 * @example truncate('The quick brown fox', 10, '...') // => 'The qui...'
 */
export function truncate(text, maxLength, ellipsis = '...') {
  if (typeof text !== 'string') {
    throw new TypeError('text must be a string');
  }
  if (!Number.isInteger(maxLength) || maxLength < 0) {
    throw new RangeError('maxLength must be a non-negative integer');
  }
  if (text.length <= maxLength) {
    return text;
  }
  if (maxLength < ellipsis.length) {
    return ellipsis.slice(0, maxLength);
  }
  return text.slice(0, maxLength - ellipsis.length) + ellipsis;
}

/**
 * Greedily wraps text into lines of at most width characters, splitting words that are too long.
 * @param {string} text the text to wrap; runs of whitespace count as one space
 * @param {number} width the largest line length (at least 1)
 * @returns {string[]} the lines, without trailing spaces; [] for blank text
 * @example wordWrap('the quick brown fox', 10) // => ['the quick', 'brown fox']
 */
export function wordWrap(text, width) {
  if (typeof text !== 'string') {
    throw new TypeError('text must be a string');
  }
  if (!Number.isInteger(width) || width < 1) {
    throw new RangeError('width must be an integer >= 1');
  }
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const lines = [];
  let line = '';
  for (let word of words) {
    while (word.length > width) {
      if (line.length > 0) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (line.length === 0) {
      line = word;
    } else if (line.length + 1 + word.length <= width) {
      line += ' ' + word;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line.length > 0) {
    lines.push(line);
  }
  return lines;
}
