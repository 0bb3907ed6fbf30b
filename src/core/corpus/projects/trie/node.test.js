import { assertWord, createNode, findNode } from './node.js';

const leaf = () => ({ end: true, count: 1, next: {} });

describe('createNode', () => {
  it('creates an empty node', () => {
    expect(createNode()).toEqual({ end: false, count: 0, next: {} });
  });
  it('creates a fresh object every time', () => {
    const a = createNode();
    a.next.x = leaf();
    expect(createNode().next).toEqual({});
  });
});

describe('findNode', () => {
  const root = { end: false, count: 1, next: { a: { end: false, count: 1, next: { b: leaf() } } } };
  it('returns the root for an empty prefix', () => {
    expect(findNode(root, '')).toBe(root);
  });
  it('follows each character', () => {
    expect(findNode(root, 'a')).toBe(root.next.a);
    expect(findNode(root, 'ab')).toEqual(leaf());
  });
  it('returns null when the path breaks at any step', () => {
    expect(findNode(root, 'b')).toBeNull();
    expect(findNode(root, 'ax')).toBeNull();
    expect(findNode(root, 'abc')).toBeNull();
  });
  it('does not follow inherited properties', () => {
    const empty = createNode();
    expect(findNode(empty, 'constructor')).toBeNull();
    expect(findNode({ end: false, count: 0, next: Object.create({ x: leaf() }) }, 'x')).toBeNull();
  });
});

describe('assertWord', () => {
  it('returns valid words', () => {
    expect(assertWord('tea')).toBe('tea');
    expect(assertWord('a')).toBe('a');
  });
  it('rejects empty strings and non-strings', () => {
    expect(() => assertWord('')).toThrow('word must be a non-empty string');
    expect(() => assertWord(5)).toThrow(TypeError);
    expect(() => assertWord(null)).toThrow(TypeError);
  });
});
