import { sentences, words } from './tokenize.js';

/**
 * Number of words in a text.
 * @param {string} text the text
 * @returns {number} the word count
 * @example wordCount('One, two... three!') // => 3
 */
export function wordCount(text) {
  return words(text).length;
}

/**
 * Mean word length in characters, rounded to two decimals.
 * @param {string} text the text
 * @returns {number} the average, 0 when there are no words
 * @example averageWordLength('a bb ccc') // => 2
 */
export function averageWordLength(text) {
  const list = words(text);
  if (list.length === 0) {
    return 0;
  }
  let total = 0;
  for (const w of list) {
    total += w.length;
  }
  return Math.round((total / list.length) * 100) / 100;
}

/**
 * The k most frequent words, most frequent first, ties in alphabetical order.
 * @param {string} text the text
 * @param {number} k how many words to return
 * @param {string[]} stopWords lowercase words to ignore
 * @returns {Array[]} [word, count] pairs
 * @example topWords('the cat and the hat and the bat', 2, []) // => [['the', 3], ['and', 2]]
 */
export function topWords(text, k, stopWords = []) {
  if (!Number.isInteger(k) || k < 0) {
    throw new RangeError('k must be a non-negative integer');
  }
  const counts = new Map();
  for (const w of words(text)) {
    if (!stopWords.includes(w)) {
      counts.set(w, (counts.get(w) || 0) + 1);
    }
  }
  const pairs = Array.from(counts.entries());
  pairs.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return pairs.slice(0, k);
}

/**
 * Sentence and word summary of a text.
 * @param {string} text the text
 * @param {number} wordsPerMinute reading speed used for the time estimate
 * @returns {{sentences: number, words: number, minutes: number}} counts and whole reading minutes (rounded up)
 * @example summarize('Short text. Two sentences.', 200) // => { sentences: 2, words: 4, minutes: 1 }
 */
export function summarize(text, wordsPerMinute = 200) {
  if (!(wordsPerMinute > 0)) {
    throw new RangeError('wordsPerMinute must be positive');
  }
  const count = wordCount(text);
  return {
    sentences: sentences(text).length,
    words: count,
    minutes: Math.ceil(count / wordsPerMinute),
  };
}
