import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VfsError } from './errors';
import { Fnv64 } from './hash';
import { pathProblem } from './paths';
import { Snapshot, createSnapshot } from './snapshot';

describe('paths', () => {
  it.each([
    ['/etc/passwd', 'absolute'],
    ['../x.js', '".." segment'],
    ['src/../../x.js', '".." segment'],
    ['', 'empty'],
    ['src//a.js', 'empty name'],
    ['src/', 'empty name'],
    ['src\\a.js', 'backslash'],
    ['./a.js', '"." segment'],
    ['a\nb.js', 'control character'],
  ])('rejects %j (%s)', (path, why) => {
    expect(pathProblem(path)).toContain(why);
    expect(() => createSnapshot({ [path]: 'x' })).toThrow(VfsError);
    expect(() => Snapshot.empty().with(path, 'x')).toThrow(why);
  });

  it('accepts ordinary relative paths', () => {
    for (const path of ['a.js', 'src/a.js', 'deep/er/x.test.ts', '.gitignore', 'a b/c d.js']) {
      expect(pathProblem(path)).toBeNull();
    }
  });

  it('rejects a file that would also be a directory', () => {
    expect(() => createSnapshot({ src: 'x', 'src/a.js': 'y' })).toThrow(/"src" is a file/);
    const s = createSnapshot({ 'src/a.js': 'y' });
    expect(() => s.with('src', 'x')).toThrow(VfsError);
    expect(() => s.with('src/a.js/b.js', 'x')).toThrow(VfsError);
    // Replacing the directory with a file in one step is fine.
    expect(
      s
        .withChanges([
          ['src/a.js', null],
          ['src', 'x'],
        ])
        .paths(),
    ).toEqual(['src']);
  });
});

describe('Snapshot', () => {
  const base = createSnapshot({ 'src/b.js': 'B', 'a.js': 'A', 'src/a.js': 'SA' });

  it('reads files and lists paths in code-unit order', () => {
    expect(base.size).toBe(3);
    expect(base.get('a.js')).toBe('A');
    expect(base.get('nope')).toBeUndefined();
    expect(base.has('src/a.js')).toBe(true);
    expect(base.paths()).toEqual(['a.js', 'src/a.js', 'src/b.js']);
    expect(createSnapshot({ b: '', B: '', a: '' }).paths()).toEqual(['B', 'a', 'b']);
    expect(base.toRecord()).toEqual({ 'a.js': 'A', 'src/a.js': 'SA', 'src/b.js': 'B' });
  });

  it('forks without touching the parent', () => {
    const changed = base.with('a.js', 'A2').with('c.js', 'C').without('src/b.js');
    expect(base.get('a.js')).toBe('A');
    expect(base.has('src/b.js')).toBe(true);
    expect(changed.toRecord()).toEqual({ 'a.js': 'A2', 'c.js': 'C', 'src/a.js': 'SA' });
    expect(base.with('a.js', 'A')).toBe(base);
    expect(base.without('missing.js')).toBe(base);
  });

  it('is frozen and its toRecord is a copy', () => {
    expect(Object.isFrozen(base)).toBe(true);
    const record = base.toRecord();
    record['a.js'] = 'mutated';
    expect(base.get('a.js')).toBe('A');
    expect(Object.isFrozen(base.paths())).toBe(true);
  });

  it('keeps a __proto__ file as an ordinary key', () => {
    const s = Snapshot.fromEntries([['__proto__', 'x']]);
    expect(s.toRecord()).toHaveProperty('__proto__', 'x');
    expect(Object.getPrototypeOf(s.toRecord())).toBe(Object.prototype);
  });

  it('rejects non-string contents', () => {
    expect(() => createSnapshot({ 'a.js': 3 as unknown as string })).toThrow(/must be a string/);
  });

  it('compares by content, and ids follow equality', () => {
    const same = createSnapshot({ 'src/a.js': 'SA', 'src/b.js': 'B', 'a.js': 'A' });
    expect(base.equals(same)).toBe(true);
    expect(base.id()).toBe(same.id());
    const other = base.with('a.js', 'A!');
    expect(base.equals(other)).toBe(false);
    expect(base.id()).not.toBe(other.id());
    expect(base.equals(base.without('a.js'))).toBe(false);
    // Moving text between path and content must change the id.
    expect(createSnapshot({ ab: 'c' }).id()).not.toBe(createSnapshot({ a: 'bc' }).id());
    expect(Snapshot.empty().id()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives equal ids to equal snapshots built in any order (property)', () => {
    const files = fc.dictionary(fc.constantFrom('a', 'b', 'c/d', 'e.js'), fc.string(), {
      maxKeys: 4,
    });
    fc.assert(
      fc.property(files, (record) => {
        const forward = createSnapshot(record);
        const backward = Snapshot.fromEntries(Object.entries(record).reverse());
        expect(forward.equals(backward)).toBe(true);
        expect(forward.id()).toBe(backward.id());
      }),
    );
  });
});

describe('Fnv64', () => {
  it('matches the published FNV-1a 64-bit test vectors for ASCII', () => {
    expect(new Fnv64().hex()).toBe('cbf29ce484222325');
    expect(new Fnv64().update('a').hex()).toBe('af63dc4c8601ec8c');
    expect(new Fnv64().update('foobar').hex()).toBe('85944171f73967e8');
    expect(new Fnv64().update('foo').update('bar').hex()).toBe('85944171f73967e8');
  });
});
