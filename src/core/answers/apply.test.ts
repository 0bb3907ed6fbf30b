import { describe, expect, it } from 'vitest';
import { applyEdits, applyFileEdits } from './apply';

const src =
  'export function clamp(x, lo, hi) {\n  if (x < lo) return lo;\n  return x > hi ? hi : x;\n}\n';

describe('applyFileEdits', () => {
  it('replaces a token by index, leaving other text byte-identical', () => {
    // tokens: export function clamp ( x , lo , hi ) { if ( x < lo ...
    const out = applyFileEdits(src, [{ op: 'replace', file: 'a.js', token: 14, text: '<=' }]);
    expect(out).toBe(src.replace('x < lo', 'x <= lo'));
  });

  it('inserts and deletes whole lines by their original numbers', () => {
    const out = applyFileEdits(src, [
      { op: 'insert', file: 'a.js', line: 2, text: '  // guard' },
      { op: 'delete', file: 'a.js', line: 3 },
    ]);
    expect(out).toBe(
      'export function clamp(x, lo, hi) {\n  // guard\n  if (x < lo) return lo;\n}\n',
    );
  });

  it('gives one result whichever order a line is deleted and replaced in (review 41core 8)', () => {
    const del = { op: 'delete', file: 'a.js', line: 2 } as const;
    const ins = { op: 'insert', file: 'a.js', line: 2, text: '  if (x <= lo) return lo;' } as const;
    const want = src.replace('x < lo', 'x <= lo');
    expect(applyFileEdits(src, [ins, del])).toBe(want);
    expect(applyFileEdits(src, [del, ins])).toBe(want);
    // A token at a line's start edited, and a line inserted there: either order.
    const edit = { op: 'replace', file: 'a.js', token: 0, text: 'export' } as const;
    const first = { op: 'insert', file: 'a.js', line: 1, text: '// head' } as const;
    expect(applyFileEdits(src, [edit, first])).toBe(`// head
${src}`);
    expect(applyFileEdits(src, [first, edit])).toBe(`// head
${src}`);
    // Two edits of the same text still overlap.
    expect(() => applyFileEdits(src, [del, { ...del }])).toThrow(/overlaps another edit/);
  });

  it('applies several edits against the original positions', () => {
    const out = applyFileEdits(src, [
      { op: 'replace', file: 'a.js', token: 14, text: '>' },
      { op: 'insert', file: 'a.js', line: 1, text: 'const K = 1;' },
    ]);
    expect(out.startsWith('const K = 1;\nexport function')).toBe(true);
    expect(out).toContain('x > lo');
  });

  it('refuses out-of-range tokens and lines with a message that says the range', () => {
    expect(() =>
      applyFileEdits(src, [{ op: 'replace', file: 'a.js', token: 999, text: 'x' }]),
    ).toThrow(/@999 does not exist .* tokens/);
    expect(() => applyFileEdits(src, [{ op: 'delete', file: 'a.js', line: 9 }])).toThrow(
      /line 9 is outside the file \(1-4\)/,
    );
    expect(() =>
      applyFileEdits(src, [
        { op: 'replace', file: 'a.js', token: 14, text: '<=' },
        { op: 'delete', file: 'a.js', line: 2 },
      ]),
    ).toThrow(/overlaps/);
  });

  it('names a missing file and changes nothing', () => {
    const files = { 'a.js': src };
    expect(() => applyEdits(files, [{ op: 'delete', file: 'b.js', line: 1 }])).toThrow(
      /b.js: no such file/,
    );
    expect(files['a.js']).toBe(src);
  });
});
