import { defaultPort, isSafeLink, parseQuery, parseUrl } from './url.js';

describe('defaultPort', () => {
  it('knows common schemes', () => {
    expect(defaultPort('http')).toBe(80);
    expect(defaultPort('https')).toBe(443);
    expect(defaultPort('ftp')).toBe(21);
  });
  it('returns null for unknown and inherited names', () => {
    expect(defaultPort('gopher')).toBeNull();
    expect(defaultPort('toString')).toBeNull();
  });
});

describe('parseUrl', () => {
  it('parses every part', () => {
    expect(parseUrl('HTTP://Example.com:8080/a?b=1#top')).toEqual({
      scheme: 'http',
      host: 'example.com',
      port: 8080,
      path: '/a',
      query: 'b=1',
      fragment: 'top',
    });
  });
  it('fills in the default port and root path', () => {
    expect(parseUrl('https://example.com')).toEqual({
      scheme: 'https',
      host: 'example.com',
      port: 443,
      path: '/',
      query: '',
      fragment: '',
    });
  });
  it('handles a query or fragment right after the host', () => {
    const u = parseUrl('http://h?x=1#f');
    expect(u.host).toBe('h');
    expect(u.path).toBe('/');
    expect(u.query).toBe('x=1');
    expect(u.fragment).toBe('f');
  });
  it('keeps a ? inside the fragment', () => {
    const u = parseUrl('http://h/p#a?b');
    expect(u.query).toBe('');
    expect(u.fragment).toBe('a?b');
  });
  it('parses URLs without an authority', () => {
    expect(parseUrl('mailto:ada@example.org')).toEqual({
      scheme: 'mailto',
      host: '',
      port: null,
      path: 'ada@example.org',
      query: '',
      fragment: '',
    });
  });
  it('accepts a one-letter scheme', () => {
    expect(parseUrl('a:x').scheme).toBe('a');
    expect(parseUrl('a:x').path).toBe('x');
  });
  it('parses IPv6 hosts', () => {
    expect(parseUrl('http://[::1]:3000/x').host).toBe('[::1]');
    expect(parseUrl('http://[::1]:3000/x').port).toBe(3000);
    expect(parseUrl('http://[::1]/').port).toBe(80);
    expect(() => parseUrl('http://[::1/')).toThrow('unterminated');
  });
  it('accepts the port limits and rejects others', () => {
    expect(parseUrl('http://h:1/').port).toBe(1);
    expect(parseUrl('http://h:65535/').port).toBe(65535);
    expect(() => parseUrl('http://h:0/')).toThrow(RangeError);
    expect(() => parseUrl('http://h:65536/')).toThrow('invalid port: 65536');
    expect(() => parseUrl('http://h:8a/')).toThrow(RangeError);
  });
  it('rejects missing schemes or hosts', () => {
    expect(() => parseUrl('//example.com')).toThrow('scheme');
    expect(() => parseUrl('1http://x')).toThrow('scheme');
    expect(() => parseUrl('http:///path')).toThrow('missing host');
    expect(() => parseUrl(null)).toThrow('url must be a string');
    expect(() => parseQuery(null)).toThrow('query must be a string');
  });
});

describe('parseQuery', () => {
  it('decodes pairs in order', () => {
    expect(parseQuery('a=1&b=x+y&c')).toEqual([
      ['a', '1'],
      ['b', 'x y'],
      ['c', ''],
    ]);
  });
  it('percent-decodes and keeps = inside values', () => {
    expect(parseQuery('q=a%26b&eq=1=2')).toEqual([
      ['q', 'a&b'],
      ['eq', '1=2'],
    ]);
  });
  it('skips empty parts and a leading ?', () => {
    expect(parseQuery('?a=1&&b=2&')).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
    expect(parseQuery('')).toEqual([]);
  });
  it('keeps repeated keys', () => {
    expect(parseQuery('t=1&t=2')).toEqual([
      ['t', '1'],
      ['t', '2'],
    ]);
  });
});

describe('security', () => {
  it('takes the host after the last @, not the userinfo', () => {
    const u = parseUrl('http://trusted.com@evil.com/login');
    expect(u.host).toBe('evil.com');
    expect(parseUrl('http://a@b@evil.com:81/').host).toBe('evil.com');
    expect(parseUrl('http://a@b@evil.com:81/').port).toBe(81);
  });
  it('rejects javascript: links in any case or spacing', () => {
    expect(isSafeLink('javascript:alert(1)')).toBe(false);
    expect(isSafeLink('  JaVaScRiPt:alert(1)')).toBe(false);
    expect(isSafeLink('java\tscript:alert(1)')).toBe(false);
    expect(isSafeLink('java\nscript:alert(1)')).toBe(false);
    expect(isSafeLink('\u0000javascript:alert(1)')).toBe(false);
  });
  it('rejects data: and vbscript: links', () => {
    expect(isSafeLink('data:text/html,<script>alert(1)</script>')).toBe(false);
    expect(isSafeLink('vbscript:msgbox')).toBe(false);
  });
  it('allows listed schemes and relative links', () => {
    expect(isSafeLink('https://example.com')).toBe(true);
    expect(isSafeLink('mailto:a@b.io')).toBe(true);
    expect(isSafeLink('/path/to?x=a:b')).toBe(true);
    expect(isSafeLink('page.html#a:b')).toBe(true);
    expect(isSafeLink('ftp://x', ['http'])).toBe(false);
  });
  it('treats non-strings as unsafe', () => {
    expect(isSafeLink(null)).toBe(false);
    expect(isSafeLink(':alert(1)')).toBe(false);
  });
});
