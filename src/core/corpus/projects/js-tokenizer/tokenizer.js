/** Single-character operators the tokenizer recognizes. */
export const OPERATORS = ['+', '-', '*', '/', '%', '^'];

/**
 * Tells whether a character is an ASCII digit.
 * @param {string} ch one character (or undefined past the end)
 * @returns {boolean} true for '0' to '9'
 * @example isDigit('7') // => true
 */
export function isDigit(ch) {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/**
 * Tells whether a character can appear in an identifier (digits only after the first).
 * @param {string} ch one character
 * @param {boolean} first true for the first character of the identifier
 * @returns {boolean} true for letters, '_' and, when not first, digits
 * @example isIdentChar('x', true) // => true
 */
export function isIdentChar(ch, first) {
  // Past the end ch is undefined, and every comparison below is false for it.
  const letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_';
  return letter || (!first && isDigit(ch));
}

function readNumber(src, start) {
  let i = start;
  let dots = 0;
  while (isDigit(src[i]) || src[i] === '.') {
    if (src[i] === '.') {
      dots++;
    }
    i++;
  }
  const text = src.slice(start, i);
  if (dots > 1 || text === '.' || isIdentChar(src[i], true)) {
    throw new SyntaxError('bad number at ' + start);
  }
  return { end: i, value: Number(text) };
}

/**
 * Splits an arithmetic expression into tokens, each with its start position.
 * @param {string} src the expression
 * @returns {object[]} tokens {type, value, pos}; type is 'num', 'ident', 'op', '(' or ')'
 * @example tokenize('2*(x+1.5)') // => [{ type: 'num', value: 2, pos: 0 }, { type: 'op', value: '*', pos: 1 }, { type: '(', value: '(', pos: 2 }, { type: 'ident', value: 'x', pos: 3 }, { type: 'op', value: '+', pos: 4 }, { type: 'num', value: 1.5, pos: 5 }, { type: ')', value: ')', pos: 8 }]
 */
export function tokenize(src) {
  if (typeof src !== 'string') {
    throw new TypeError('expression must be a string');
  }
  const tokens = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      i++;
    } else if (isDigit(ch) || ch === '.') {
      const { end, value } = readNumber(src, i);
      tokens.push({ type: 'num', value, pos: i });
      i = end;
    } else if (isIdentChar(ch, true)) {
      let end = i + 1;
      while (isIdentChar(src[end], false)) {
        end++;
      }
      tokens.push({ type: 'ident', value: src.slice(i, end), pos: i });
      i = end;
    } else if (OPERATORS.includes(ch)) {
      tokens.push({ type: 'op', value: ch, pos: i });
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ type: ch, value: ch, pos: i });
      i++;
    } else {
      throw new SyntaxError('unexpected character ' + ch + ' at ' + i);
    }
  }
  return tokens;
}
