/**
 * Creates an empty trie node: no word ends here and no words pass below it.
 * @returns {{end: boolean, count: number, next: object}} the node
 * @example createNode() // => { end: false, count: 0, next: {} }
 */
export function createNode() {
  return { end: false, count: 0, next: {} };
}

/**
 * Follows a prefix from a node, one character at a time, through own children only.
 * @param {object} trie the node to start from
 * @param {string} prefix the characters to follow ('' returns trie itself)
 * @returns {object|null} the node reached, or null when the path does not exist
 * @example findNode({ end: false, count: 1, next: { a: { end: true, count: 1, next: {} } } }, 'ab') // => null
 */
export function findNode(trie, prefix) {
  let node = trie;
  for (const ch of prefix) {
    if (!Object.prototype.hasOwnProperty.call(node.next, ch)) {
      return null;
    }
    node = node.next[ch];
  }
  return node;
}

/**
 * Checks that a word can be stored: a non-empty string.
 * @param {*} word the candidate word
 * @returns {string} the word itself
 * @example assertWord('tea') // => 'tea'
 */
export function assertWord(word) {
  if (typeof word !== 'string' || word.length === 0) {
    throw new TypeError('word must be a non-empty string');
  }
  return word;
}
