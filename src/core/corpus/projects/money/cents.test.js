import { assertCents, formatMoney, groupThousands, toCents } from './cents.js';

describe('assertCents', () => {
  it('returns whole amounts unchanged', () => {
    expect(assertCents(-250)).toBe(-250);
    expect(assertCents(0)).toBe(0);
  });
  it('rejects fractions, non-numbers and unsafe integers', () => {
    expect(() => assertCents(1.5)).toThrow('amount must be a whole number of cents');
    expect(() => assertCents('100')).toThrow(TypeError);
    expect(() => assertCents(2 ** 53)).toThrow(TypeError);
  });
});

describe('toCents', () => {
  it('parses whole amounts and decimals', () => {
    expect(toCents('12')).toBe(1200);
    expect(toCents('12.34')).toBe(1234);
    expect(toCents('0.05')).toBe(5);
  });
  it('reads one decimal as tenths', () => {
    expect(toCents('1,234.5')).toBe(123450);
    expect(toCents('0.5')).toBe(50);
  });
  it('accepts comma groups of exactly three digits', () => {
    expect(toCents('1,000,000')).toBe(100000000);
    expect(toCents('999')).toBe(99900);
    expect(() => toCents('1,00')).toThrow('not a money amount: 1,00');
    expect(() => toCents('1234,567')).toThrow(Error);
  });
  it('handles negative amounts and negative zero', () => {
    expect(toCents('-0.99')).toBe(-99);
    expect(toCents('-12')).toBe(-1200);
    expect(toCents('-0.00')).toBe(0);
    expect(Object.is(toCents('-0'), 0)).toBe(true);
  });
  it('trims surrounding spaces', () => {
    expect(toCents('  7.10 ')).toBe(710);
  });
  it('rejects more than two decimals and other shapes', () => {
    expect(() => toCents('1.234')).toThrow('not a money amount');
    expect(() => toCents('1.')).toThrow(Error);
    expect(() => toCents('.5')).toThrow(Error);
    expect(() => toCents('$5')).toThrow(Error);
    expect(() => toCents('')).toThrow(Error);
    expect(() => toCents(5)).toThrow('not a money amount: 5');
  });
});

describe('groupThousands', () => {
  it('groups from the right', () => {
    expect(groupThousands('1234567', ',')).toBe('1,234,567');
    expect(groupThousands('1234')).toBe('1,234');
    expect(groupThousands('123456')).toBe('123,456');
  });
  it('leaves up to three digits alone', () => {
    expect(groupThousands('999')).toBe('999');
    expect(groupThousands('12')).toBe('12');
    expect(groupThousands('')).toBe('');
  });
  it('uses a custom separator', () => {
    expect(groupThousands('12345678', ' ')).toBe('12 345 678');
  });
});

describe('formatMoney', () => {
  it('writes two decimals with grouped thousands', () => {
    expect(formatMoney(123405, '$')).toBe('$1,234.05');
    expect(formatMoney(100000000)).toBe('$1,000,000.00');
  });
  it('pads the cents and handles amounts below one unit', () => {
    expect(formatMoney(5)).toBe('$0.05');
    expect(formatMoney(10)).toBe('$0.10');
    expect(formatMoney(99)).toBe('$0.99');
    expect(formatMoney(0)).toBe('$0.00');
  });
  it('puts the minus sign before the symbol', () => {
    expect(formatMoney(-123405, '$')).toBe('-$1,234.05');
    expect(formatMoney(-1, '€')).toBe('-€0.01');
  });
  it('round-trips with toCents', () => {
    for (const c of [0, 1, 99, 100, 123456789, -5050]) {
      expect(toCents(formatMoney(c, ''))).toBe(c);
    }
  });
  it('rejects fractional cents', () => {
    expect(() => formatMoney(10.5)).toThrow(TypeError);
  });
});
