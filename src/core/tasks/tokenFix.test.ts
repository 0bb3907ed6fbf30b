import { describe, expect, it } from 'vitest';
import { applyFileEdits } from '../answers/apply';
import { tokenEditsBetween } from './tokenFix';

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
