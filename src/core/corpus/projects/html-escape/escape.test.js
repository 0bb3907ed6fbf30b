import { escapeAttribute, escapeHtml, stripTags, unescapeHtml } from './escape.js';

describe('escapeHtml', () => {
  it('escapes all five special characters', () => {
    expect(escapeHtml('&')).toBe('&amp;');
    expect(escapeHtml('<')).toBe('&lt;');
    expect(escapeHtml('>')).toBe('&gt;');
    expect(escapeHtml('"')).toBe('&quot;');
    expect(escapeHtml("'")).toBe('&#39;');
  });
  it('escapes every occurrence in a mixed string', () => {
    expect(escapeHtml('<a href="x">Tom & Jerry</a>')).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
  });
  it('leaves plain text and the empty string alone', () => {
    expect(escapeHtml('hello world')).toBe('hello world');
    expect(escapeHtml('')).toBe('');
  });
  it('escapes an existing entity again', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
  it('rejects non-strings', () => {
    expect(() => escapeHtml(42)).toThrow('expected a string');
    expect(() => unescapeHtml(null)).toThrow('expected a string');
  });
});

describe('escapeAttribute', () => {
  it('escapes quotes, backticks and equals signs', () => {
    expect(escapeAttribute('a=`b`')).toBe('a&#61;&#96;b&#96;');
    expect(escapeAttribute('"x"')).toBe('&quot;x&quot;');
  });
});

describe('unescapeHtml', () => {
  it('decodes named and numeric entities', () => {
    expect(unescapeHtml('&lt;b&gt; &amp;lt; &#65;')).toBe('<b> &lt; A');
    expect(unescapeHtml('&quot;&apos;&#x41;&#x6a;')).toBe('"\'Aj');
  });
  it('leaves unknown or invalid entities untouched', () => {
    expect(unescapeHtml('&nbsp; &#0; &#x110000;')).toBe('&nbsp; &#0; &#x110000;');
    expect(unescapeHtml('a & b')).toBe('a & b');
  });
  it('accepts the largest code point', () => {
    expect(unescapeHtml('&#x10ffff;')).toBe(String.fromCodePoint(0x10ffff));
    expect(unescapeHtml('&#1;')).toBe('\u0001');
    expect(unescapeHtml('&#10;&#09;')).toBe('\n\t');
  });
  it('round-trips escapeHtml', () => {
    const s = '<p class="q">It\'s & done</p>';
    expect(unescapeHtml(escapeHtml(s))).toBe(s);
  });
});

describe('stripTags', () => {
  it('removes tags and keeps text', () => {
    expect(stripTags('<p>Hi <b>there</b></p>')).toBe('Hi there');
    expect(stripTags('<br/>a<img src="x">b')).toBe('ab');
  });
  it('keeps text without tags', () => {
    expect(stripTags('2 + 2 = 4')).toBe('2 + 2 = 4');
    expect(stripTags('')).toBe('');
  });
});

describe('security', () => {
  it('drops script and style content', () => {
    expect(stripTags('a<script>alert(1)</script>b')).toBe('ab');
    expect(stripTags('<STYLE type="text/css">p{}</style >x')).toBe('x');
  });
  it('removes tags rebuilt from nested fragments', () => {
    expect(stripTags('<scr<script>x</script>ipt>alert(1)</script>')).toBe('alert(1)');
    expect(stripTags('<<b>img src=x onerror=alert(1)>')).toBe('');
  });
  it('removes stray angle brackets', () => {
    expect(stripTags('1 < 2 > 0')).toBe('1  2  0');
  });
  it('neutralises an attribute breakout', () => {
    expect(escapeAttribute('" onmouseover="alert(1)')).toBe(
      '&quot; onmouseover&#61;&quot;alert(1)',
    );
  });
  it('does not double-decode', () => {
    expect(unescapeHtml('&amp;lt;script&amp;gt;')).toBe('&lt;script&gt;');
  });
});
