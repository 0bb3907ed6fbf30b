import { OPERATORS, isDigit, isIdentChar, tokenize } from './tokenizer.js';

const types = (src) => tokenize(src).map((t) => t.type);
const values = (src) => tokenize(src).map((t) => t.value);

describe('isDigit', () => {
  it('accepts 0 to 9 and nothing around them', () => {
    expect(isDigit('0')).toBe(true);
    expect(isDigit('9')).toBe(true);
    expect(isDigit('/')).toBe(false);
    expect(isDigit(':')).toBe(false);
    expect(isDigit(undefined)).toBe(false);
  });
});

describe('isIdentChar', () => {
  it('accepts letters and underscore anywhere', () => {
    for (const ch of ['a', 'z', 'A', 'Z', '_']) {
      expect(isIdentChar(ch, true)).toBe(true);
    }
  });
  it('accepts digits only after the first character', () => {
    expect(isIdentChar('5', false)).toBe(true);
    expect(isIdentChar('5', true)).toBe(false);
  });
  it('rejects neighbours of the letter ranges and undefined', () => {
    for (const ch of ['@', '[', '`', '{', '$']) {
      expect(isIdentChar(ch, false)).toBe(false);
    }
    expect(isIdentChar(undefined, false)).toBe(false);
  });
});

describe('tokenize', () => {
  it('produces typed tokens with positions', () => {
    expect(tokenize('2*(x+1.5)')).toEqual([
      { type: 'num', value: 2, pos: 0 },
      { type: 'op', value: '*', pos: 1 },
      { type: '(', value: '(', pos: 2 },
      { type: 'ident', value: 'x', pos: 3 },
      { type: 'op', value: '+', pos: 4 },
      { type: 'num', value: 1.5, pos: 5 },
      { type: ')', value: ')', pos: 8 },
    ]);
  });
  it('recognizes every operator', () => {
    expect(values('+ - * / % ^')).toEqual(OPERATORS);
    expect(types('+-')).toEqual(['op', 'op']);
  });
  it('skips spaces, tabs and newlines and records positions after them', () => {
    expect(tokenize(' \t12\n')).toEqual([{ type: 'num', value: 12, pos: 2 }]);
    expect(tokenize('')).toEqual([]);
  });
  it('reads multi-digit numbers, decimals and leading dots', () => {
    expect(values('120 0.25 .5 7.')).toEqual([120, 0.25, 0.5, 7]);
  });
  it('reads identifiers with digits and underscores', () => {
    expect(values('rate_2 _x y9z')).toEqual(['rate_2', '_x', 'y9z']);
    expect(types('a1+b')).toEqual(['ident', 'op', 'ident']);
  });
  it('rejects malformed numbers', () => {
    expect(() => tokenize('1.2.3')).toThrow('bad number at 0');
    expect(() => tokenize('1 + .')).toThrow('bad number at 4');
    expect(() => tokenize('2x')).toThrow(SyntaxError);
  });
  it('rejects unknown characters with their position', () => {
    expect(() => tokenize('1 & 2')).toThrow('unexpected character & at 2');
    expect(() => tokenize('a=b')).toThrow(SyntaxError);
  });
  it('rejects non-strings', () => {
    expect(() => tokenize(5)).toThrow('expression must be a string');
  });
});
