import { describe, expect, it } from 'vitest';
import { applyFileEdits } from '../answers/apply';
import { tokenize } from '../js/tokens';
import { fixEditsBetween, tokenEditsBetween } from './tokenFix';

const cases: [string, string][] = [
  ['if (a <= b) x();', 'if (a < b) x();'],
  ['f(b, a);', 'f(a, b);'],
  ['const n = xs.length - 1;', 'const n = xs.length;'],
  ['return Math.max(a, b);', 'return Math.min(a, b);'],
  ['let d = a - b;', 'let d = Math.abs(a - b);'],
];

describe('tokenEditsBetween', () => {
  it('finds edits that turn the buggy text into the correct one', () => {
    for (const [buggy, correct] of cases) {
      const edits = tokenEditsBetween('a.js', buggy, correct);
      expect(edits).not.toBeNull();
      const fixed = applyFileEdits(buggy, edits!);
      // Same tokens (spacing inside a widened replacement may differ).
      expect(fixed.replace(/\s+/g, '')).toBe(correct.replace(/\s+/g, ''));
    }
  });

  it('gives null for equal files and for changes beyond the limit', () => {
    expect(tokenEditsBetween('a.js', 'x = 1;', 'x = 1;')).toBeNull();
    expect(tokenEditsBetween('a.js', 'a;', 'b + c + d + e + f + g + h + i;', 3)).toBeNull();
  });
});

const tokensOf = (source: string): string[] => tokenize(source).map((t) => t.value);

/** Only the edit vocabulary below and the buggy text's own tokens may be written. */
const writableFrom = (buggy: string, extra: string[] = []) => {
  const allowed = new Set([...tokensOf(buggy), ...extra]);
  return (token: string): boolean => allowed.has(token);
};

describe('fixEditsBetween', () => {
  it('fixes with token edits where it can, keeping the spacing of the correct text', () => {
    const buggy = 'const n = a * a / 2;\n';
    const correct = 'const n = a * (a + 1) / 2;\n';
    const edits = fixEditsBetween('a.js', buggy, correct);
    expect(edits).toEqual([{ op: 'replace', file: 'a.js', token: 5, text: '(a + 1)' }]);
    expect(applyFileEdits(buggy, edits!)).toBe(correct);
  });

  it('swaps tokens one for one', () => {
    const buggy = 'if (j % i == 0) x();';
    const edits = fixEditsBetween('a.js', buggy, 'if (i % j == 0) x();');
    expect(edits).toEqual([
      { op: 'replace', file: 'a.js', token: 2, text: 'i' },
      { op: 'replace', file: 'a.js', token: 4, text: 'j' },
    ]);
  });

  it('replaces the line when a token it needs is not writable', () => {
    const buggy = 'function f(b) {\n  if (b == ">")\n    return 1;\n  return 0;\n}\n';
    const correct = buggy.replace('">"', '"<"');
    const edits = fixEditsBetween('a.js', buggy, correct, { writable: writableFrom(buggy) });
    expect(edits).toEqual([
      { op: 'insert', file: 'a.js', line: 2, text: '  if (b == "<")' },
      { op: 'delete', file: 'a.js', line: 2 },
    ]);
    expect(applyFileEdits(buggy, edits!)).toBe(correct);
    // With the literal writable, one token edit does it.
    expect(
      fixEditsBetween('a.js', buggy, correct, { writable: writableFrom(buggy, ['"<"']) }),
    ).toHaveLength(1);
  });

  it('inserts a new line whole: a replacement never spans a line break', () => {
    const buggy = 'function f(n) {\n  let d = n / 2\n  return d\n}\n';
    const correct = 'function f(n) {\n  let d = n / 2\n  n = n % 2\n  return d\n}\n';
    const edits = fixEditsBetween('a.js', buggy, correct);
    expect(edits).toEqual([{ op: 'insert', file: 'a.js', line: 3, text: '  n = n % 2' }]);
    expect(applyFileEdits(buggy, edits!)).toBe(correct);
  });

  it('deletes a line rather than blanking its many tokens one by one', () => {
    const buggy = 'function f(p, j, k) {\n  p[j] = p[k] + p[j]\n  return p\n}\n';
    const correct = 'function f(p, j, k) {\n  return p\n}\n';
    expect(fixEditsBetween('a.js', buggy, correct)).toEqual([
      { op: 'delete', file: 'a.js', line: 2 },
    ]);
  });

  it('mixes token edits and line edits, one choice per changed stretch of lines', () => {
    const buggy = "let a = '  ';\nlet c = 1;\nlet b = '__';\nlet d = '-';\n";
    const correct = "let a = ' ';\nlet c = 1;\nlet b = '_';\nlet d = '--';\n";
    const writable = writableFrom(buggy, ["'_'", "'--'"]);
    const edits = fixEditsBetween('a.js', buggy, correct, { writable })!;
    expect(edits.map((e) => e.op)).toEqual(['insert', 'delete', 'replace', 'replace']);
    expect(tokensOf(applyFileEdits(buggy, edits))).toEqual(tokensOf(correct));
  });

  it('gives null for equal files, untokenizable text, and fixes beyond the edit limit', () => {
    expect(fixEditsBetween('a.js', 'x = 1;', 'x  =  1;')).toBeNull();
    expect(fixEditsBetween('a.js', 'x = "1;', 'x = 1;')).toBeNull();
    const buggy = 'a = 1;\nb = 1;\nc = 1;\nd = 1;\n';
    const correct = 'a = 2;\nb = 2;\nc = 2;\nd = 2;\n';
    const writable = writableFrom(buggy);
    expect(fixEditsBetween('a.js', buggy, correct, { writable, maxEdits: 6 })).toBeNull();
    expect(fixEditsBetween('a.js', buggy, correct, { writable, maxEdits: 8 })).toHaveLength(8);
    expect(fixEditsBetween('a.js', buggy, correct, { maxEdits: 4 })).toHaveLength(4);
  });
});
