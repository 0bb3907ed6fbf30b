import { tokenize } from './tokenizer.js';

/** Deepest nesting of parentheses and unary signs the evaluator accepts. */
export const MAX_DEPTH = 40;

const peek = (state) => state.tokens[state.pos];

function isOp(token, ops) {
  return token !== undefined && token.type === 'op' && ops.includes(token.value);
}

function parseSum(state) {
  let value = parseProduct(state);
  while (isOp(peek(state), ['+', '-'])) {
    const op = state.tokens[state.pos++].value;
    const right = parseProduct(state);
    value = op === '+' ? value + right : value - right;
  }
  return value;
}

function parseProduct(state) {
  let value = parseUnary(state);
  while (isOp(peek(state), ['*', '/', '%'])) {
    const op = state.tokens[state.pos++].value;
    const right = parseUnary(state);
    if (op !== '*' && right === 0) {
      throw new RangeError('division by zero');
    }
    value = op === '*' ? value * right : op === '/' ? value / right : value % right;
  }
  return value;
}

function parseUnary(state) {
  state.depth++;
  if (state.depth > MAX_DEPTH) {
    throw new RangeError('expression nested too deeply');
  }
  let value;
  if (isOp(peek(state), ['-', '+'])) {
    const op = state.tokens[state.pos++].value;
    const operand = parseUnary(state);
    value = op === '-' ? -operand : operand;
  } else {
    value = parsePower(state);
  }
  state.depth--;
  return value;
}

function parsePower(state) {
  const base = parsePrimary(state);
  if (isOp(peek(state), ['^'])) {
    state.pos++;
    // Right operand goes back through unary so 2^-1 and 2^3^2 (= 2^9) both work.
    return Math.pow(base, parseUnary(state));
  }
  return base;
}

function parsePrimary(state) {
  const token = state.tokens[state.pos++];
  if (token === undefined) {
    throw new SyntaxError('unexpected end of expression');
  }
  if (token.type === 'num') {
    return token.value;
  }
  if (token.type === 'ident') {
    if (!Object.prototype.hasOwnProperty.call(state.vars, token.value)) {
      throw new ReferenceError('unknown variable ' + token.value);
    }
    return state.vars[token.value];
  }
  if (token.type === '(') {
    const value = parseSum(state);
    const close = state.tokens[state.pos++];
    if (close === undefined || close.type !== ')') {
      throw new SyntaxError('missing ) for ( at ' + token.pos);
    }
    return value;
  }
  throw new SyntaxError('unexpected ' + token.value + ' at ' + token.pos);
}

/**
 * Evaluates an arithmetic expression: + - * / % ^, parentheses, unary signs and variables.
 * @param {string} src the expression
 * @param {object} vars variable name to number
 * @returns {number} the value
 * @example evaluate('2 + 3 * (x - 1) ^ 2', { x: 3 }) // => 14
 */
export function evaluate(src, vars = {}) {
  const state = { tokens: tokenize(src), pos: 0, vars, depth: 0 };
  const value = parseSum(state);
  const rest = peek(state);
  if (rest !== undefined) {
    throw new SyntaxError('unexpected ' + rest.value + ' at ' + rest.pos);
  }
  return value;
}

/**
 * Names of the variables an expression uses, sorted and without repeats.
 * @param {string} src the expression
 * @returns {string[]} the variable names
 * @example variablesOf('b * a + b') // => ['a', 'b']
 */
export function variablesOf(src) {
  const names = [];
  for (const t of tokenize(src)) {
    if (t.type === 'ident' && !names.includes(t.value)) {
      names.push(t.value);
    }
  }
  return names.sort();
}
