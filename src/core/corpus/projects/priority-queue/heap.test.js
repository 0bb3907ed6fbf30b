import { before, siftDown, siftUp } from './heap.js';

const e = (priority, seq) => ({ priority, seq });

describe('before', () => {
  it('puts the smaller priority first in a min order', () => {
    expect(before(e(1, 5), e(2, 0), 'min')).toBe(true);
    expect(before(e(2, 0), e(1, 5), 'min')).toBe(false);
  });
  it('puts the larger priority first in a max order', () => {
    expect(before(e(2, 5), e(1, 0), 'max')).toBe(true);
    expect(before(e(1, 0), e(2, 5), 'max')).toBe(false);
  });
  it('breaks ties by insertion order in both orders', () => {
    expect(before(e(2, 1), e(2, 5), 'min')).toBe(true);
    expect(before(e(2, 5), e(2, 1), 'min')).toBe(false);
    expect(before(e(2, 1), e(2, 5), 'max')).toBe(true);
    expect(before(e(2, 3), e(2, 3), 'max')).toBe(false);
  });
  it('handles negative priorities', () => {
    expect(before(e(-5, 1), e(-1, 0), 'min')).toBe(true);
  });
});

describe('siftUp', () => {
  it('moves a smaller entry to the root', () => {
    expect(siftUp([e(5, 0), e(1, 1)], 1, 'min')).toEqual([e(1, 1), e(5, 0)]);
    expect(
      siftUp([e(1, 0), e(3, 1), e(2, 2), e(4, 3), e(5, 4), e(6, 5), e(0, 6)], 6, 'min'),
    ).toEqual([e(0, 6), e(3, 1), e(1, 0), e(4, 3), e(5, 4), e(6, 5), e(2, 2)]);
  });
  it('stops below a parent with precedence', () => {
    expect(siftUp([e(1, 0), e(3, 1), e(2, 2)], 2, 'min')).toEqual([e(1, 0), e(3, 1), e(2, 2)]);
    expect(siftUp([e(1, 0), e(4, 1), e(5, 2), e(2, 3)], 3, 'min')).toEqual([
      e(1, 0),
      e(2, 3),
      e(5, 2),
      e(4, 1),
    ]);
  });
  it('does not pass an equal parent that was inserted earlier', () => {
    expect(siftUp([e(2, 0), e(2, 1)], 1, 'min')).toEqual([e(2, 0), e(2, 1)]);
  });
  it('leaves the root alone', () => {
    expect(siftUp([e(9, 0)], 0, 'max')).toEqual([e(9, 0)]);
  });
});

describe('siftDown', () => {
  it('swaps with the child that has precedence', () => {
    expect(siftDown([e(9, 0), e(2, 1), e(4, 2)], 0, 'min')).toEqual([e(2, 1), e(9, 0), e(4, 2)]);
    expect(siftDown([e(9, 0), e(4, 1), e(2, 2)], 0, 'min')).toEqual([e(2, 2), e(4, 1), e(9, 0)]);
    expect(siftDown([e(1, 0), e(4, 1), e(2, 2)], 0, 'max')).toEqual([e(4, 1), e(1, 0), e(2, 2)]);
  });
  it('sinks through several levels', () => {
    const items = [e(9, 0), e(1, 1), e(5, 2), e(2, 3), e(3, 4)];
    expect(siftDown(items, 0, 'min')).toEqual([e(1, 1), e(2, 3), e(5, 2), e(9, 0), e(3, 4)]);
  });
  it('handles a single left child at the end of the array', () => {
    expect(siftDown([e(7, 0), e(3, 1)], 0, 'min')).toEqual([e(3, 1), e(7, 0)]);
    expect(siftDown([e(1, 0), e(3, 1)], 0, 'min')).toEqual([e(1, 0), e(3, 1)]);
  });
  it('does not swap with an equal child inserted later', () => {
    expect(siftDown([e(2, 0), e(2, 1), e(2, 2)], 0, 'min')).toEqual([e(2, 0), e(2, 1), e(2, 2)]);
  });
});
