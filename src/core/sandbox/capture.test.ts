import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCapture } from './capture';

const limits = { maxLines: 3, maxLineChars: 5, maxRecords: 2, maxRecordChars: 10, maxKeyChars: 12 };

describe('createCapture', () => {
  it('splits, truncates and caps console lines, noting what was dropped', () => {
    const capture = createCapture(limits);
    capture.log('a\nbcdefgh');
    capture.log('c');
    capture.log('d');
    capture.log('e');
    expect(capture.lines()).toEqual([
      'a',
      'bcdef...',
      'c',
      '[sandbox] 2 more console lines dropped',
    ]);
  });

  it('keeps at most maxLines lines plus one note, each within bounds', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 }), { maxLength: 10 }), (texts) => {
        const capture = createCapture(limits);
        for (const text of texts) capture.log(text);
        const lines = capture.lines();
        expect(lines.length).toBeLessThanOrEqual(limits.maxLines + 1);
        for (const line of lines.slice(0, limits.maxLines))
          expect(line.length).toBeLessThanOrEqual(8);
      }),
    );
  });

  it('stores records as data, caps their count and size', () => {
    const capture = createCapture(limits);
    capture.record('__proto__', '{"x":1}');
    capture.record('a', '[1,2]');
    capture.record('a', '[3]');
    capture.record('b', '1');
    capture.record('c', '"0123456789abc"');
    const records = capture.records();
    expect(Object.keys(records)).toEqual(['__proto__', 'a']);
    expect(records['a']).toEqual([3]);
    expect(Object.getPrototypeOf(records)).toBe(Object.prototype);
    expect(capture.lines()).toEqual([
      "[sandbox] record 'b' dropped: more than 2 records",
      "[sandbox] record 'c' dropped: larger than 10 chars",
    ]);
  });

  it('drops a record whose key is too long, naming only its start', () => {
    const capture = createCapture(limits);
    capture.record('k'.repeat(100_000), '1');
    expect(capture.records()).toEqual({});
    expect(capture.lines()).toEqual([
      `[sandbox] record '${'k'.repeat(40)}...' dropped: a key longer than 12 chars`,
    ]);
  });
});
