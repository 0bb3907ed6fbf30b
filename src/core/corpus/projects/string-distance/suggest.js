import { levenshtein } from './distance.js';

function assertMaxDistance(maxDistance) {
  if (!Number.isInteger(maxDistance) || maxDistance < 0) {
    throw new RangeError('maxDistance must be a non-negative integer');
  }
}

/**
 * Candidates within a maximum edit distance, nearest first, ties in alphabetical order.
 * @param {string} word the misspelled word
 * @param {string[]} candidates known words
 * @param {number} maxDistance largest edit distance to accept
 * @returns {string[]} the matching candidates, without duplicates
 * @example suggestions('helo', ['hello', 'help', 'world', 'halo'], 1) // => ['halo', 'hello', 'help']
 */
export function suggestions(word, candidates, maxDistance = 2) {
  assertMaxDistance(maxDistance);
  const scored = [];
  const seen = [];
  for (const c of candidates) {
    if (seen.includes(c)) {
      continue;
    }
    seen.push(c);
    const d = levenshtein(word, c);
    if (d <= maxDistance) {
      scored.push({ c, d });
    }
  }
  scored.sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  return scored.map((s) => s.c);
}

/**
 * The single nearest candidate, or null when none is close enough.
 * @param {string} word the misspelled word
 * @param {string[]} candidates known words
 * @param {number} maxDistance largest edit distance to accept
 * @returns {string|null} the best candidate; earlier candidates win ties
 * @example closest('appel', ['apply', 'apple', 'ample'], 2) // => 'apply'
 */
export function closest(word, candidates, maxDistance = 2) {
  assertMaxDistance(maxDistance);
  let best = null;
  let bestDistance = maxDistance + 1;
  for (const c of candidates) {
    const d = levenshtein(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Tells whether two words are within a given edit distance (case-insensitive).
 * @param {string} a first word
 * @param {string} b second word
 * @param {number} maxDistance largest edit distance to accept
 * @returns {boolean} true when the lowercase words are close enough
 * @example isNear('Color', 'colour', 1) // => true
 */
export function isNear(a, b, maxDistance) {
  return levenshtein(a.toLowerCase(), b.toLowerCase()) <= maxDistance;
}
