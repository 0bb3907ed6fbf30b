import { bump, comparePrerelease, compareVersions, parseVersion } from './version.js';

describe('parseVersion', () => {
  it('parses the three numbers', () => {
    expect(parseVersion('1.2.3')).toEqual({ major: 1, minor: 2, patch: 3, prerelease: [] });
    expect(parseVersion('0.0.0')).toEqual({ major: 0, minor: 0, patch: 0, prerelease: [] });
    expect(parseVersion('10.20.30').minor).toBe(20);
  });
  it('accepts a leading v and surrounding spaces', () => {
    expect(parseVersion(' v2.0.1 ').major).toBe(2);
  });
  it('parses prerelease ids, numbers as numbers', () => {
    expect(parseVersion('v1.2.3-beta.2+sha.5')).toEqual({
      major: 1,
      minor: 2,
      patch: 3,
      prerelease: ['beta', 2],
    });
    expect(parseVersion('1.0.0-0.x-y').prerelease).toEqual([0, 'x-y']);
    expect(parseVersion('1.0.0-01a').prerelease).toEqual(['01a']);
  });
  it('ignores build metadata', () => {
    expect(parseVersion('1.0.0+build-7')).toEqual({ major: 1, minor: 0, patch: 0, prerelease: [] });
  });
  it('rejects the wrong number of parts', () => {
    expect(() => parseVersion('1.2')).toThrow('version needs three numbers: 1.2');
    expect(() => parseVersion('1.2.3.4')).toThrow('three numbers');
  });
  it('rejects leading zeros, signs and empty numbers', () => {
    expect(() => parseVersion('01.2.3')).toThrow('invalid major in version: 01.2.3');
    expect(() => parseVersion('1.-2.3')).toThrow(Error);
    expect(() => parseVersion('1.2.x')).toThrow('invalid patch');
    expect(() => parseVersion('1..3')).toThrow('invalid minor');
    expect(() => parseVersion('-1.2.3')).toThrow('version needs three numbers');
    expect(() => parseVersion('+1.2.3')).toThrow('version needs three numbers');
  });
  it('rejects empty or bad prerelease ids', () => {
    expect(() => parseVersion('1.2.3-')).toThrow('invalid prerelease');
    expect(() => parseVersion('1.2.3-a..b')).toThrow('invalid prerelease');
    expect(() => parseVersion('1.2.3-a_b')).toThrow('invalid prerelease');
  });
  it('rejects non-strings', () => {
    expect(() => parseVersion(1)).toThrow('version must be a string');
  });
});

describe('comparePrerelease', () => {
  it('ranks a release above any prerelease', () => {
    expect(comparePrerelease([], ['rc'])).toBe(1);
    expect(comparePrerelease(['rc'], [])).toBe(-1);
    expect(comparePrerelease([], [])).toBe(0);
  });
  it('compares numbers numerically and strings by code order', () => {
    expect(comparePrerelease([2], [10])).toBe(-1);
    expect(comparePrerelease(['beta'], ['alpha'])).toBe(1);
    expect(comparePrerelease([10], [2])).toBe(1);
    expect(comparePrerelease(['alpha'], ['beta'])).toBe(-1);
    expect(comparePrerelease(['a', 3], ['a', 3])).toBe(0);
  });
  it('ranks numbers below strings', () => {
    expect(comparePrerelease(['alpha', 1], ['alpha', 'beta'])).toBe(-1);
    expect(comparePrerelease(['x'], [9])).toBe(1);
  });
  it('ranks a longer list above its own prefix', () => {
    expect(comparePrerelease(['alpha'], ['alpha', 1])).toBe(-1);
    expect(comparePrerelease(['alpha', 1], ['alpha'])).toBe(1);
  });
});

describe('compareVersions', () => {
  it('compares numerically, most significant part first', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('1.2.3', '2.0.0')).toBe(-1);
    expect(compareVersions('1.2.3', '1.2.4')).toBe(-1);
    expect(compareVersions('3.0.0', '2.9.9')).toBe(1);
    expect(compareVersions('1.3.0', '1.2.9')).toBe(1);
  });
  it('treats equal versions as 0, ignoring v and build', () => {
    expect(compareVersions('v1.2.3', '1.2.3+b')).toBe(0);
  });
  it('follows prerelease precedence', () => {
    expect(compareVersions('1.0.0-alpha', '1.0.0')).toBe(-1);
    expect(compareVersions('1.0.0-rc.1', '1.0.0-beta.11')).toBe(1);
    expect(compareVersions('1.0.0-beta.2', '1.0.0-beta.11')).toBe(-1);
  });
});

describe('bump', () => {
  it('bumps each part and resets the lower ones', () => {
    expect(bump('1.4.9', 'major')).toBe('2.0.0');
    expect(bump('1.4.9', 'minor')).toBe('1.5.0');
    expect(bump('1.4.9', 'patch')).toBe('1.4.10');
  });
  it('drops the prerelease', () => {
    expect(bump('1.4.9-rc.1', 'minor')).toBe('1.5.0');
    expect(bump('0.9.0-rc', 'major')).toBe('1.0.0');
    expect(bump('1.4.9-rc.1', 'patch')).toBe('1.4.9');
    expect(bump('1.4.9-rc', 'patch')).toBe('1.4.9');
  });
  it('rejects an unknown part', () => {
    expect(() => bump('1.0.0', 'build')).toThrow('unknown part: build');
  });
});
