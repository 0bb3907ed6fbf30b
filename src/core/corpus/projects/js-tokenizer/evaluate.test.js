import { MAX_DEPTH, evaluate, variablesOf } from './evaluate.js';

describe('evaluate', () => {
  it('evaluates numbers and the four operations', () => {
    expect(evaluate('42')).toBe(42);
    expect(evaluate('7 + 5')).toBe(12);
    expect(evaluate('7 - 5')).toBe(2);
    expect(evaluate('7 * 5')).toBe(35);
    expect(evaluate('7 / 2')).toBe(3.5);
    expect(evaluate('7 % 4')).toBe(3);
  });
  it('applies precedence and left associativity', () => {
    expect(evaluate('2 + 3 * 4')).toBe(14);
    expect(evaluate('10 - 4 - 3')).toBe(3);
    expect(evaluate('64 / 4 / 2')).toBe(8);
    expect(evaluate('10 - 2 * 3 + 1')).toBe(5);
    expect(evaluate('9 % 5 * 2')).toBe(8);
  });
  it('honours parentheses', () => {
    expect(evaluate('(2 + 3) * 4')).toBe(20);
    expect(evaluate('((1))')).toBe(1);
    expect(evaluate('2 * (3 - (4 - 5))')).toBe(8);
  });
  it('makes powers right-associative and tighter than unary minus', () => {
    expect(evaluate('2 ^ 3 ^ 2')).toBe(512);
    expect(evaluate('-2 ^ 2')).toBe(-4);
    expect(evaluate('2 ^ -1')).toBe(0.5);
    expect(evaluate('3 * 2 ^ 2')).toBe(12);
  });
  it('handles unary signs, also repeated', () => {
    expect(evaluate('-3 + 5')).toBe(2);
    expect(evaluate('--3')).toBe(3);
    expect(evaluate('+4 - -1')).toBe(5);
  });
  it('reads variables', () => {
    expect(evaluate('2 + 3 * (x - 1) ^ 2', { x: 3 })).toBe(14);
    expect(evaluate('rate * 0', { rate: 9 })).toBe(0);
  });
  it('refuses division and remainder by zero but allows a zero numerator', () => {
    expect(() => evaluate('1 / 0')).toThrow(RangeError);
    expect(() => evaluate('5 % (2 - 2)')).toThrow('division by zero');
    expect(evaluate('0 / 5')).toBe(0);
  });
  it('reports unknown variables', () => {
    expect(() => evaluate('a + 1', { b: 2 })).toThrow('unknown variable a');
    expect(() => evaluate('x')).toThrow(ReferenceError);
  });
  it('reports syntax errors with positions', () => {
    expect(() => evaluate('(1 + 2')).toThrow('missing ) for ( at 0');
    expect(() => evaluate('1 + 2)')).toThrow('unexpected ) at 5');
    expect(() => evaluate('1 2')).toThrow('unexpected 2 at 2');
    expect(() => evaluate('* 3')).toThrow('unexpected * at 0');
    expect(() => evaluate('3 +')).toThrow('unexpected end of expression');
    expect(() => evaluate('')).toThrow(SyntaxError);
  });
});

describe('variablesOf', () => {
  it('lists variables once, sorted', () => {
    expect(variablesOf('b * a + b')).toEqual(['a', 'b']);
    expect(variablesOf('x1 + x10 - x1')).toEqual(['x1', 'x10']);
  });
  it('returns [] when there are none', () => {
    expect(variablesOf('1 + 2')).toEqual([]);
  });
});

describe('security', () => {
  it('does not resolve inherited properties as variables', () => {
    expect(() => evaluate('constructor', {})).toThrow('unknown variable constructor');
    expect(() => evaluate('toString + 1', {})).toThrow(ReferenceError);
    expect(() => evaluate('__proto__', {})).toThrow('unknown variable');
  });
  it('bounds nesting depth instead of exhausting the stack', () => {
    const ok = '('.repeat(MAX_DEPTH - 1) + '1' + ')'.repeat(MAX_DEPTH - 1);
    expect(evaluate(ok)).toBe(1);
    const deep = '('.repeat(MAX_DEPTH) + '1' + ')'.repeat(MAX_DEPTH);
    expect(() => evaluate(deep)).toThrow('expression nested too deeply');
    expect(() => evaluate('-'.repeat(500) + '1')).toThrow(RangeError);
  });
  it('keeps the depth count across sibling groups', () => {
    const group = '('.repeat(MAX_DEPTH - 1) + '1' + ')'.repeat(MAX_DEPTH - 1);
    expect(evaluate(group + ' + ' + group)).toBe(2);
  });
  it('rejects code-like input', () => {
    expect(() => evaluate('alert(1)', { alert: 1 })).toThrow(SyntaxError);
    expect(() => evaluate('x; y')).toThrow('unexpected character ;');
  });
});
