import { describe, expect, it } from 'vitest';
import { checkStructure } from './structure';

const check = {
  type: 'constant' as const,
  name: 'RATE',
  value: '100',
  module: 'src/money.js',
  fn: 'toCents',
};

describe('checkStructure (extract a constant)', () => {
  it('holds when the function uses the new constant instead of the literal', () => {
    const module = 'export const RATE = 100;\nexport function toCents(x) { return x * RATE; }\n';
    expect(checkStructure(check, { 'src/money.js': module })).toBeNull();
  });

  it('names the literal left behind', () => {
    const module =
      'export const RATE = 100;\nexport function toCents(x) { return x * 100 + RATE * 0; }\n';
    expect(checkStructure(check, { 'src/money.js': module })).toMatch(
      /still contains the literal 100/,
    );
  });

  it('reports code that no longer parses instead of throwing', () => {
    const module = 'export const RATE = 100;\nexport function toCents(x) { return x * ; }\n';
    expect(checkStructure(check, { 'src/money.js': module })).toMatch(/does not parse/);
  });
});

describe('checkStructure (rename)', () => {
  const check = {
    type: 'renamed' as const,
    from: 'readQuoted',
    to: 'computeReadQuoted',
    module: 'src/csv.js',
  };
  const test = (name: string) =>
    `import { ${name} } from './csv.js';\ntest('reads', () => expect(${name}('"a"')).toBe('a'));\n`;

  it('holds when every file uses the new name and the module exports it', () => {
    for (const module of [
      'export function computeReadQuoted(s) { return s.slice(1, -1); }\n',
      'export async function* computeReadQuoted(s) { yield s; }\n',
      'function inner(s) { return s; }\nexport { inner as computeReadQuoted };\n',
      'const computeReadQuoted = (s) => s;\nexport { other, computeReadQuoted };\n',
    ])
      expect(
        checkStructure(check, { 'src/csv.js': module, 'src/csv.test.js': test(check.to) }),
      ).toBeNull();
  });

  it('names a file still using the old name, and a module exporting the new one only locally', () => {
    const module = 'export function computeReadQuoted(s) { return s; }\n';
    expect(
      checkStructure(check, { 'src/csv.js': module, 'src/csv.test.js': test(check.from) }),
    ).toBe('src/csv.test.js still uses the old name readQuoted');
    const local =
      'function computeReadQuoted(s) { return s; }\nexport { computeReadQuoted as x };\n';
    expect(checkStructure(check, { 'src/csv.js': local, 'src/csv.test.js': test(check.to) })).toBe(
      'src/csv.js does not export computeReadQuoted',
    );
  });

  it('fails a file that does not tokenize, rather than reading it as holding no names', () => {
    // Renamed in the module only, the test file broken by one token: it still calls readQuoted.
    const module = 'export function computeReadQuoted(s) { return s; }\n';
    const broken = `"${test(check.from).slice(1)}`;
    expect(checkStructure(check, { 'src/csv.js': module, 'src/csv.test.js': broken })).toMatch(
      /^src\/csv\.test\.js does not tokenize/,
    );
  });

  it('reads a long answer of unclosed export lists in one pass', () => {
    // A regex over the raw text backtracked for minutes on this; the tokens are read once.
    const module = `${'export { computeReadQuoted '.repeat(4000)}\n`;
    expect(checkStructure(check, { 'src/csv.js': module })).toBe(
      'src/csv.js does not export computeReadQuoted',
    );
  });
});
