import { describe, expect, it } from 'vitest';
import { diffFiles } from '../../../core/vfs';
import { fileChanges, GAP } from './fileChanges';

const lines = (n: number, edit: Record<number, string> = {}) =>
  Array.from({ length: n }, (_, i) => edit[i + 1] ?? `line ${i + 1};`).join('\n') + '\n';

const repo = {
  'src/a.js': lines(30),
  'src/b.js': 'export const b = 1;\n',
  'README.md': '# r\n',
};
const edited = {
  ...repo,
  'src/a.js': lines(30, { 3: 'changed 3;', 25: 'changed 25;' }),
  'src/c.js': 'export const c = 2;\n',
};
delete (edited as Partial<typeof edited>)['src/b.js'];
const patch = diffFiles(repo, edited);

describe('fileChanges', () => {
  it('gives whole files before and after when the patch applies to the task files', () => {
    const r = fileChanges(patch, repo);
    expect(r.ok && r.whole).toBe(true);
    if (!r.ok) return;
    expect(r.files.map((f) => [f.path, f.status])).toEqual([
      ['src/a.js', 'modified'],
      ['src/b.js', 'deleted'],
      ['src/c.js', 'added'],
    ]);
    const [a, b, c] = r.files;
    expect(a!.before).toBe(repo['src/a.js']);
    expect(a!.after).toBe(edited['src/a.js']);
    expect(a!.numbers).toBeUndefined();
    expect(b!.before).toBe(repo['src/b.js']);
    expect(b!.after).toBe('');
    expect(c!.before).toBe('');
    expect(c!.after).toBe(edited['src/c.js']);
  });

  it('gives the hunks alone, with their line numbers and a gap between hunks, without the files', () => {
    const r = fileChanges(patch);
    expect(r.ok && !r.whole).toBe(true);
    if (!r.ok) return;
    const a = r.files[0]!;
    const before = a.before.split('\n');
    const after = a.after.split('\n');
    // Two hunks of 3 lines of context around one changed line each, a gap between them.
    expect(before).toEqual([
      'line 1;',
      'line 2;',
      'line 3;',
      'line 4;',
      'line 5;',
      'line 6;',
      GAP,
      'line 22;',
      'line 23;',
      'line 24;',
      'line 25;',
      'line 26;',
      'line 27;',
      'line 28;',
    ]);
    expect(after[2]).toBe('changed 3;');
    expect(after[10]).toBe('changed 25;');
    expect(a.numbers!.before).toEqual([1, 2, 3, 4, 5, 6, null, 22, 23, 24, 25, 26, 27, 28]);
    expect(a.numbers!.after).toEqual(a.numbers!.before);
    expect(r.files[2]!.after).toBe('export const c = 2;');
    expect(r.files[2]!.numbers!.after).toEqual([1]);
  });

  it('falls back to the hunks when the patch does not apply to the files given', () => {
    const r = fileChanges(patch, { ...repo, 'src/a.js': lines(30, { 3: 'someone else' }) });
    expect(r.ok && !r.whole).toBe(true);
  });

  it('says what is wrong with text that is not a patch', () => {
    const r = fileChanges('not a diff at all');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/no file changes found/);
  });
});
