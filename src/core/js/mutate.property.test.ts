import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyLineInsert, applyMutation, findMutations } from './mutate';
import { canParse } from './parse';
import { replaceToken, tokenize } from './tokens';

const NAMES = ['a', 'b', 's', 'xs', 'v0', 'v1', 'top'];
const space = fc.constantFrom('', ' ', '  ', '\n');

/** Small expressions over the names above, with uneven spacing to stress token boundaries. */
const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NAMES, '0', '1', '2.5', "'x'", '""', 'true', 'false', 'null', '`t${a}`'),
    fc
      .tuple(
        tie('e'),
        fc.constantFrom(
          '+',
          '-',
          '*',
          '/',
          '%',
          '<',
          '<=',
          '>',
          '>=',
          '===',
          '!=',
          '&&',
          '||',
          '??',
        ),
        tie('e'),
        space,
      )
      .map(([l, op, r, sp]) => `(${l}${sp}${op}${sp}${r})`),
    fc.tuple(fc.constantFrom('-', '+', '!'), tie('e')).map(([op, x]) => `${op}${x}`),
    fc.tuple(tie('e'), tie('e')).map(([x, y]) => `Math.min(${x}, ${y})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, x, y]) => `(${c} ? ${x} : ${y})`),
    fc
      .tuple(fc.constantFrom('slice', 'indexOf', 'some', 'push'), tie('e'))
      .map(([m, x]) => `xs.${m}(${x})`),
    fc.tuple(tie('e'), tie('e')).map(([x, y]) => `({ k: ${x}, [a]: ${y} })`),
    fc.tuple(tie('e')).map(([x]) => `xs.map((q) => q + ${x})`),
  ),
})).e;

const semi = fc.constantFrom(';', ';', '');

const statement: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom('const', 'let'), fc.constantFrom('v0', 'v1'), expr, semi)
    .map(([k, n, e, sc]) => `${k} ${n} = ${e}${sc}`),
  fc.tuple(expr, expr).map(([c, e]) => `if (${c}) return ${e};`),
  expr.map((c) => `if (${c}) {\n    throw new Error('bad');\n  }`),
  fc
    .tuple(fc.constantFrom('a', 'b'), fc.constantFrom('+=', '-=', '='), expr, semi)
    .map(([n, op, e, sc]) => `${n} ${op} ${e}${sc}`),
  fc.tuple(expr, semi).map(([e, sc]) => `xs.push(${e})${sc}`),
  fc.tuple(expr, semi).map(([e, sc]) => `(${e})${sc}`),
  fc.tuple(expr, semi).map(([e, sc]) => `[${e}].forEach(log)${sc}`),
  expr.map((c) => `while (${c}) {\n    a++;\n    break;\n  }`),
  fc.constant('// a comment'),
);

const fn = fc
  .tuple(fc.constantFrom('f', 'g', 'h'), fc.array(statement, { maxLength: 5 }), expr)
  .map(
    ([name, body, ret]) =>
      `export function ${name}(a, b, s, xs) {\n${body.map((s) => `  ${s}\n`).join('')}  return ${ret};\n}\n`,
  );

const program = fc
  .tuple(fc.array(fn, { minLength: 1, maxLength: 2 }), expr, fc.boolean())
  .map(([fns, e, trailing]) => {
    const text = `import { log } from './log.js';\nlet top = ${e};\n${fns.join('\n')}`;
    return trailing ? text : text.trimEnd();
  })
  .filter(canParse);

describe('findMutations on generated programs', () => {
  it('returns mutations that apply, parse, splice only their span and whose fixes restore', () => {
    fc.assert(
      fc.property(program, (source) => {
        const mutations = findMutations(source);
        expect(new Set(mutations.map((m) => m.id)).size).toBe(mutations.length);
        const tokens = tokenize(source);
        for (const m of mutations) {
          const mutated = applyMutation(source, m);
          expect(canParse(mutated), `${m.id}\n${mutated}`).toBe(true);
          expect(mutated.slice(0, m.start)).toBe(source.slice(0, m.start));
          expect(mutated.slice(m.start + m.replacement.length)).toBe(source.slice(m.end));
          expect(source.slice(m.start, m.end)).toBe(m.original);
          if (m.tokenEdit) {
            const { tokenIndex, replacement } = m.tokenEdit;
            expect(replaceToken(source, tokens, tokenIndex, replacement)).toBe(mutated);
          }
          if (m.fixTokenEdit) {
            const { tokenIndex, replacement } = m.fixTokenEdit;
            expect(replaceToken(mutated, tokenize(mutated), tokenIndex, replacement)).toBe(source);
          }
          if (m.fixLineInsert) expect(applyLineInsert(mutated, m.fixLineInsert)).toBe(source);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(program, (source) => {
        expect(findMutations(source)).toEqual(findMutations(source));
      }),
      { numRuns: 15 },
    );
  });

  it('keeps single-token mutants to exactly one token difference', () => {
    fc.assert(
      fc.property(program, (source) => {
        const before = tokenize(source).map((t) => t.value);
        for (const m of findMutations(source)) {
          if (!m.fixTokenEdit) continue;
          const after = tokenize(applyMutation(source, m)).map((t) => t.value);
          expect(after.length).toBe(before.length);
          const diffs = after.filter((value, i) => value !== before[i]);
          expect(diffs).toEqual([m.replacement]);
        }
      }),
      { numRuns: 20 },
    );
  });
});
