import { describe, expect, it } from 'vitest';
import { changedFiles, diffSnapshots } from './diff';
import { createSnapshot } from './snapshot';

const lines = (n: number, tag = 'line') =>
  Array.from({ length: n }, (_, i) => `${tag} ${i + 1}\n`).join('');

describe('diffSnapshots', () => {
  it('is empty for equal snapshots', () => {
    const a = createSnapshot({ 'a.js': 'x\n' });
    expect(diffSnapshots(a, createSnapshot({ 'a.js': 'x\n' }))).toBe('');
    expect(changedFiles(a, a)).toEqual([]);
  });

  it('writes git headers, /dev/null for added and deleted files, files in path order', () => {
    const a = createSnapshot({ 'z.js': 'old\n', 'm.js': 'keep\n', 'gone.js': 'bye\n' });
    const b = createSnapshot({ 'z.js': 'new\n', 'm.js': 'keep\n', 'added.js': 'hi\nthere\n' });
    expect(changedFiles(a, b)).toEqual(['added.js', 'gone.js', 'z.js']);
    expect(diffSnapshots(a, b)).toBe(
      [
        'diff --git a/added.js b/added.js',
        'new file mode 100644',
        '--- /dev/null',
        '+++ b/added.js',
        '@@ -0,0 +1,2 @@',
        '+hi',
        '+there',
        'diff --git a/gone.js b/gone.js',
        'deleted file mode 100644',
        '--- a/gone.js',
        '+++ /dev/null',
        '@@ -1 +0,0 @@',
        '-bye',
        'diff --git a/z.js b/z.js',
        '--- a/z.js',
        '+++ b/z.js',
        '@@ -1 +1 @@',
        '-old',
        '+new',
        '',
      ].join('\n'),
    );
  });

  it('uses the requested context and splits distant changes into hunks', () => {
    const before = lines(20);
    const after = before.replace('line 2\n', 'LINE 2\n').replace('line 18\n', 'LINE 18\n');
    const a = createSnapshot({ 'f.txt': before });
    const b = createSnapshot({ 'f.txt': after });
    const three = diffSnapshots(a, b);
    expect(three.match(/^@@ .*$/gm)).toEqual(['@@ -1,5 +1,5 @@', '@@ -15,6 +15,6 @@']);
    const one = diffSnapshots(a, b, { context: 1 });
    expect(one.match(/^@@ .*$/gm)).toEqual(['@@ -1,3 +1,3 @@', '@@ -17,3 +17,3 @@']);
    const whole = diffSnapshots(a, b, { context: 100 });
    expect(whole.match(/^@@ .*$/gm)).toEqual(['@@ -1,20 +1,20 @@']);
    expect(() => diffSnapshots(a, b, { context: -1 })).toThrow(RangeError);
  });

  it('marks a missing final newline and handles empty files like git', () => {
    const a = createSnapshot({ 'a.txt': 'x', 'e.txt': '' });
    const b = createSnapshot({ 'a.txt': 'x\n', 'n.txt': '' });
    expect(diffSnapshots(a, b)).toBe(
      [
        'diff --git a/a.txt b/a.txt',
        '--- a/a.txt',
        '+++ b/a.txt',
        '@@ -1 +1 @@',
        '-x',
        '\\ No newline at end of file',
        '+x',
        'diff --git a/e.txt b/e.txt',
        'deleted file mode 100644',
        'diff --git a/n.txt b/n.txt',
        'new file mode 100644',
        '',
      ].join('\n'),
    );
  });

  it('falls back to replacing the whole file when the line diff gives up', () => {
    const a = createSnapshot({ 'big.txt': lines(50, 'old') });
    const b = createSnapshot({ 'big.txt': lines(50, 'new') });
    const patch = diffSnapshots(a, b, { maxEditLength: 5 });
    expect(patch.match(/^@@ .*$/gm)).toEqual(['@@ -1,50 +1,50 @@']);
    expect(patch.split('\n').filter((l) => l.startsWith('-old')).length).toBe(50);
  });
});
