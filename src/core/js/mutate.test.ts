import { describe, expect, it } from 'vitest';
import { applyLineInsert, applyMutation, findMutations } from './mutate';
import { MUTATION_OPERATORS } from './mutationTypes';
import { canParse } from './parse';
import { replaceToken, tokenize } from './tokens';
import { listFunctions } from './functions';

const CLAMP = `import { check } from './check.js';

/**
 * Clamps x into [lo, hi].
 * @example clamp(5, 0, 3) // => 3
 */
export function clamp(x, lo, hi) {
  check(x);
  if (lo > hi) throw new RangeError('empty range');
  if (x < lo) return lo;
  const top = Math.min(x, hi);
  let steps = 0;
  while (steps < 2 && !done) {
    steps++;
    total += steps * 2;
  }
  return top === -0 ? 0 : top;
}

export const isUpper = (s) => s.length > 0 && s.toUpperCase() === s ? true : false;
`;

describe('findMutations', () => {
  const all = findMutations(CLAMP);

  it('covers every operator family on a realistic function', () => {
    const families = new Set(all.map((m) => m.operator));
    expect([...families].sort()).toEqual([...MUTATION_OPERATORS].sort());
  });

  it('returns only mutants that parse, differ from the source and splice only their span', () => {
    for (const m of all) {
      const mutated = applyMutation(CLAMP, m);
      expect(canParse(mutated), m.id).toBe(true);
      expect(mutated).not.toBe(CLAMP);
      expect(CLAMP.slice(m.start, m.end)).toBe(m.original);
      expect(mutated.slice(0, m.start)).toBe(CLAMP.slice(0, m.start));
      expect(mutated.slice(m.start + m.replacement.length)).toBe(CLAMP.slice(m.end));
    }
  });

  it('is deterministic, sorted by position and has unique ids', () => {
    expect(findMutations(CLAMP)).toEqual(all);
    const ids = all.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < all.length; i++)
      expect(all[i]!.start).toBeGreaterThanOrEqual(all[i - 1]!.start);
  });

  it('builds ids from operator, offset and replacement', () => {
    const boundary = all.find((m) => m.original === '<' && m.replacement === '<=');
    expect(boundary?.id).toBe(`relational@${CLAMP.indexOf('< lo')}:<=`);
    const guard = all.find((m) => m.operator === 'remove-guard');
    expect(guard?.id).toMatch(/^remove-guard@\d+-\d+$/);
  });

  it('describes the change with the function and line', () => {
    const boundary = all.find((m) => m.original === '<' && m.replacement === '<=')!;
    expect(boundary.description).toBe('changed `<` to `<=` in clamp, line 10');
    expect(boundary.functionName).toBe('clamp');
    expect(boundary.line).toBe(10);
    const upper = all.find((m) => m.operator === 'method-swap' && m.functionName === 'isUpper');
    expect(upper?.description).toBe(
      'replaced `.toUpperCase` with `.toLowerCase` in isUpper, line 20',
    );
    const guard = all.find((m) => m.operator === 'remove-guard')!;
    expect(guard.description).toBe(
      "removed the guard `if (lo > hi) throw new RangeError('empty range');` in clamp, line 9",
    );
    expect(guard.line).toBe(9);
  });

  it('never mutates import specifiers or module specifiers', () => {
    const importEnd = CLAMP.indexOf(';') + 1;
    expect(all.filter((m) => m.start < importEnd)).toEqual([]);
  });

  it('restricts to a span with `within`', () => {
    const fn = listFunctions(CLAMP).find((f) => f.name === 'isUpper')!;
    const some = findMutations(CLAMP, { within: { start: fn.start, end: fn.end } });
    expect(some.length).toBeGreaterThan(0);
    expect(some).toEqual(all.filter((m) => m.start >= fn.start && m.end <= fn.end));
  });

  it('says "at top level" outside functions', () => {
    const [m] = findMutations('export const LIMIT = 10;\n', { operators: ['literal-number'] });
    expect(m?.description).toBe('changed `10` to `11` at top level, line 1');
    expect(m?.functionName).toBeUndefined();
  });

  it('throws when the source itself does not parse', () => {
    expect(() => findMutations('function (')).toThrow(SyntaxError);
  });
});

describe('token edits', () => {
  const all = findMutations(CLAMP);
  const tokens = tokenize(CLAMP);

  it('gives both edits for every one-token-for-one-token change, and they are exact', () => {
    const single = all.filter((m) => m.tokenEdit !== undefined);
    expect(single.length).toBeGreaterThan(20);
    for (const m of single) {
      const mutated = applyMutation(CLAMP, m);
      const edit = m.tokenEdit!;
      expect(tokens[edit.tokenIndex]?.value).toBe(edit.original);
      expect(replaceToken(CLAMP, tokens, edit.tokenIndex, edit.replacement)).toBe(mutated);
      const fix = m.fixTokenEdit!;
      const mutantTokens = tokenize(mutated);
      expect(mutantTokens[fix.tokenIndex]?.value).toBe(fix.original);
      expect(replaceToken(mutated, mutantTokens, fix.tokenIndex, fix.replacement)).toBe(CLAMP);
    }
  });

  it('has token edits for token swaps and none for multi-token changes', () => {
    const withEdit = (op: string) => all.filter((m) => m.operator === op).every((m) => m.tokenEdit);
    for (const op of ['arithmetic', 'relational', 'update', 'assignment', 'wrong-variable'])
      expect(withEdit(op), op).toBe(true);
    for (const m of all.filter((x) => ['negate-condition', 'swap-arguments'].includes(x.operator)))
      expect(m.tokenEdit ?? m.fixTokenEdit).toBeUndefined();
  });
});

describe('line inserts for removals', () => {
  it('restore the original exactly, including multi-line guards and a last line', () => {
    const sources = [
      CLAMP,
      'function f(a) {\n  if (!a) {\n    return 0;\n  }\n  return a;\n}\n',
      'let n = 0;\nn += 1;\nn++',
      'function g(a) {\r\n  a.push(1);\r\n  return a;\r\n}\r\n',
    ];
    let count = 0;
    for (const source of sources) {
      for (const m of findMutations(source, { operators: ['remove-guard', 'remove-statement'] })) {
        count++;
        const mutated = applyMutation(source, m);
        expect(m.fixLineInsert, m.id).toBeDefined();
        expect(applyLineInsert(mutated, m.fixLineInsert!)).toBe(source);
        expect(m.tokenEdit).toBeUndefined();
      }
    }
    // clamp: 2 guards + 3 statements; then 1 guard, 2 statements, 1 statement.
    expect(count).toBe(9);
  });

  it('applyLineInsert rejects lines past the end', () => {
    expect(applyLineInsert('a\nb', { line: 3, text: 'c' })).toBe('a\nb\nc');
    expect(applyLineInsert('a\n', { line: 2, text: 'c' })).toBe('a\nc\n');
    expect(() => applyLineInsert('a\nb', { line: 4, text: 'c' })).toThrow(RangeError);
  });

  it('applyMutation rejects spans outside the source', () => {
    expect(() => applyMutation('abc', { start: 2, end: 5, replacement: '' })).toThrow(RangeError);
  });
});
