import { describe, expect, it } from 'vitest';
import { applyMutation, findMutations } from './mutate';
import type { MutationOperator } from './mutationTypes';

function mutants(source: string, operator: MutationOperator): string[] {
  return findMutations(source, { operators: [operator] }).map((m) => applyMutation(source, m));
}

describe('binary operator families', () => {
  it('arithmetic swaps + - * / %', () => {
    expect(mutants('f(a + b - c);', 'arithmetic')).toEqual(['f(a - b - c);', 'f(a + b + c);']);
    expect(mutants('f(a * b / c % d);', 'arithmetic')).toEqual([
      'f(a / b / c % d);',
      'f(a * b * c % d);',
      'f(a * b / c * d);',
    ]);
    expect(mutants('f(a ** b, a | b);', 'arithmetic')).toEqual([]);
  });

  it('finds the operator between parenthesised operands', () => {
    expect(mutants('f((a) + (b));', 'arithmetic')).toEqual(['f((a) - (b));']);
  });

  it('drops swaps that would not parse', () => {
    // `a+-b` -> `a--b` is a syntax error (and the `-` is unary, not arithmetic).
    expect(mutants('f(a+-b);', 'arithmetic')).toEqual([]);
  });

  it('equality swaps === !== == !=', () => {
    expect(mutants('f(a === b, a !== b, a == b, a != b);', 'equality')).toEqual([
      'f(a !== b, a !== b, a == b, a != b);',
      'f(a === b, a === b, a == b, a != b);',
      'f(a === b, a !== b, a != b, a != b);',
      'f(a === b, a !== b, a == b, a == b);',
    ]);
  });

  it('relational shifts the boundary and flips', () => {
    expect(mutants('f(a < b);', 'relational')).toEqual(['f(a <= b);', 'f(a >= b);']);
    expect(mutants('f(a <= b);', 'relational')).toEqual(['f(a < b);', 'f(a > b);']);
    expect(mutants('f(a > b);', 'relational')).toEqual(['f(a <= b);', 'f(a >= b);']);
    expect(mutants('f(a >= b);', 'relational')).toEqual(['f(a < b);', 'f(a > b);']);
  });

  it('logical swaps && || ??, skipping ?? mixed with || without parentheses', () => {
    expect(mutants('f(a && b);', 'logical')).toEqual(['f(a || b);']);
    expect(mutants('f(a || b);', 'logical')).toEqual(['f(a && b);', 'f(a ?? b);']);
    expect(mutants('f(a ?? b);', 'logical')).toEqual(['f(a || b);']);
    expect(mutants('f(a || b || c);', 'logical')).toEqual(['f(a && b || c);', 'f(a || b && c);']);
  });

  it('update swaps ++ and -- in prefix and postfix form', () => {
    expect(mutants('i++; --j;', 'update')).toEqual(['i--; --j;', 'i++; ++j;']);
  });

  it('assignment swaps += -= and *= /=', () => {
    expect(mutants('a += 1; b -= 2; c *= 3; d = 4;', 'assignment')).toEqual([
      'a -= 1; b -= 2; c *= 3; d = 4;',
      'a += 1; b += 2; c *= 3; d = 4;',
      'a += 1; b -= 2; c /= 3; d = 4;',
    ]);
  });
});

describe('negate-condition', () => {
  it('wraps if, while, do-while and ternary conditions', () => {
    expect(mutants('if (a > 1) f();', 'negate-condition')).toEqual(['if (!(a > 1)) f();']);
    expect(mutants('while (ok) g();', 'negate-condition')).toEqual(['while (!(ok)) g();']);
    expect(mutants('do g(); while (x);', 'negate-condition')).toEqual(['do g(); while (!(x));']);
    expect(mutants('y = a ? 1 : 2;', 'negate-condition')).toEqual(['y = !(a) ? 1 : 2;']);
    expect(mutants('for (;a;) g();', 'negate-condition')).toEqual([]);
  });
});

describe('literal families', () => {
  it('literal-number moves by one and never goes negative', () => {
    expect(mutants('f(0);', 'literal-number')).toEqual(['f(1);']);
    expect(mutants('f(1);', 'literal-number')).toEqual(['f(0);', 'f(2);']);
    expect(mutants('f(10);', 'literal-number')).toEqual(['f(11);', 'f(9);']);
    expect(mutants('f(0.5);', 'literal-number')).toEqual(['f(1.5);']);
    expect(mutants('f(1n);', 'literal-number')).toEqual([]);
  });

  it('literal-boolean flips true and false', () => {
    expect(mutants('f(true, false);', 'literal-boolean')).toEqual([
      'f(false, false);',
      'f(true, true);',
    ]);
  });

  it("literal-string empties strings (same quotes) and fills empty ones with 'x'", () => {
    expect(mutants(`f('a', "b", '');`, 'literal-string')).toEqual([
      `f('', "b", '');`,
      `f('a', "", '');`,
      `f('a', "b", 'x');`,
    ]);
  });

  it('leaves directives, import sources and property keys alone', () => {
    const source = `'use strict';\nimport x from './x.js';\nexport { y } from './y.js';\nconst o = { 'k': 1, 2: 'v' };\n`;
    expect(mutants(source, 'literal-string')).toEqual([
      `'use strict';\nimport x from './x.js';\nexport { y } from './y.js';\nconst o = { 'k': 1, 2: '' };\n`,
    ]);
    expect(mutants(source, 'literal-number')).toEqual([
      `'use strict';\nimport x from './x.js';\nexport { y } from './y.js';\nconst o = { 'k': 0, 2: 'v' };\n`,
      `'use strict';\nimport x from './x.js';\nexport { y } from './y.js';\nconst o = { 'k': 2, 2: 'v' };\n`,
    ]);
  });
});

describe('method-swap', () => {
  it('swaps listed method pairs on any receiver', () => {
    const cases: [string, string][] = [
      ['s.slice(1)', 's.substring(1)'],
      ['s.substring(1)', 's.slice(1)'],
      ['a.push(x)', 'a.unshift(x)'],
      ['a.indexOf(x)', 'a.lastIndexOf(x)'],
      ['a.some(p)', 'a.every(p)'],
      ['s.startsWith(p)', 's.endsWith(p)'],
      ['s.toUpperCase()', 's.toLowerCase()'],
      ['Math.min(a, b)', 'Math.max(a, b)'],
      ['Math.ceil(a)', 'Math.floor(a)'],
    ];
    for (const [from, to] of cases)
      expect(mutants(`f(${from});`, 'method-swap')).toEqual([`f(${to});`]);
  });

  it('swaps min/max and floor/ceil only on Math, and never computed members', () => {
    expect(mutants('f(arr.min(), x.floor, a["slice"](1));', 'method-swap')).toEqual([]);
  });
});

describe('swap-arguments', () => {
  it('swaps each adjacent pair of distinct arguments', () => {
    expect(mutants('f(a, b, c);', 'swap-arguments')).toEqual(['f(b, a, c);', 'f(a, c, b);']);
    expect(mutants('new P(x, y + 1);', 'swap-arguments')).toEqual(['new P(y + 1, x);']);
    expect(mutants('f(a, a);', 'swap-arguments')).toEqual([]);
  });
});
