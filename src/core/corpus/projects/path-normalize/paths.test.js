import { extname, isWithin, joinPaths, normalizePath, resolveWithin } from './paths.js';

describe('normalizePath', () => {
  it('collapses slashes, dots and parent segments', () => {
    expect(normalizePath('/a//b/./c/../d/')).toBe('/a/b/d');
    expect(normalizePath('a/./b')).toBe('a/b');
  });
  it('keeps the root for absolute paths', () => {
    expect(normalizePath('/')).toBe('/');
    expect(normalizePath('/a/..')).toBe('/');
    expect(normalizePath('//')).toBe('/');
  });
  it('does not go above / for absolute paths', () => {
    expect(normalizePath('/../x')).toBe('/x');
    expect(normalizePath('/a/../../b')).toBe('/b');
  });
  it('keeps leading .. for relative paths', () => {
    expect(normalizePath('../a')).toBe('../a');
    expect(normalizePath('a/../../b')).toBe('../b');
    expect(normalizePath('../../x/..')).toBe('../..');
  });
  it('returns . for empty relative results', () => {
    expect(normalizePath('')).toBe('.');
    expect(normalizePath('a/..')).toBe('.');
    expect(normalizePath('./')).toBe('.');
  });
  it('keeps names that merely contain dots', () => {
    expect(normalizePath('a/...b/..c')).toBe('a/...b/..c');
  });
  it('rejects non-strings', () => {
    expect(() => normalizePath(5)).toThrow(TypeError);
  });
});

describe('joinPaths', () => {
  it('joins and normalises', () => {
    expect(joinPaths('a', 'b/', '../c')).toBe('a/c');
    expect(joinPaths('/usr', 'lib', 'x.so')).toBe('/usr/lib/x.so');
  });
  it('skips empty segments', () => {
    expect(joinPaths('', 'a', '')).toBe('a');
    expect(joinPaths()).toBe('.');
    expect(joinPaths('', '')).toBe('.');
  });
  it('rejects non-string segments', () => {
    expect(() => joinPaths('a', null)).toThrow('segment must be a string');
  });
});

describe('isWithin', () => {
  it('accepts the root itself and its descendants', () => {
    expect(isWithin('/srv/app', '/srv/app')).toBe(true);
    expect(isWithin('/srv/app', '/srv/app/a/b')).toBe(true);
    expect(isWithin('/srv/app/', '/srv/app/x')).toBe(true);
  });
  it('treats / as containing everything', () => {
    expect(isWithin('/', '/etc')).toBe(true);
  });
  it('rejects relative inputs', () => {
    expect(() => isWithin('srv', '/srv')).toThrow('absolute');
    expect(() => isWithin('/srv', 'srv')).toThrow(Error);
  });
});

describe('extname', () => {
  it('returns the last extension', () => {
    expect(extname('/a/b.tar.gz')).toBe('.gz');
    expect(extname('file.js')).toBe('.js');
    expect(extname('a.js')).toBe('.js');
  });
  it('returns empty for no extension and dotfiles', () => {
    expect(extname('/a/README')).toBe('');
    expect(extname('/a/.bashrc')).toBe('');
    expect(extname('/a.b/c')).toBe('');
  });
  it('handles a trailing dot', () => {
    expect(extname('name.')).toBe('.');
  });
});

describe('resolveWithin', () => {
  it('resolves relative paths under the root', () => {
    expect(resolveWithin('/srv/app', 'img/../logo.png')).toBe('/srv/app/logo.png');
    expect(resolveWithin('/srv/app/', './a//b')).toBe('/srv/app/a/b');
  });
  it('allows resolving to the root itself', () => {
    expect(resolveWithin('/srv/app', '')).toBe('/srv/app');
    expect(resolveWithin('/srv/app', 'a/..')).toBe('/srv/app');
  });
  it('requires an absolute root', () => {
    expect(() => resolveWithin('srv', 'a')).toThrow('root must be absolute');
  });
});

describe('security', () => {
  it('rejects parent-directory escapes', () => {
    expect(() => resolveWithin('/srv/app', '../etc/passwd')).toThrow('path escapes root');
    expect(() => resolveWithin('/srv/app', 'a/../../secret')).toThrow('path escapes root');
    expect(() => resolveWithin('/srv/app', '..')).toThrow(Error);
  });
  it('rejects escapes hidden after deeper segments', () => {
    expect(() => resolveWithin('/srv/app', 'a/b/../../../../etc')).toThrow('escapes');
  });
  it('rejects absolute user paths', () => {
    expect(() => resolveWithin('/srv/app', '/etc/passwd')).toThrow(
      'absolute paths are not allowed',
    );
  });
  it('does not confuse a sibling directory with the same prefix', () => {
    expect(isWithin('/srv/app', '/srv/app-old/x')).toBe(false);
    expect(isWithin('/srv/app', '/srv/ap')).toBe(false);
    expect(() => resolveWithin('/srv/app', '../app-old/x')).toThrow('escapes');
  });
  it('normalises before checking containment', () => {
    expect(isWithin('/srv/app', '/srv/app/../etc')).toBe(false);
  });
  it('rejects NUL bytes', () => {
    expect(() => resolveWithin('/srv/app', 'a.txt\0.png')).toThrow('NUL');
    expect(() => normalizePath('/a\0b')).toThrow('NUL');
  });
  it('does not decode percent-encoded dots', () => {
    expect(resolveWithin('/srv/app', '%2e%2e/x')).toBe('/srv/app/%2e%2e/x');
  });
});
