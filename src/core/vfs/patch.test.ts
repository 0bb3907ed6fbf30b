import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './diff';
import { applyPatch } from './patch';
import type { ApplyResult } from './patch';
import { createSnapshot } from './snapshot';
import type { Snapshot } from './snapshot';

const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}\n`).join('');
const base = createSnapshot({
  'src/a.js': numbered(30),
  'src/b.js': 'export const b = 1;\n',
  'README.md': '# demo',
});

function applied(result: ApplyResult): Snapshot {
  if (!result.ok) throw new Error(`unexpected patch error: ${result.error.message}`);
  return result.snapshot;
}

function failed(result: ApplyResult) {
  if (result.ok) throw new Error('the patch applied but should not have');
  return result.error;
}

describe('applyPatch', () => {
  it('round-trips hand-picked changes', () => {
    const cases: Array<Record<string, string>> = [
      {
        'src/a.js': numbered(30).replace('line 1\n', ''),
        'src/b.js': 'export const b = 1;\n',
        'README.md': '# demo',
      },
      { 'src/a.js': `${numbered(30)}line 31`, 'README.md': '# demo\n', 'src/c/new.js': '' },
      {
        'src/a.js': '',
        'src/b.js': 'export const b = 1;\r\nexport const c = 2;\r\n',
        'README.md': '',
      },
      {
        'src/a.js': numbered(30).replaceAll('line 1', 'LINE 1'),
        'src/b.js': 'x',
        'README.md': '# demo',
      },
      {},
      { src: 'now a file\n' },
    ];
    for (const record of cases) {
      const target = createSnapshot(record);
      const result = applyPatch(base, diffSnapshots(base, target));
      expect(applied(result).toRecord()).toEqual(target.toRecord());
    }
  });

  it('reports the files whose content changed', () => {
    const target = base.with('src/b.js', 'changed\n').without('README.md').with('n.js', 'n\n');
    const result = applyPatch(base, diffSnapshots(base, target));
    expect(result.ok && result.files).toEqual(['README.md', 'n.js', 'src/b.js']);
  });

  it('applies a hunk whose line numbers are far off, by searching the file', () => {
    const patch =
      '--- a/src/a.js\n+++ b/src/a.js\n@@ -2,3 +2,3 @@\n line 24\n-line 25\n+line twenty-five\n line 26\n';
    expect(applied(applyPatch(base, patch)).get('src/a.js')).toBe(
      numbered(30).replace('line 25\n', 'line twenty-five\n'),
    );
  });

  it('prefers the occurrence nearest the stated line when the context repeats', () => {
    const s = createSnapshot({ f: 'x\ny\nx\ny\nx\ny\n' });
    const patch = '--- a/f\n+++ b/f\n@@ -5,2 +5,2 @@\n x\n-y\n+Y\n';
    expect(applied(applyPatch(s, patch)).get('f')).toBe('x\ny\nx\ny\nx\nY\n');
  });

  it('applies hunks with wrong counts, no prefixes and no diff --git line', () => {
    const patch =
      '--- src/b.js\n+++ src/b.js\n@@ -1,7 +1,1 @@\n-export const b = 1;\n+export const b = 2;\n';
    expect(applied(applyPatch(base, patch)).get('src/b.js')).toBe('export const b = 2;\n');
  });

  it('keeps a file without a final newline that way when the patch omits the marker', () => {
    const patch = '--- a/README.md\n+++ b/README.md\n@@ -1 +1 @@\n-# demo\n+# Demo\n';
    expect(applied(applyPatch(base, patch)).get('README.md')).toBe('# Demo');
  });

  it('applies an LF patch to a CRLF file, writing CRLF lines', () => {
    const s = createSnapshot({ 'w.txt': 'one\r\ntwo\r\nthree\r\n' });
    const patch = '--- a/w.txt\n+++ b/w.txt\n@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n';
    expect(applied(applyPatch(s, patch)).get('w.txt')).toBe('one\r\nTWO\r\nthree\r\n');
  });

  it('applies a patch sent with CRLF line ends to an LF file', () => {
    const patch =
      '--- a/src/b.js\r\n+++ b/src/b.js\r\n@@ -1 +1 @@\r\n-export const b = 1;\r\n+export const b = 3;\r\n';
    expect(applied(applyPatch(base, patch)).get('src/b.js')).toBe('export const b = 3;\n');
  });

  it('tolerates trailing whitespace differences in context lines', () => {
    const patch =
      '--- a/src/a.js\n+++ b/src/a.js\n@@ -4,3 +4,3 @@\n line 4   \n-line 5\n+five\n line 6\n';
    expect(applied(applyPatch(base, patch)).get('src/a.js')).toContain('line 4\nfive\nline 6\n');
  });

  it('drops mismatching edge context only when fuzz allows it', () => {
    const patch =
      '--- a/src/a.js\n+++ b/src/a.js\n@@ -4,3 +4,3 @@\n line FOUR\n-line 5\n+five\n line 6\n';
    expect(failed(applyPatch(base, patch)).reason).toBe('context-mismatch');
    expect(applied(applyPatch(base, patch, { fuzz: 1 })).get('src/a.js')).toContain(
      'line 4\nfive\nline 6\n',
    );
    expect(() => applyPatch(base, patch, { fuzz: -1 })).toThrow(RangeError);
  });

  it('applies several sections for the same file in order', () => {
    const patch = [
      '--- a/src/b.js\n+++ b/src/b.js\n@@ -1 +1 @@\n-export const b = 1;\n+export const b = 2;\n',
      '--- a/src/b.js\n+++ b/src/b.js\n@@ -1 +1,2 @@\n export const b = 2;\n+export const c = 3;\n',
    ].join('');
    expect(applied(applyPatch(base, patch)).get('src/b.js')).toBe(
      'export const b = 2;\nexport const c = 3;\n',
    );
  });

  it('renames a file with git rename headers', () => {
    const patch =
      'diff --git a/src/b.js b/src/c.js\nsimilarity index 100%\nrename from src/b.js\nrename to src/c.js\n';
    const out = applyPatch(base, patch);
    expect(applied(out).has('src/b.js')).toBe(false);
    expect(applied(out).get('src/c.js')).toBe('export const b = 1;\n');
    expect(out.ok && out.files).toEqual(['src/b.js', 'src/c.js']);
  });

  it('falls back to the unstripped name when a repository folder is called a/', () => {
    const s = createSnapshot({ 'a/x.js': 'x\n' });
    const patch = '--- a/x.js\n+++ b/x.js\n@@ -1 +1 @@\n-x\n+y\n';
    expect(applied(applyPatch(s, patch)).get('a/x.js')).toBe('y\n');
  });

  it('applies nothing when one file of several fails', () => {
    const patch = [
      '--- a/src/b.js\n+++ b/src/b.js\n@@ -1 +1 @@\n-export const b = 1;\n+export const b = 2;\n',
      '--- a/README.md\n+++ b/README.md\n@@ -1 +1 @@\n-# not the title\n+# x\n',
    ].join('');
    const error = failed(applyPatch(base, patch));
    expect(error).toMatchObject({ file: 'README.md', hunk: 1, reason: 'context-mismatch' });
    expect(error.message).toContain('"# demo"');
    expect(error.message).toContain('"# not the title"');
    expect(base.get('src/b.js')).toBe('export const b = 1;\n');
  });

  it.each([
    [
      'a missing file',
      '--- a/src/zz.js\n+++ b/src/zz.js\n@@ -1 +1 @@\n-a\n+b\n',
      'missing-file',
      'src/zz.js',
    ],
    [
      'a creation over an existing file',
      '--- /dev/null\n+++ b/src/b.js\n@@ -0,0 +1 @@\n+x\n',
      'file-exists',
      'src/b.js',
    ],
    [
      'a file inside a file',
      '--- /dev/null\n+++ b/README.md/x.js\n@@ -0,0 +1 @@\n+x\n',
      'invalid-path',
      'README.md/x.js',
    ],
    [
      'an absolute path',
      '--- /dev/null\n+++ /tmp/x.js\n@@ -0,0 +1 @@\n+x\n',
      'invalid-path',
      '/tmp/x.js',
    ],
    ['prose', 'Please rename b to c.', 'no-diff', null],
  ])('reports %s', (_, patch, reason, file) => {
    expect(failed(applyPatch(base, patch))).toMatchObject({ name: 'PatchError', reason, file });
  });

  it('suggests files with the same name when a path is wrong', () => {
    const error = failed(applyPatch(base, '--- a/b.js\n+++ b/b.js\n@@ -1 +1 @@\n-a\n+b\n'));
    expect(error.message).toContain('did you mean src/b.js?');
    expect(error.toData()).toEqual({
      name: 'PatchError',
      message: error.message,
      file: 'b.js',
      hunk: null,
      reason: 'missing-file',
    });
  });

  it('treats an empty patch as no change', () => {
    const result = applyPatch(base, '');
    expect(result.ok && result.snapshot.equals(base)).toBe(true);
    expect(result.ok && result.files).toEqual([]);
  });
});
