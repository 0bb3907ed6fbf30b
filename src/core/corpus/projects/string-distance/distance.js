function assertString(value, name) {
  if (typeof value !== 'string') {
    throw new TypeError(name + ' must be a string');
  }
}

/**
 * Levenshtein distance: fewest single-character insertions, deletions and substitutions.
 * @param {string} a first string
 * @param {string} b second string
 * @returns {number} the edit distance
 * @example levenshtein('kitten', 'sitting') // => 3
 */
export function levenshtein(a, b) {
  assertString(a, 'a');
  assertString(b, 'b');
  // Two rows suffice: row j of the table only reads row j - 1.
  let prev = [];
  for (let j = 0; j <= b.length; j++) {
    prev.push(j);
  }
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Hamming distance: number of positions where two equal-length strings differ.
 * @param {string} a first string
 * @param {string} b second string, same length as a
 * @returns {number} the count of differing positions
 * @example hamming('karolin', 'kathrin') // => 3
 */
export function hamming(a, b) {
  assertString(a, 'a');
  assertString(b, 'b');
  if (a.length !== b.length) {
    throw new RangeError('hamming needs strings of equal length');
  }
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      count++;
    }
  }
  return count;
}

/**
 * Longest prefix shared by every string of a list.
 * @param {string[]} strings the strings to compare
 * @returns {string} the common prefix ('' for an empty list)
 * @example commonPrefix(['flower', 'flow', 'flight']) // => 'fl'
 */
export function commonPrefix(strings) {
  if (!Array.isArray(strings)) {
    throw new TypeError('strings must be an array');
  }
  if (strings.length === 0) {
    return '';
  }
  let prefix = strings[0];
  for (let k = 1; k < strings.length; k++) {
    const s = strings[k];
    let i = 0;
    while (i < prefix.length && i < s.length && prefix[i] === s[i]) {
      i++;
    }
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/**
 * Longest suffix shared by every string of a list.
 * @param {string[]} strings the strings to compare
 * @returns {string} the common suffix ('' for an empty list)
 * @example commonSuffix(['testing', 'running', 'sing']) // => 'ing'
 */
export function commonSuffix(strings) {
  if (!Array.isArray(strings)) {
    throw new TypeError('strings must be an array');
  }
  const reversed = strings.map((s) => s.split('').reverse().join(''));
  return commonPrefix(reversed).split('').reverse().join('');
}

/**
 * Similarity in [0, 1] from the Levenshtein distance, scaled by the longer length.
 * @param {string} a first string
 * @param {string} b second string
 * @returns {number} 1 for identical strings, 0 when nothing can be kept
 * @example similarity('abcd', 'abed') // => 0.75
 */
export function similarity(a, b) {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) {
    return 1;
  }
  return 1 - levenshtein(a, b) / longest;
}
