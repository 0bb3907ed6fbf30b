import { describe, expect, it } from 'vitest';
import { listExports, listImports } from './modules';

const SOURCE = `import def, { a, b as c } from './one.js';
import * as ns from './two.js';
import './side.js';
export const x = 1, { y, z: [w] } = obj;
export function f() {}
export class K {}
const hidden = 2;
export { hidden as shown, f as g };
export { r } from './three.js';
export * from './four.js';
export * as four from './four.js';
export default hidden;
`;

describe('listImports', () => {
  it('lists specifiers and bindings in order', () => {
    const imports = listImports(SOURCE);
    expect(imports.map((i) => i.source)).toEqual(['./one.js', './two.js', './side.js']);
    expect(imports[0]!.bindings).toEqual([
      { imported: 'default', local: 'def' },
      { imported: 'a', local: 'a' },
      { imported: 'b', local: 'c' },
    ]);
    expect(imports[1]!.bindings).toEqual([{ imported: '*', local: 'ns' }]);
    expect(imports[2]!.bindings).toEqual([]);
    expect(SOURCE.slice(imports[1]!.start, imports[1]!.end)).toBe(
      "import * as ns from './two.js';",
    );
  });
});

describe('listExports', () => {
  it('lists every exported name with its kind and local binding', () => {
    const rows = listExports(SOURCE).map((e) => [e.exported, e.local, e.kind, e.from]);
    expect(rows).toEqual([
      ['x', 'x', 'variable', null],
      ['y', 'y', 'variable', null],
      ['w', 'w', 'variable', null],
      ['f', 'f', 'function', null],
      ['K', 'K', 'class', null],
      ['shown', 'hidden', 'specifier', null],
      ['g', 'f', 'specifier', null],
      ['r', null, 're-export', './three.js'],
      ['*', null, 're-export', './four.js'],
      ['four', null, 're-export', './four.js'],
      ['default', 'hidden', 'default', null],
    ]);
  });

  it('names a default function export by its id when it has one', () => {
    expect(listExports('export default function main() {}')[0]).toMatchObject({
      exported: 'default',
      local: 'main',
    });
    expect(listExports('export default () => 1')[0]!.local).toBeNull();
  });
});
