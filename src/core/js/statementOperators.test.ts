import { describe, expect, it } from 'vitest';
import { applyMutation, findMutations } from './mutate';
import type { MutationOperator } from './mutationTypes';

function mutants(source: string, operator: MutationOperator): string[] {
  return findMutations(source, { operators: [operator] }).map((m) => applyMutation(source, m));
}

describe('removal families', () => {
  const source = [
    'function g(x) {',
    '  if (x < 0) return 0;',
    '  if (x > 9) {',
    '    throw new RangeError("big");',
    '  }',
    '  if (x === 5) log(x);',
    '  if (x === 6) return 1; else return 2;',
    '}',
    '',
  ].join('\n');

  it('remove-guard deletes whole-line ifs that return or throw, without an else', () => {
    expect(mutants(source, 'remove-guard')).toEqual([
      source.replace('  if (x < 0) return 0;\n', ''),
      source.replace('  if (x > 9) {\n    throw new RangeError("big");\n  }\n', ''),
    ]);
  });

  it('remove-statement deletes side-effect statements on lines of their own', () => {
    const body =
      'function h(a, out) {\n  out.push(a);\n  a += 1;\n  a++; out.pop();\n  return a;\n}\n';
    expect(mutants(body, 'remove-statement')).toEqual([
      body.replace('  out.push(a);\n', ''),
      body.replace('  a += 1;\n', ''),
    ]);
  });

  it('keeps a trailing line comment with the removed statement', () => {
    const body = 'function h(a) {\n  a += 1; // bump\n  return a;\n}';
    expect(mutants(body, 'remove-statement')).toEqual(['function h(a) {\n  return a;\n}']);
  });

  it('never leaves a loop or if without a body', () => {
    expect(mutants('for (const x of xs)\n  f(x);\n', 'remove-statement')).toEqual([]);
  });
});

describe('wrong-variable', () => {
  it('replaces a read with another param or earlier local of the same function', () => {
    const source = 'function f(a, b) {\n  const c = a;\n  return c;\n}\n';
    expect(mutants(source, 'wrong-variable')).toEqual([
      'function f(a, b) {\n  const c = b;\n  return c;\n}\n',
      'function f(a, b) {\n  const c = a;\n  return a;\n}\n',
      'function f(a, b) {\n  const c = a;\n  return b;\n}\n',
    ]);
  });

  it('respects block scope, declaration order and shadowing', () => {
    const source = [
      'function f(a) {',
      '  let s = a;',
      '  for (let i = 0; i < 2; i++) s += i;',
      '  { const t = 1; }',
      '  return s;',
      '}',
    ].join('\n');
    const replaced = findMutations(source, { operators: ['wrong-variable'] });
    const atReturn = replaced.filter((m) => m.line === 5).map((m) => m.replacement);
    expect(atReturn).toEqual(['a']);
    const inInit = replaced.filter((m) => m.line === 2).map((m) => m.replacement);
    expect(inInit).toEqual([]);
  });

  it('does not touch writes, property names, shorthand keys or module-level names', () => {
    const source = [
      'const top = 1;',
      'function f(a, b) {',
      '  a = top;',
      '  b++;',
      '  const o = { a, k: b };',
      '  return o.a;',
      '}',
    ].join('\n');
    const texts = findMutations(source, { operators: ['wrong-variable'] }).map(
      (m) => `${m.line}:${m.original}->${m.replacement}`,
    );
    expect(texts).toEqual(['5:b->a', '6:o->a', '6:o->b']);
  });

  it('reaches into callbacks with the enclosing function variables', () => {
    const source = 'function f(xs, k) {\n  return xs.map((v) => v * k);\n}\n';
    const texts = findMutations(source, { operators: ['wrong-variable'] }).map(
      (m) => `${m.original}->${m.replacement}`,
    );
    expect(texts).toEqual(['xs->k', 'k->xs']);
  });
});

describe('removals in code without semicolons', () => {
  it('skip a deletion that would make the neighbours one statement', () => {
    const source = 'function f(a, b) {\n  a = b\n  log(a);\n  (b);\n}\n';
    // Deleting `log(a);` would leave `a = b` + `(b);`, read as `a = b(b);`.
    expect(mutants(source, 'remove-statement')).toEqual([source.replace('  a = b\n', '')]);
    const safe = 'function f(a, b) {\n  a = b;\n  log(a);\n  (b);\n}\n';
    expect(mutants(safe, 'remove-statement')).toHaveLength(2);
  });
});
