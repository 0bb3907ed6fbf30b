import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePatch } from './patchParse';
import type { FilePatch } from './patchParse';

function files(text: string): FilePatch[] {
  const result = parsePatch(text);
  if (!result.ok) throw new Error(`unexpected parse error: ${result.error.message}`);
  return result.files;
}

const ops = (fp: FilePatch | undefined, k = 0) =>
  fp?.hunks[k]?.lines.map((l) => `${l.op}${l.text}${l.noNewline ? '$' : ''}`);

describe('parsePatch', () => {
  it('reads a git diff with several files, creations and deletions', () => {
    const parsed = files(
      [
        'diff --git a/src/a.js b/src/a.js',
        'index 83db48f..bf269f4 100644',
        '--- a/src/a.js',
        '+++ b/src/a.js',
        '@@ -1,2 +1,2 @@ function f() {',
        ' keep',
        '-old',
        '+new',
        'diff --git a/n.js b/n.js',
        'new file mode 100644',
        '--- /dev/null',
        '+++ b/n.js',
        '@@ -0,0 +1 @@',
        '+hi',
        '\\ No newline at end of file',
        'diff --git a/e.js b/e.js',
        'deleted file mode 100644',
        '',
      ].join('\n'),
    );
    expect(parsed.map((f) => [f.oldPath, f.newPath])).toEqual([
      ['src/a.js', 'src/a.js'],
      [null, 'n.js'],
      ['e.js', null],
    ]);
    const hunk = parsed[0]?.hunks[0];
    expect(hunk).toMatchObject({
      oldStart: 0,
      newStart: 0,
      oldLines: 2,
      newLines: 2,
      recounted: false,
      patchLine: 5,
    });
    expect(ops(parsed[0])).toEqual([' keep', '-old', '+new']);
    expect(ops(parsed[1])).toEqual(['+hi$']);
    expect(parsed[1]?.hunks[0]).toMatchObject({ oldStart: 0, oldLines: 0, newLines: 1 });
    expect(parsed[2]?.hunks).toEqual([]);
  });

  it('accepts names without prefixes, timestamps and no diff --git line', () => {
    const [fp] = files(
      '--- lib/x.js\t2024-01-01 10:00:00\n+++ lib/x.js\t2024-01-02\n@@ -3 +3 @@\n-a\n+b\n',
    );
    expect(fp).toMatchObject({ oldPath: 'lib/x.js', newPath: 'lib/x.js', strippedPrefix: false });
    expect(fp?.hunks[0]?.oldStart).toBe(2);
  });

  it('recounts hunks whose header counts are wrong, too small or too large', () => {
    const body = ' a\n-b\n+c\n+d\n e\n';
    for (const header of ['@@ -1,9 +1,9 @@', '@@ -1,1 +1,1 @@', '@@ -1 +1 @@', '@@ -1,3 +1,3 @@']) {
      const [fp] = files(`--- a/f\n+++ b/f\n${header}\n${body}`);
      expect(fp?.hunks[0]).toMatchObject({ oldLines: 3, newLines: 4, recounted: true });
      expect(ops(fp)).toEqual([' a', '-b', '+c', '+d', ' e']);
    }
  });

  it('trusts correct counts even when a body line looks like a file header', () => {
    const text = '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n--- x\n+++ y\n keep\n';
    expect(ops(files(text)[0])).toEqual(['--- x', '+++ y', ' keep']);
  });

  it('reads a blank line inside a hunk as blank context, and drops trailing blank lines', () => {
    const [fp] = files('--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n\n-b\n+c\n\n\n');
    expect(ops(fp)).toEqual([' a', ' ', '-b', '+c']);
  });

  it('accepts a bare @@ and a body with no @@ at all', () => {
    const bare = files('--- a/f\n+++ b/f\n@@\n-x\n+y\n')[0]?.hunks[0];
    expect(bare).toMatchObject({ oldStart: null, newStart: null, recounted: true });
    const none = files('--- a/f\n+++ b/f\n-x\n+y\n')[0]?.hunks[0];
    expect(none).toMatchObject({ oldStart: null, patchLine: 0, oldLines: 1, newLines: 1 });
  });

  it('strips a CRLF transport encoding but keeps \\r that belongs to file lines', () => {
    const crlf = files('--- a/f\r\n+++ b/f\r\n@@ -1 +1 @@\r\n-x\r\n+y\r\n')[0];
    expect(ops(crlf)).toEqual(['-x', '+y']);
    const mixed = files('--- a/f\n+++ b/f\n@@ -1 +1 @@\n-x\r\n+y\n')[0];
    expect(ops(mixed)).toEqual(['-x\r', '+y']);
  });

  it('ignores prose and code fences around the diff', () => {
    const text =
      'Here is the fix:\n```diff\n--- a/f\n+++ b/f\n@@ -1 +1 @@\n-x\n+y\n```\n\nThis fixes it.\n';
    expect(ops(files(text)[0])).toEqual(['-x', '+y']);
  });

  it('reads git renames with their own names', () => {
    const text =
      'diff --git a/old.js b/new.js\nsimilarity index 90%\nrename from old.js\nrename to new.js\n';
    expect(files(text)[0]).toMatchObject({ oldPath: 'old.js', newPath: 'new.js', isRename: true });
  });

  it('treats whitespace-only text as an empty patch', () => {
    expect(parsePatch('')).toEqual({ ok: true, files: [] });
    expect(parsePatch('\n  \n')).toEqual({ ok: true, files: [] });
  });

  it.each([
    ['prose only', 'I changed the function.', 'no-diff', null, null],
    ['hunk before names', '@@ -1 +1 @@\n-a\n+b\n', 'malformed', null, null],
    [
      'stray line inside a hunk',
      '--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\nb\n-c\n+d\n',
      'malformed',
      'f',
      1,
    ],
    [
      'absolute path',
      '--- /etc/x\n+++ /etc/x\n@@ -1 +1 @@\n-a\n+b\n',
      'invalid-path',
      '/etc/x',
      null,
    ],
    ['.. in a path', '--- a/../x\n+++ b/../x\n@@ -1 +1 @@\n-a\n+b\n', 'invalid-path', '../x', null],
    ['no hunks', '--- a/f\n+++ b/f\n', 'malformed', 'f', null],
    [
      'binary',
      'diff --git a/i.png b/i.png\nBinary files a/i.png and b/i.png differ\n',
      'unsupported',
      'i.png',
      null,
    ],
  ])('reports %s', (_, text, reason, file, hunk) => {
    const result = parsePatch(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ name: 'PatchError', reason, file, hunk });
    expect(result.error.message.length).toBeGreaterThan(20);
  });

  it('never throws, whatever the text (property)', () => {
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '--- a/f',
        '+++ b/f',
        '--- /dev/null',
        '+++ /dev/null',
        '@@ -1,2 +1 @@',
        '@@',
        'diff --git a/f b/f',
      ),
      fc.constantFrom(
        'new file mode 100644',
        'deleted file mode 100644',
        'rename from x',
        '\\ No newline at end of file',
      ),
      fc.string().map((s) => `${['+', '-', ' '][s.length % 3] ?? ''}${s}`),
    );
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 20 }),
        fc.constantFrom('\n', '\r\n'),
        (lines, eol) => {
          const result = parsePatch(lines.join(eol));
          if (!result.ok) expect(result.error.name).toBe('PatchError');
        },
      ),
    );
  });
});
