import { convert, convertLength, convertTemperature, formatQuantity } from './convert.js';

describe('convertLength', () => {
  it('converts imperial units exactly', () => {
    expect(convertLength(1, 'ft', 'in')).toBe(12);
    expect(convertLength(1, 'yd', 'ft')).toBe(3);
    expect(convertLength(1, 'mi', 'ft')).toBe(5280);
  });
  it('converts metric units without binary noise', () => {
    expect(convertLength(1, 'km', 'cm')).toBe(100000);
    expect(convertLength(3, 'mm', 'cm')).toBe(0.3);
    expect(convertLength(0.1, 'm', 'mm')).toBe(100);
  });
  it('converts across systems', () => {
    expect(convertLength(1, 'in', 'cm')).toBe(2.54);
    expect(convertLength(1, 'mi', 'km')).toBe(1.609344);
  });
  it('keeps the value for identical units and handles zero and negatives', () => {
    expect(convertLength(7, 'm', 'm')).toBe(7);
    expect(convertLength(0, 'km', 'mi')).toBe(0);
    expect(convertLength(-2, 'ft', 'in')).toBe(-24);
  });
  it('rejects bad values and units', () => {
    expect(() => convertLength(NaN, 'm', 'm')).toThrow('finite number');
    expect(() => convertLength(1, 'm', 'C')).toThrow('C is not a length unit');
  });
});

describe('convertTemperature', () => {
  it('converts between C and F', () => {
    expect(convertTemperature(100, 'C', 'F')).toBe(212);
    expect(convertTemperature(32, 'F', 'C')).toBe(0);
    expect(convertTemperature(-40, 'C', 'F')).toBe(-40);
    expect(convertTemperature(98.6, 'F', 'C')).toBe(37);
  });
  it('converts to and from K', () => {
    expect(convertTemperature(0, 'C', 'K')).toBe(273.15);
    expect(convertTemperature(0, 'K', 'C')).toBe(-273.15);
    expect(convertTemperature(212, 'F', 'K')).toBe(373.15);
    expect(convertTemperature(300, 'K', 'F')).toBe(80.33);
  });
  it('keeps the value for identical units', () => {
    expect(convertTemperature(21, 'C', 'C')).toBe(21);
  });
  it('accepts absolute zero and rejects colder values', () => {
    expect(convertTemperature(-459.67, 'F', 'K')).toBe(0);
    expect(() => convertTemperature(-1, 'K', 'C')).toThrow('below absolute zero');
    expect(() => convertTemperature(-273.16, 'C', 'K')).toThrow(RangeError);
    expect(() => convertTemperature(-460, 'F', 'C')).toThrow(RangeError);
  });
  it('rejects length units', () => {
    expect(() => convertTemperature(1, 'm', 'C')).toThrow('needs C, F or K');
  });
});

describe('convert', () => {
  it('dispatches by unit kind', () => {
    expect(convert(5, 'km', 'm')).toBe(5000);
    expect(convert(25, 'C', 'K')).toBe(298.15);
  });
  it('refuses mixed kinds', () => {
    expect(() => convert(1, 'm', 'K')).toThrow('cannot convert m to K');
    expect(() => convert(1, 'K', 'm')).toThrow('cannot convert');
  });
});

describe('formatQuantity', () => {
  it('adds a degree sign for C and F but not K', () => {
    expect(formatQuantity(21.456, 'C', 1)).toBe('21.5 °C');
    expect(formatQuantity(70, 'F', 0)).toBe('70 °F');
    expect(formatQuantity(300, 'K', 0)).toBe('300 K');
  });
  it('defaults to two decimals for lengths', () => {
    expect(formatQuantity(1.5, 'km')).toBe('1.50 km');
  });
  it('accepts 0 and 6 digits and rejects others', () => {
    expect(formatQuantity(1, 'm', 6)).toBe('1.000000 m');
    expect(() => formatQuantity(1, 'm', 7)).toThrow(RangeError);
    expect(() => formatQuantity(1, 'm', -1)).toThrow('digits must be an integer from 0 to 6');
  });
});
