import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../../core/answers/text';
import type { Edit } from '../../../core/answers/types';
import { proposedEdits, proposedPatch } from './proposedPatch';

const files = { 'a.js': 'function f(x) {\n  return x;\n}\n', 'b.js': 'export const b = 1;\n' };
const insert: Edit = { op: 'insert', file: 'a.js', line: 2, text: '  x = x + 1;' };
const del: Edit = { op: 'delete', file: 'b.js', line: 1 };

describe('proposedEdits', () => {
  it("reads an edit answer's edits, and a composite's from its edit steps, in order", () => {
    expect(proposedEdits(renderAnswer({ kind: 'edits', edits: [insert] }))).toEqual([insert]);
    const bugfix = renderAnswer({
      kind: 'steps',
      steps: [
        { kind: 'files', files: ['a.js'] },
        { kind: 'edits', edits: [insert, del] },
      ],
    });
    expect(proposedEdits(bugfix)).toEqual([insert, del]);
  });

  it('finds none in an answer without edits or one that does not read', () => {
    expect(proposedEdits(renderAnswer({ kind: 'files', files: ['a.js'] }))).toEqual([]);
    expect(proposedEdits('EDIT nonsense here')).toEqual([]);
  });
});

describe('proposedPatch', () => {
  it("is the edits applied to the task's files, as a diff of each file changed", () => {
    const made = proposedPatch(files, [insert, del]);
    if (!('patch' in made)) throw new Error(made.error);
    expect(made.patch).toContain('+++ b/a.js');
    expect(made.patch).toContain('+  x = x + 1;');
    expect(made.patch).toContain('-export const b = 1;');
  });

  it('says why edits do not apply, and leaves the files as they were', () => {
    const before = structuredClone(files);
    const made = proposedPatch(files, [{ op: 'delete', file: 'c.js', line: 1 }]);
    expect('error' in made && made.error).toMatch(/c\.js/);
    expect(files).toEqual(before);
  });
});
