import { isEmail, isIntegerInRange, isLengthBetween, isUsername } from './validators.js';

describe('isLengthBetween', () => {
  it('accepts lengths at and between the limits', () => {
    expect(isLengthBetween('abc', 1, 3)).toBe(true);
    expect(isLengthBetween('a', 1, 3)).toBe(true);
    expect(isLengthBetween('', 0, 0)).toBe(true);
  });
  it('rejects lengths outside the limits', () => {
    expect(isLengthBetween('abcd', 1, 3)).toBe(false);
    expect(isLengthBetween('', 1, 3)).toBe(false);
  });
  it('rejects non-strings', () => {
    expect(isLengthBetween(['a', 'b'], 1, 3)).toBe(false);
    expect(isLengthBetween(12, 1, 3)).toBe(false);
  });
});

describe('isEmail', () => {
  it('accepts ordinary addresses', () => {
    expect(isEmail('ada@example.org')).toBe(true);
    expect(isEmail('first.last+tag@mail.example.co.uk')).toBe(true);
  });
  it('requires a dotted domain and one @', () => {
    expect(isEmail('ada@localhost')).toBe(false);
    expect(isEmail('ada.example.org')).toBe(false);
    expect(isEmail('a@b@example.org')).toBe(false);
    expect(isEmail('@example.org')).toBe(false);
  });
  it('rejects bad dots in the local part', () => {
    expect(isEmail('.ada@example.org')).toBe(false);
    expect(isEmail('ada.@example.org')).toBe(false);
    expect(isEmail('a..da@example.org')).toBe(false);
  });
  it('enforces the length limits', () => {
    expect(isEmail('a'.repeat(64) + '@x.io')).toBe(true);
    expect(isEmail('a'.repeat(65) + '@x.io')).toBe(false);
    expect(isEmail('a@' + 'b'.repeat(250) + '.io')).toBe(false);
    expect(isEmail('a@' + 'b'.repeat(249) + '.io')).toBe(true);
  });
  it('rejects non-strings', () => {
    expect(isEmail(null)).toBe(false);
  });
});

describe('isIntegerInRange', () => {
  it('accepts integers within the inclusive range', () => {
    expect(isIntegerInRange(18, 13, 120)).toBe(true);
    expect(isIntegerInRange(13, 13, 120)).toBe(true);
    expect(isIntegerInRange(120, 13, 120)).toBe(true);
  });
  it('rejects values just outside', () => {
    expect(isIntegerInRange(12, 13, 120)).toBe(false);
    expect(isIntegerInRange(121, 13, 120)).toBe(false);
  });
  it('rejects fractions and non-finite numbers', () => {
    expect(isIntegerInRange(13.5, 0, 100)).toBe(false);
    expect(isIntegerInRange(NaN, 0, 100)).toBe(false);
    expect(isIntegerInRange(Infinity, 0, Infinity)).toBe(false);
  });
});

describe('isUsername', () => {
  it('accepts valid names at the length limits', () => {
    expect(isUsername('ada_99')).toBe(true);
    expect(isUsername('abc')).toBe(true);
    expect(isUsername('a'.repeat(20))).toBe(true);
  });
  it('rejects names that are too short or too long', () => {
    expect(isUsername('ab')).toBe(false);
    expect(isUsername('a'.repeat(21))).toBe(false);
  });
  it('requires a leading lowercase letter', () => {
    expect(isUsername('9lives')).toBe(false);
    expect(isUsername('_ada')).toBe(false);
    expect(isUsername('Ada')).toBe(false);
  });
});

describe('security', () => {
  it('rejects header injection in email addresses', () => {
    expect(isEmail('ada@example.org\nBcc: all@example.org')).toBe(false);
    expect(isEmail('ada@example.org\r\n')).toBe(false);
  });
  it('rejects numeric strings and hex that would coerce to integers', () => {
    expect(isIntegerInRange('5', 0, 10)).toBe(false);
    expect(isIntegerInRange('0x5', 0, 10)).toBe(false);
    expect(isIntegerInRange(true, 0, 10)).toBe(false);
  });
  it('rejects unsafe integers', () => {
    expect(isIntegerInRange(2 ** 53, 0, Infinity)).toBe(false);
  });
  it('rejects usernames with paths, spaces, markup or look-alike characters', () => {
    expect(isUsername('../admin')).toBe(false);
    expect(isUsername('ad min')).toBe(false);
    expect(isUsername('ada<script>')).toBe(false);
    expect(isUsername('аdmin')).toBe(false);
    expect(isUsername('admin\n')).toBe(false);
  });
});
