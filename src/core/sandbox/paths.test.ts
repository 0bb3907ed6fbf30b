import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultTestFiles, normalizePath, resolveSpecifier } from './paths';

const segment = fc.constantFrom('src', 'lib', 'a', 'b.js', '.', '..', '', 'index.js', 'x.mjs');
const path = fc.array(segment, { maxLength: 6 }).map((parts) => parts.join('/'));
const files = fc
  .uniqueArray(
    fc
      .array(fc.constantFrom('src', 'lib', 'a', 'util'), { maxLength: 3 })
      .chain((dirs) =>
        fc
          .constantFrom('a.js', 'b.js', 'index.js', 'c.mjs', 'd.test.js')
          .map((name) => [...dirs, name].join('/')),
      ),
    { maxLength: 8 },
  )
  .map((keys) => Object.fromEntries(keys.map((key) => [key, `// ${key}`])));

describe('normalizePath', () => {
  it('resolves . and .. segments', () => {
    expect(normalizePath('src/./a/../b.js')).toBe('src/b.js');
    expect(normalizePath('/src//b.js')).toBe('src/b.js');
    expect(normalizePath('../x.js')).toBeNull();
    expect(normalizePath('a/../../x.js')).toBeNull();
  });

  it('never keeps ., .. or empty segments, and is idempotent', () => {
    fc.assert(
      fc.property(path, (input) => {
        const out = normalizePath(input);
        if (out === null) return;
        expect(out.split('/').filter((p) => p === '.' || p === '..')).toEqual([]);
        expect(out.startsWith('/') || out.endsWith('/') || out.includes('//')).toBe(false);
        expect(normalizePath(out)).toBe(out);
      }),
    );
  });
});

describe('resolveSpecifier', () => {
  const repo = {
    'src/lru.js': '',
    'src/util/index.js': '',
    'src/util/fmt.mjs': '',
    'test/lru.test.js': '',
  };

  it('resolves relative, root-absolute and extension-less specifiers', () => {
    expect(resolveSpecifier(repo, 'test/lru.test.js', '../src/lru.js')).toBe('src/lru.js');
    expect(resolveSpecifier(repo, 'test/lru.test.js', '../src/lru')).toBe('src/lru.js');
    expect(resolveSpecifier(repo, 'src/lru.js', './util')).toBe('src/util/index.js');
    expect(resolveSpecifier(repo, 'src/lru.js', './util/fmt')).toBe('src/util/fmt.mjs');
    expect(resolveSpecifier(repo, 'test/lru.test.js', '/src/lru.js')).toBe('src/lru.js');
  });

  it('refuses bare specifiers, missing files and paths above the root', () => {
    expect(resolveSpecifier(repo, 'src/lru.js', 'lodash')).toBeNull();
    expect(resolveSpecifier(repo, 'src/lru.js', 'node:fs')).toBeNull();
    expect(resolveSpecifier(repo, 'src/lru.js', './nope.js')).toBeNull();
    expect(resolveSpecifier(repo, 'src/lru.js', '../../src/lru.js')).toBeNull();
    expect(resolveSpecifier({ toString: '' }, 'a.js', './toString')).toBe('toString');
    expect(resolveSpecifier({}, 'a.js', './constructor')).toBeNull();
  });

  it('only ever returns a key of the snapshot', () => {
    fc.assert(
      fc.property(files, path, fc.constantFrom('./', '../', '/', ''), (snapshot, spec, prefix) => {
        const base = Object.keys(snapshot)[0] ?? 'a.js';
        const out = resolveSpecifier(snapshot, base, prefix + spec);
        if (out !== null) expect(Object.keys(snapshot)).toContain(out);
        if (prefix === '')
          expect(out === null || spec.startsWith('.') || spec.startsWith('/')).toBe(true);
      }),
    );
  });
});

describe('defaultTestFiles', () => {
  it('lists .test.js files, sorted', () => {
    expect(
      defaultTestFiles({ 'b.test.js': '', 'a.js': '', 'a/x.test.js': '', 'c.test.mjs': '' }),
    ).toEqual(['a/x.test.js', 'b.test.js']);
  });
});
