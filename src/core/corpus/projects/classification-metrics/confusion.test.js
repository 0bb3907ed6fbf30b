import { checkPair, confusionMatrix, countsFor, labelsOf } from './confusion.js';

describe('checkPair', () => {
  it('returns the shared length', () => {
    expect(checkPair(['a'], ['b'])).toBe(1);
    expect(checkPair([1, 2, 3], [3, 2, 1])).toBe(3);
  });
  it('rejects mismatched lengths', () => {
    expect(() => checkPair(['a'], ['a', 'b'])).toThrow(RangeError);
    expect(() => checkPair(['a', 'b'], ['a'])).toThrow('same length');
  });
  it('rejects empty lists and non-arrays', () => {
    expect(() => checkPair([], [])).toThrow('at least one label');
    expect(() => checkPair('ab', 'ab')).toThrow(TypeError);
    expect(() => checkPair(['a'], null)).toThrow('actual and predicted must be arrays');
  });
});

describe('labelsOf', () => {
  it('collects distinct labels from both lists, sorted', () => {
    expect(labelsOf(['b', 'a'], ['c', 'a'])).toEqual(['a', 'b', 'c']);
  });
  it('sorts numbers numerically-comparable', () => {
    expect(labelsOf([2, 10], [1, 2])).toEqual([1, 2, 10]);
  });
  it('keeps a single label once', () => {
    expect(labelsOf(['x', 'x'], ['x', 'x'])).toEqual(['x']);
  });
});

describe('confusionMatrix', () => {
  it('counts actual rows against predicted columns', () => {
    expect(confusionMatrix(['a', 'b'], ['a', 'a'])).toEqual({
      labels: ['a', 'b'],
      matrix: [
        [1, 0],
        [1, 0],
      ],
    });
  });
  it('handles three classes', () => {
    const { labels, matrix } = confusionMatrix(
      ['cat', 'dog', 'cat', 'fox', 'dog'],
      ['cat', 'cat', 'cat', 'dog', 'dog'],
    );
    expect(labels).toEqual(['cat', 'dog', 'fox']);
    expect(matrix).toEqual([
      [2, 0, 0],
      [1, 1, 0],
      [0, 1, 0],
    ]);
  });
  it('includes labels that only appear in predictions', () => {
    const { labels, matrix } = confusionMatrix(['a'], ['z']);
    expect(labels).toEqual(['a', 'z']);
    expect(matrix).toEqual([
      [0, 1],
      [0, 0],
    ]);
  });
  it('has entries that sum to the number of samples', () => {
    const { matrix } = confusionMatrix([1, 2, 2, 3], [1, 1, 2, 3]);
    let total = 0;
    for (const row of matrix) for (const c of row) total += c;
    expect(total).toBe(4);
  });
  it('rejects empty input', () => {
    expect(() => confusionMatrix([], [])).toThrow(RangeError);
  });
});

describe('countsFor', () => {
  it('counts tp, fp and fn', () => {
    expect(countsFor(['a', 'b', 'a'], ['a', 'a', 'b'], 'a')).toEqual({ tp: 1, fp: 1, fn: 1 });
  });
  it('ignores true negatives', () => {
    expect(countsFor(['b', 'c'], ['c', 'b'], 'a')).toEqual({ tp: 0, fp: 0, fn: 0 });
  });
  it('counts all-correct predictions as true positives', () => {
    expect(countsFor(['a', 'a'], ['a', 'a'], 'a')).toEqual({ tp: 2, fp: 0, fn: 0 });
  });
  it('counts only false negatives when the class is never predicted', () => {
    expect(countsFor(['a', 'a', 'b'], ['b', 'b', 'b'], 'a')).toEqual({ tp: 0, fp: 0, fn: 2 });
  });
});
