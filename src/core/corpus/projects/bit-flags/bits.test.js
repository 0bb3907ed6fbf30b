import { clearBit, hasBit, popcount, setBit, toBinary, toggleBit } from './bits.js';

const ALL = 4294967295;
const TOP = 2147483648;

describe('setBit', () => {
  it('turns a bit on and leaves set bits alone', () => {
    expect(setBit(5, 1)).toBe(7);
    expect(setBit(5, 0)).toBe(5);
    expect(setBit(0, 0)).toBe(1);
  });
  it('keeps bit 31 positive', () => {
    expect(setBit(0, 31)).toBe(TOP);
    expect(setBit(1, 31)).toBe(TOP + 1);
  });
  it('rejects bits outside 0 to 31', () => {
    expect(() => setBit(0, 32)).toThrow('bit must be an integer from 0 to 31');
    expect(() => setBit(0, -1)).toThrow(RangeError);
    expect(() => setBit(0, 1.5)).toThrow(RangeError);
  });
  it('rejects masks outside the unsigned 32-bit range', () => {
    expect(() => setBit(-1, 0)).toThrow('mask must be an integer from 0 to 2^32 - 1');
    expect(() => setBit(ALL + 1, 0)).toThrow(RangeError);
    expect(() => setBit(0.5, 0)).toThrow(RangeError);
    expect(setBit(ALL, 3)).toBe(ALL);
  });
});

describe('clearBit', () => {
  it('turns a bit off and leaves clear bits alone', () => {
    expect(clearBit(7, 1)).toBe(5);
    expect(clearBit(5, 1)).toBe(5);
    expect(clearBit(1, 0)).toBe(0);
  });
  it('works at bit 31 and on a full mask', () => {
    expect(clearBit(ALL, 31)).toBe(TOP - 1);
    expect(clearBit(ALL, 0)).toBe(ALL - 1);
    expect(clearBit(TOP, 31)).toBe(0);
  });
  it('validates its arguments', () => {
    expect(() => clearBit(1, 40)).toThrow(RangeError);
  });
});

describe('toggleBit', () => {
  it('flips bits both ways', () => {
    expect(toggleBit(5, 0)).toBe(4);
    expect(toggleBit(4, 0)).toBe(5);
    expect(toggleBit(0, 31)).toBe(TOP);
    expect(toggleBit(TOP, 31)).toBe(0);
  });
  it('validates its arguments', () => {
    expect(() => toggleBit(-3, 0)).toThrow(RangeError);
  });
});

describe('hasBit', () => {
  it('reads set and clear bits', () => {
    expect(hasBit(4, 2)).toBe(true);
    expect(hasBit(4, 1)).toBe(false);
    expect(hasBit(4, 3)).toBe(false);
    expect(hasBit(1, 0)).toBe(true);
  });
  it('reads bit 31 of large masks', () => {
    expect(hasBit(TOP, 31)).toBe(true);
    expect(hasBit(TOP - 1, 31)).toBe(false);
    expect(hasBit(ALL, 30)).toBe(true);
  });
  it('validates its arguments', () => {
    expect(() => hasBit(1, 32)).toThrow(RangeError);
  });
});

describe('popcount', () => {
  it('counts set bits', () => {
    expect(popcount(0)).toBe(0);
    expect(popcount(1)).toBe(1);
    expect(popcount(255)).toBe(8);
    expect(popcount(10)).toBe(2);
  });
  it('counts all 32 bits and the top bit alone', () => {
    expect(popcount(ALL)).toBe(32);
    expect(popcount(TOP)).toBe(1);
    expect(popcount(TOP + 3)).toBe(3);
  });
  it('validates the mask', () => {
    expect(() => popcount(-1)).toThrow(RangeError);
  });
});

describe('toBinary', () => {
  it('writes binary digits', () => {
    expect(toBinary(5)).toBe('101');
    expect(toBinary(1)).toBe('1');
    expect(toBinary(8)).toBe('1000');
    expect(toBinary(0)).toBe('0');
  });
  it('pads to the width but never truncates', () => {
    expect(toBinary(5, 8)).toBe('00000101');
    expect(toBinary(5, 3)).toBe('101');
    expect(toBinary(5, 2)).toBe('101');
    expect(toBinary(0, 4)).toBe('0000');
  });
  it('writes the full 32-bit range', () => {
    expect(toBinary(ALL)).toBe('1'.repeat(32));
    expect(toBinary(TOP, 32)).toBe('1' + '0'.repeat(31));
  });
  it('rejects widths outside 1 to 32', () => {
    expect(() => toBinary(1, 0)).toThrow('width must be an integer from 1 to 32');
    expect(() => toBinary(1, 33)).toThrow(RangeError);
    expect(() => toBinary(1, 2.5)).toThrow(RangeError);
    expect(toBinary(1, 32)).toHaveLength(32);
  });
});
