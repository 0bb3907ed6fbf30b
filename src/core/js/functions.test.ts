import { describe, expect, it } from 'vitest';
import { listFunctions } from './functions';
import { parseExamples } from './jsdoc';

const SOURCE = `import { helper } from './helper.js';

/**
 * Clamps x into [lo, hi].
 * @param {number} x value
 * @example clamp(5, 0, 3) // => 3
 * @example clamp(-1, 0, 3) //=> 0
 */
export function clamp(x, lo, hi) {
  return Math.min(Math.max(x, lo), hi);
}

// not a JSDoc block
function internal(a, b = 2, ...rest) {
  return a + b + rest.length;
}

/** Doubles. */

const double = (n) => n * 2;

/** Squares. @example square(3) // => 9 */
export const square = function (n) {
  return n * n;
};

const one = () => 1, two = () => 2;
const notAFunction = 5;
class Box {}

export { internal };
export default function (s) { return s; }
`;

describe('listFunctions', () => {
  const fns = listFunctions(SOURCE);
  const byName = new Map(fns.map((f) => [f.name, f]));

  it('lists declarations and function-valued variables in source order', () => {
    expect(fns.map((f) => f.name)).toEqual([
      'clamp',
      'internal',
      'double',
      'square',
      'one',
      'two',
      'default',
    ]);
  });

  it('marks exports, including later `export { name }` and default exports', () => {
    expect(fns.filter((f) => f.exported).map((f) => f.name)).toEqual([
      'clamp',
      'internal',
      'square',
      'default',
    ]);
  });

  it('gives spans and lines that cover the declaring statement', () => {
    const clamp = byName.get('clamp')!;
    expect(SOURCE.slice(clamp.start, clamp.end)).toMatch(/^export function clamp[\s\S]*\n}$/);
    expect([clamp.startLine, clamp.endLine]).toEqual([9, 11]);
    const one = byName.get('one')!;
    expect(SOURCE.slice(one.start, one.end)).toBe('one = () => 1');
  });

  it('keeps parameter source text', () => {
    expect(byName.get('clamp')!.params).toEqual(['x', 'lo', 'hi']);
    expect(byName.get('internal')!.params).toEqual(['a', 'b = 2', '...rest']);
  });

  it('attaches only the JSDoc block right before the statement', () => {
    expect(byName.get('clamp')!.jsdoc).toMatch(/^\/\*\*\n \* Clamps[\s\S]*\*\/$/);
    expect(byName.get('internal')!.jsdoc).toBeUndefined();
    expect(byName.get('double')!.jsdoc).toBe('/** Doubles. */');
    expect(byName.get('one')!.jsdoc).toBeUndefined();
  });

  it('parses @example lines into call and expected', () => {
    expect(byName.get('clamp')!.examples).toEqual([
      { call: 'clamp(5, 0, 3)', expected: '3' },
      { call: 'clamp(-1, 0, 3)', expected: '0' },
    ]);
    expect(byName.get('square')!.examples).toEqual([{ call: 'square(3)', expected: '9' }]);
    expect(byName.get('double')!.examples).toEqual([]);
  });

  it('throws on source that does not parse', () => {
    expect(() => listFunctions('function (')).toThrow(SyntaxError);
  });
});

describe('parseExamples', () => {
  it('reads multi-line @example blocks up to the next tag', () => {
    const doc = `/**
 * @example
 *   f([1, 2]) // => [2, 4]
 *   f([]) // => []
 *   const unused = 1;
 * @returns {number[]}
 *   g(1) // => 1
 */`;
    expect(parseExamples(doc)).toEqual([
      { call: 'f([1, 2])', expected: '[2, 4]' },
      { call: 'f([])', expected: '[]' },
    ]);
  });

  it('ignores examples without a result', () => {
    expect(parseExamples('/** @example f(1) */')).toEqual([]);
    expect(parseExamples('/** @example f(1) // => */')).toEqual([]);
  });

  it('keeps string results with spaces intact', () => {
    expect(parseExamples("/** @example slug('A b') // => 'a-b c' */")).toEqual([
      { call: "slug('A b')", expected: "'a-b c'" },
    ]);
  });
});
