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
