import { TABLE, fromRoman, isRoman, symbolValue, toRoman } from './roman.js';

describe('symbolValue', () => {
  it('knows all seven symbols in either case', () => {
    expect(['I', 'V', 'X', 'L', 'C', 'D', 'M'].map(symbolValue)).toEqual([
      1, 5, 10, 50, 100, 500, 1000,
    ]);
    expect(symbolValue('m')).toBe(1000);
  });
  it('returns 0 for anything else, including subtractive pairs', () => {
    expect(symbolValue('A')).toBe(0);
    expect(symbolValue('IV')).toBe(0);
  });
});

describe('toRoman', () => {
  it('writes the basic symbols', () => {
    expect(toRoman(1)).toBe('I');
    expect(toRoman(5)).toBe('V');
    expect(toRoman(10)).toBe('X');
    expect(toRoman(50)).toBe('L');
    expect(toRoman(100)).toBe('C');
    expect(toRoman(500)).toBe('D');
    expect(toRoman(1000)).toBe('M');
  });
  it('uses every subtractive pair', () => {
    expect(toRoman(4)).toBe('IV');
    expect(toRoman(9)).toBe('IX');
    expect(toRoman(40)).toBe('XL');
    expect(toRoman(90)).toBe('XC');
    expect(toRoman(400)).toBe('CD');
    expect(toRoman(900)).toBe('CM');
  });
  it('repeats symbols up to three times', () => {
    expect(toRoman(3)).toBe('III');
    expect(toRoman(8)).toBe('VIII');
    expect(toRoman(30)).toBe('XXX');
    expect(toRoman(2000)).toBe('MM');
  });
  it('writes composite numbers', () => {
    expect(toRoman(1994)).toBe('MCMXCIV');
    expect(toRoman(2024)).toBe('MMXXIV');
    expect(toRoman(444)).toBe('CDXLIV');
    expect(toRoman(3999)).toBe('MMMCMXCIX');
  });
  it('rejects numbers outside 1 to 3999', () => {
    expect(() => toRoman(0)).toThrow(RangeError);
    expect(() => toRoman(4000)).toThrow('only integers from 1 to 3999 can be written');
    expect(() => toRoman(-5)).toThrow(RangeError);
    expect(() => toRoman(2.5)).toThrow(RangeError);
  });
  it('uses a table of 13 entries, largest first', () => {
    expect(TABLE).toHaveLength(13);
    expect(TABLE[0]).toEqual([1000, 'M']);
  });
});

describe('fromRoman', () => {
  it('reads simple and subtractive numerals', () => {
    expect(fromRoman('III')).toBe(3);
    expect(fromRoman('IV')).toBe(4);
    expect(fromRoman('IX')).toBe(9);
    expect(fromRoman('XLII')).toBe(42);
    expect(fromRoman('MCMXCIV')).toBe(1994);
  });
  it('reads the extremes and lowercase input', () => {
    expect(fromRoman('I')).toBe(1);
    expect(fromRoman('MMMCMXCIX')).toBe(3999);
    expect(fromRoman('mmxxiv')).toBe(2024);
  });
  it('round-trips numbers spread over 1 to 3999', () => {
    for (let n = 1; n <= 3999; n += 37) {
      expect(fromRoman(toRoman(n))).toBe(n);
    }
  });
  it('rejects non-canonical forms', () => {
    expect(() => fromRoman('IIII')).toThrow('not a canonical roman numeral: IIII');
    expect(() => fromRoman('IC')).toThrow('not a canonical');
    expect(() => fromRoman('VX')).toThrow('not a canonical');
    expect(() => fromRoman('XM')).toThrow('not a canonical');
    expect(() => fromRoman('MMMM')).toThrow('not a canonical');
    expect(() => fromRoman('VV')).toThrow(Error);
  });
  it('rejects unknown symbols, naming them', () => {
    expect(() => fromRoman('XIZ')).toThrow('invalid roman symbol: Z');
    expect(() => fromRoman('X I')).toThrow('invalid roman symbol');
  });
  it('rejects empty strings and non-strings', () => {
    expect(() => fromRoman('')).toThrow('numeral must be a non-empty string');
    expect(() => fromRoman(12)).toThrow('numeral must be a non-empty string');
  });
});

describe('isRoman', () => {
  it('accepts canonical numerals', () => {
    expect(isRoman('XIV')).toBe(true);
    expect(isRoman('mcm')).toBe(true);
  });
  it('rejects everything else without throwing', () => {
    expect(isRoman('IC')).toBe(false);
    expect(isRoman('')).toBe(false);
    expect(isRoman('ABC')).toBe(false);
    expect(isRoman(null)).toBe(false);
  });
});
