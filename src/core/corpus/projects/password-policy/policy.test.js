import {
  COMMON_PASSWORDS,
  DEFAULT_POLICY,
  characterClasses,
  checkRules,
  codePointLength,
  strengthScore,
} from './policy.js';

const strict = { minLength: 8, maxLength: 64, lower: true, upper: true, digit: true, symbol: true };

describe('codePointLength', () => {
  it('counts ASCII characters', () => {
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('')).toBe(0);
  });
  it('counts an emoji once', () => {
    expect(codePointLength('ab😀')).toBe(3);
    expect('ab😀'.length).toBe(4);
  });
});

describe('characterClasses', () => {
  it('detects each class', () => {
    expect(characterClasses('aB3')).toEqual({
      lower: true,
      upper: true,
      digit: true,
      symbol: false,
    });
    expect(characterClasses('!')).toEqual({
      lower: false,
      upper: false,
      digit: false,
      symbol: true,
    });
  });
  it('does not count spaces as symbols', () => {
    expect(characterClasses('a b').symbol).toBe(false);
  });
  it('reports nothing for the empty string', () => {
    expect(characterClasses('')).toEqual({
      lower: false,
      upper: false,
      digit: false,
      symbol: false,
    });
  });
});

describe('checkRules', () => {
  it('accepts a password meeting the default policy', () => {
    expect(checkRules('Secret123')).toEqual([]);
    expect(DEFAULT_POLICY.minLength).toBe(8);
  });
  it('reports a missing symbol under a strict policy', () => {
    expect(checkRules('Secret123', strict, '')).toEqual(['symbol']);
    expect(checkRules('Secret12#', strict, '')).toEqual([]);
  });
  it('checks length limits inclusively', () => {
    expect(checkRules('Abcdef12')).toEqual([]);
    expect(checkRules('Abcdef1')).toEqual(['minLength']);
    expect(checkRules('Ab1' + 'x'.repeat(61))).toEqual([]);
    expect(checkRules('Ab1' + 'x'.repeat(62))).toEqual(['maxLength']);
  });
  it('counts 0 as a digit', () => {
    expect(checkRules('Abcdefg0')).toEqual([]);
  });
  it('reports several failures in a fixed order', () => {
    expect(checkRules(' Bob\u0001', DEFAULT_POLICY, 'bob')).toEqual([
      'minLength',
      'digit',
      'whitespace',
      'control',
      'username',
    ]);
    expect(checkRules('password', { minLength: 1, maxLength: 4 })).toEqual(['maxLength', 'common']);
  });
  it('reports each missing class in order', () => {
    expect(checkRules('abcdefgh')).toEqual(['upper', 'digit']);
    expect(checkRules('ABCDEFG1')).toEqual(['lower']);
    expect(checkRules('12345679')).toEqual(['lower', 'upper']);
  });
  it('rejects leading or trailing whitespace but allows inner spaces', () => {
    expect(checkRules(' Secret123')).toEqual(['whitespace']);
    expect(checkRules('Secret123 ')).toEqual(['whitespace']);
    expect(checkRules('Secret 123')).toEqual([]);
  });
  it('rejects passwords containing the username, ignoring case', () => {
    expect(checkRules('AdaLovelace1', DEFAULT_POLICY, 'lovelace')).toEqual(['username']);
    expect(checkRules('AdaLovelace1', DEFAULT_POLICY, 'ada')).toEqual(['username']);
  });
  it('ignores usernames shorter than three characters', () => {
    expect(checkRules('AdaLovelace1', DEFAULT_POLICY, 'ad')).toEqual([]);
  });
  it('rejects common passwords regardless of case', () => {
    expect(COMMON_PASSWORDS).toContain('password');
    expect(checkRules('PASSWORD', { minLength: 1, maxLength: 64 })).toEqual(['common']);
    expect(checkRules('Welcome', { minLength: 1, maxLength: 64 })).toEqual(['common']);
  });
});

describe('strengthScore', () => {
  it('scores empty and common passwords 0', () => {
    expect(strengthScore('')).toBe(0);
    expect(strengthScore('Password')).toBe(0);
  });
  it('rewards length thresholds', () => {
    expect(strengthScore('abcdefg')).toBe(0);
    expect(strengthScore('abcdefgh')).toBe(1);
    expect(strengthScore('abcdefghijkl')).toBe(2);
    expect(strengthScore('abcdefghijklmnop')).toBe(3);
  });
  it('rewards character variety', () => {
    expect(strengthScore('abcDEF12')).toBe(2);
    expect(strengthScore('abcDE!12')).toBe(3);
    expect(strengthScore('aB1!')).toBe(2);
  });
  it('caps the score at 4', () => {
    expect(strengthScore('correct Horse 7 battery!')).toBe(4);
  });
  it('penalises runs of three identical characters', () => {
    expect(strengthScore('abcDE!12xxx')).toBe(1);
    expect(strengthScore('abcDE!12xx')).toBe(3);
    expect(strengthScore('aaa')).toBe(0);
  });
});

describe('security', () => {
  it('does not let emoji pairs satisfy the minimum length', () => {
    expect(checkRules('Ab1😀😀')).toEqual(['minLength']);
    expect(strengthScore('😀😀😀😀')).toBe(0);
  });
  it('rejects non-string passwords that have a length', () => {
    expect(checkRules(['Secret123'])).toEqual(['type']);
    expect(checkRules({ length: 20 })).toEqual(['type']);
    expect(strengthScore(['correct Horse 7 battery!'])).toBe(0);
  });
  it('rejects control characters such as NUL that truncate in C backends', () => {
    expect(checkRules('Secret12\u0000345')).toEqual(['control']);
    expect(checkRules('Secret12\u007f')).toEqual(['control']);
  });
  it('does not accept whitespace padding to reach the minimum', () => {
    expect(checkRules('Ab1     ')).toContain('whitespace');
  });
  it('enforces the maximum length to bound hashing cost', () => {
    expect(checkRules('Ab1' + 'x'.repeat(5000))).toEqual(['maxLength']);
  });
});
