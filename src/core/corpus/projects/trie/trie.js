import { assertWord, createNode, findNode } from './node.js';

/**
 * Adds a word; every node on its path counts the words below it.
 * @param {object} trie the root node {end, count, next} (modified)
 * @param {string} word a non-empty word
 * @returns {boolean} true when the word was new
 * @example insertWord({ end: false, count: 0, next: {} }, 'a') // => true
 */
export function insertWord(trie, word) {
  assertWord(word);
  if (hasWord(trie, word)) {
    return false;
  }
  let node = trie;
  node.count++;
  for (const ch of word) {
    if (!Object.prototype.hasOwnProperty.call(node.next, ch)) {
      node.next[ch] = createNode();
    }
    node = node.next[ch];
    node.count++;
  }
  node.end = true;
  return true;
}

/**
 * Builds a trie from a list of words (duplicates are stored once).
 * @param {string[]} words the words
 * @returns {object} the root node
 * @example buildTrie(['a']) // => { end: false, count: 1, next: { a: { end: true, count: 1, next: {} } } }
 */
export function buildTrie(words) {
  const trie = createNode();
  for (const w of words) {
    insertWord(trie, w);
  }
  return trie;
}

/**
 * Tells whether the exact word was inserted.
 * @param {object} trie the root node
 * @param {string} word the word
 * @returns {boolean} true for a stored word, false for a mere prefix
 * @example hasWord({ end: false, count: 1, next: { a: { end: true, count: 1, next: {} } } }, 'a') // => true
 */
export function hasWord(trie, word) {
  const node = findNode(trie, word);
  return node !== null && node.end;
}

/**
 * Number of stored words that start with a prefix.
 * @param {object} trie the root node
 * @param {string} prefix the prefix ('' counts every word)
 * @returns {number} the count
 * @example countPrefix({ end: false, count: 1, next: { a: { end: true, count: 1, next: {} } } }, 'a') // => 1
 */
export function countPrefix(trie, prefix) {
  const node = findNode(trie, prefix);
  return node === null ? 0 : node.count;
}

/**
 * Stored words starting with a prefix, in alphabetical order, at most limit of them.
 * @param {object} trie the root node
 * @param {string} prefix the prefix
 * @param {number} limit largest number of words to return
 * @returns {string[]} the completions
 * @example wordsWithPrefix({ end: false, count: 1, next: { a: { end: true, count: 1, next: {} } } }, '', 10) // => ['a']
 */
export function wordsWithPrefix(trie, prefix, limit = 10) {
  const out = [];
  const start = findNode(trie, prefix);
  const walk = (node, text) => {
    if (out.length >= limit) {
      return;
    }
    if (node.end) {
      out.push(text);
    }
    for (const ch of Object.keys(node.next).sort()) {
      walk(node.next[ch], text + ch);
    }
  };
  if (start !== null) {
    walk(start, prefix);
  }
  return out;
}

/**
 * Removes a word, pruning nodes no other word uses.
 * @param {object} trie the root node (modified)
 * @param {string} word the word
 * @returns {boolean} true when the word was present
 * @example removeWord({ end: false, count: 1, next: { a: { end: true, count: 1, next: {} } } }, 'b') // => false
 */
export function removeWord(trie, word) {
  assertWord(word);
  if (!hasWord(trie, word)) {
    return false;
  }
  let node = trie;
  node.count--;
  for (const ch of word) {
    const child = node.next[ch];
    if (child.count === 1) {
      delete node.next[ch];
      return true;
    }
    child.count--;
    node = child;
  }
  node.end = false;
  return true;
}
