import { validatePrice, validateQuantity, validateSku } from './validate.js';

describe('validateSku', () => {
  it('accepts well-formed SKUs at both digit limits', () => {
    expect(validateSku('ABC-123')).toBe('ABC-123');
    expect(validateSku('XYZ-123456')).toBe('XYZ-123456');
  });
  it('rejects too few or too many digits', () => {
    expect(() => validateSku('ABC-12')).toThrow('invalid SKU: ABC-12');
    expect(() => validateSku('ABC-1234567')).toThrow('invalid SKU');
  });
  it('rejects lowercase, missing dash and extra text', () => {
    expect(() => validateSku('abc-123')).toThrow(Error);
    expect(() => validateSku('ABC123')).toThrow(Error);
    expect(() => validateSku(' ABC-123')).toThrow(Error);
    expect(() => validateSku('ABC-123\n')).toThrow(Error);
  });
  it('rejects non-strings and prototype keys', () => {
    expect(() => validateSku(123)).toThrow('invalid SKU: 123');
    expect(() => validateSku('__proto__')).toThrow(Error);
  });
});

describe('validateQuantity', () => {
  it('accepts the limits', () => {
    expect(validateQuantity(1, 1)).toBe(1);
    expect(validateQuantity(0, 0)).toBe(0);
    expect(validateQuantity(1000000, 0)).toBe(1000000);
  });
  it('rejects values just outside the limits', () => {
    expect(() => validateQuantity(0, 1)).toThrow('between 1 and 1000000');
    expect(() => validateQuantity(-1, 0)).toThrow(RangeError);
    expect(() => validateQuantity(1000001, 0)).toThrow(RangeError);
  });
  it('rejects fractions, strings and NaN', () => {
    expect(() => validateQuantity(1.5, 0)).toThrow('quantity must be an integer');
    expect(() => validateQuantity('3', 0)).toThrow(TypeError);
    expect(() => validateQuantity(NaN, 0)).toThrow(TypeError);
  });
});

describe('validatePrice', () => {
  it('accepts zero and whole cents', () => {
    expect(validatePrice(0)).toBe(0);
    expect(validatePrice(199)).toBe(199);
  });
  it('rejects negative and fractional prices', () => {
    expect(() => validatePrice(-1)).toThrow('non-negative whole number');
    expect(() => validatePrice(1.5)).toThrow(RangeError);
  });
});
