import { formatPercent, roundHalfEven, roundTo, shiftDecimal } from './rounding.js';

describe('shiftDecimal', () => {
  it('shifts by powers of ten exactly', () => {
    expect(shiftDecimal(1.005, 2)).toBe(100.5);
    expect(shiftDecimal(100.5, -2)).toBe(1.005);
    expect(shiftDecimal(7, 0)).toBe(7);
  });
  it('handles numbers already written with an exponent', () => {
    expect(shiftDecimal(1e-7, 7)).toBe(1);
    expect(shiftDecimal(1.5e21, -21)).toBe(1.5);
  });
});

describe('roundTo', () => {
  it('rounds to whole numbers by default', () => {
    expect(roundTo(2.4)).toBe(2);
    expect(roundTo(2.5)).toBe(3);
    expect(roundTo(2.6)).toBe(3);
  });
  it('rounds halves away from zero', () => {
    expect(roundTo(-2.5)).toBe(-3);
    expect(roundTo(-2.4)).toBe(-2);
    expect(roundTo(0.5)).toBe(1);
  });
  it('avoids binary representation errors', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(1.255, 2)).toBe(1.26);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
  });
  it('rounds to tens and hundreds with negative digits', () => {
    expect(roundTo(1250, -2)).toBe(1300);
    expect(roundTo(1249, -2)).toBe(1200);
    expect(roundTo(-15, -1)).toBe(-20);
  });
  it('never returns negative zero', () => {
    expect(roundTo(-0.4)).toBe(0);
    expect(roundTo(-0.004, 2)).toBe(0);
  });
  it('accepts the digit limits and rejects beyond them', () => {
    expect(roundTo(1.5, 15)).toBe(1.5);
    expect(roundTo(1.5, -15)).toBe(0);
    expect(() => roundTo(1, 16)).toThrow(RangeError);
    expect(() => roundTo(1, -16)).toThrow('digits must be an integer');
    expect(() => roundTo(1, 1.5)).toThrow(RangeError);
  });
  it('rejects non-finite values', () => {
    expect(() => roundTo(NaN)).toThrow(TypeError);
    expect(() => roundTo('1.5')).toThrow('finite number');
  });
});

describe('roundHalfEven', () => {
  it('sends halves to the even neighbour', () => {
    expect(roundHalfEven(2.5)).toBe(2);
    expect(roundHalfEven(3.5)).toBe(4);
    expect(roundHalfEven(0.5)).toBe(0);
    expect(roundHalfEven(1.5)).toBe(2);
  });
  it('rounds non-halves to the nearest value', () => {
    expect(roundHalfEven(2.51)).toBe(3);
    expect(roundHalfEven(2.49)).toBe(2);
    expect(roundHalfEven(7)).toBe(7);
  });
  it('handles negative halves', () => {
    expect(roundHalfEven(-2.5)).toBe(-2);
    expect(roundHalfEven(-3.5)).toBe(-4);
    expect(roundHalfEven(-0.5)).toBe(0);
    expect(roundHalfEven(-0.4)).toBe(0);
    expect(roundHalfEven(0.6)).toBe(1);
  });
  it('works at a number of digits', () => {
    expect(roundHalfEven(1.125, 2)).toBe(1.12);
    expect(roundHalfEven(1.135, 2)).toBe(1.14);
    expect(roundHalfEven(250, -2)).toBe(200);
    expect(roundHalfEven(350, -2)).toBe(400);
  });
  it('rejects bad digits', () => {
    expect(() => roundHalfEven(1, 20)).toThrow(RangeError);
  });
});

describe('formatPercent', () => {
  it('formats with the requested decimals', () => {
    expect(formatPercent(0.1234, 1)).toBe('12.3%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(1, 2)).toBe('100.00%');
  });
  it('rounds half away from zero', () => {
    expect(formatPercent(0.125)).toBe('13%');
    expect(formatPercent(0.00005, 2)).toBe('0.01%');
    expect(formatPercent(-0.125)).toBe('-13%');
  });
  it('formats zero and tiny negatives without a minus sign', () => {
    expect(formatPercent(0, 1)).toBe('0.0%');
    expect(formatPercent(-0.00001, 1)).toBe('0.0%');
  });
  it('accepts 0 and 10 decimals and rejects others', () => {
    expect(formatPercent(0.25, 0)).toBe('25%');
    expect(formatPercent(0.25, 10)).toBe('25.0000000000%');
    expect(() => formatPercent(0.5, 11)).toThrow(RangeError);
    expect(() => formatPercent(0.5, -1)).toThrow('between 0 and 10');
    expect(() => formatPercent(0.5, 1.5)).toThrow(RangeError);
  });
});
