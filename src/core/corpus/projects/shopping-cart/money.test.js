import { formatMoney, parsePrice, roundCents } from './money.js';

describe('roundCents', () => {
  it('rounds to the nearest cent', () => {
    expect(roundCents(12.4)).toBe(12);
    expect(roundCents(12.6)).toBe(13);
    expect(roundCents(12)).toBe(12);
  });
  it('rounds halves away from zero', () => {
    expect(roundCents(12.5)).toBe(13);
    expect(roundCents(-12.5)).toBe(-13);
    expect(roundCents(0.5)).toBe(1);
  });
  it('absorbs float error at a half', () => {
    expect(roundCents(1.005 * 100)).toBe(101);
  });
  it('never returns negative zero', () => {
    expect(roundCents(-0.2)).toBe(0);
  });
  it('rejects non-finite input', () => {
    expect(() => roundCents(NaN)).toThrow('finite');
    expect(() => roundCents('5')).toThrow(TypeError);
  });
});

describe('parsePrice', () => {
  it('parses whole and decimal prices', () => {
    expect(parsePrice('12')).toBe(1200);
    expect(parsePrice('12.34')).toBe(1234);
    expect(parsePrice('12.3')).toBe(1230);
    expect(parsePrice('0.05')).toBe(5);
  });
  it('accepts up to seven integer digits', () => {
    expect(parsePrice('9999999.99')).toBe(999999999);
    expect(() => parsePrice('10000000')).toThrow('invalid price');
  });
  it('rejects malformed prices', () => {
    expect(() => parsePrice('1.234')).toThrow('invalid price: 1.234');
    expect(() => parsePrice('-1')).toThrow(Error);
    expect(() => parsePrice('.5')).toThrow(Error);
    expect(() => parsePrice('12.')).toThrow(Error);
    expect(() => parsePrice('1e3')).toThrow(Error);
    expect(() => parsePrice('')).toThrow(Error);
    expect(() => parsePrice(5)).toThrow('invalid price: 5');
  });
});

describe('formatMoney', () => {
  it('formats dollars and cents', () => {
    expect(formatMoney(1234)).toBe('$12.34');
    expect(formatMoney(1205)).toBe('$12.05');
    expect(formatMoney(1210)).toBe('$12.10');
  });
  it('formats small and zero amounts', () => {
    expect(formatMoney(0)).toBe('$0.00');
    expect(formatMoney(9)).toBe('$0.09');
    expect(formatMoney(100)).toBe('$1.00');
  });
  it('puts the minus before the dollar sign', () => {
    expect(formatMoney(-1205)).toBe('-$12.05');
  });
  it('rejects fractional cents', () => {
    expect(() => formatMoney(1.5)).toThrow('cents must be an integer');
  });
});
