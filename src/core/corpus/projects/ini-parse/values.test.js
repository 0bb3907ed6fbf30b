import { formatValue, parseValue, stripComment } from './values.js';

describe('stripComment', () => {
  it('removes comments after a space or tab', () => {
    expect(stripComment('port = 80 ; http')).toBe('port = 80');
    expect(stripComment('port = 80\t# http')).toBe('port = 80');
  });
  it('treats a leading ; or # as a full-line comment', () => {
    expect(stripComment('; note')).toBe('');
    expect(stripComment('#note')).toBe('');
  });
  it('keeps ; and # glued to a value', () => {
    expect(stripComment('color=#ff0000')).toBe('color=#ff0000');
    expect(stripComment('url = a;b')).toBe('url = a;b');
    expect(stripComment('list = a; b')).toBe('list = a; b');
    expect(stripComment('x = 1 ;c')).toBe('x = 1');
  });
  it('ignores comment characters inside quotes, even after escaped quotes', () => {
    expect(stripComment('msg = "a ; b" ; c')).toBe('msg = "a ; b"');
    expect(stripComment('msg = "x \\" ; y" # z')).toBe('msg = "x \\" ; y"');
  });
  it('right-trims lines without comments', () => {
    expect(stripComment('key = v   ')).toBe('key = v');
    expect(stripComment('')).toBe('');
  });
});

describe('parseValue', () => {
  it('reads integers and decimals, including negative ones', () => {
    expect(parseValue('42')).toBe(42);
    expect(parseValue(' -3.5 ')).toBe(-3.5);
    expect(parseValue('0')).toBe(0);
  });
  it('keeps number-like text that is not a plain number as a string', () => {
    expect(parseValue('007')).toBe('007');
    expect(parseValue('1e3')).toBe('1e3');
    expect(parseValue('1.')).toBe('1.');
    expect(parseValue('+1')).toBe('+1');
  });
  it('reads true and false, case-sensitively', () => {
    expect(parseValue('true')).toBe(true);
    expect(parseValue('false')).toBe(false);
    expect(parseValue('True')).toBe('True');
  });
  it('unquotes and unescapes quoted strings', () => {
    expect(parseValue(' "a \\"b\\"" ')).toBe('a "b"');
    expect(parseValue('"42"')).toBe('42');
    expect(parseValue('"line\\nbreak"')).toBe('line\nbreak');
    expect(parseValue('"back\\\\slash"')).toBe('back\\slash');
    expect(parseValue('"\\\\n"')).toBe('\\n');
    expect(parseValue('""')).toBe('');
  });
  it('leaves a lone or unbalanced quote as text', () => {
    expect(parseValue('"')).toBe('"');
    expect(parseValue('"abc')).toBe('"abc');
  });
  it('trims plain strings', () => {
    expect(parseValue('  hello world ')).toBe('hello world');
    expect(parseValue('')).toBe('');
  });
});

describe('formatValue', () => {
  it('writes numbers and booleans as text', () => {
    expect(formatValue(8080)).toBe('8080');
    expect(formatValue(-0.5)).toBe('-0.5');
    expect(formatValue(false)).toBe('false');
  });
  it('writes plain strings bare', () => {
    expect(formatValue('hello world')).toBe('hello world');
    expect(formatValue('')).toBe('');
  });
  it('quotes strings that would read back as another type or lose characters', () => {
    expect(formatValue('42')).toBe('"42"');
    expect(formatValue('true')).toBe('"true"');
    expect(formatValue(' pad')).toBe('" pad"');
    expect(formatValue('a;b')).toBe('"a;b"');
    expect(formatValue('a#b')).toBe('"a#b"');
  });
  it('escapes quotes, backslashes and newlines', () => {
    expect(formatValue('say "hi"')).toBe('"say \\"hi\\""');
    expect(formatValue('c:\\dir')).toBe('"c:\\\\dir"');
    expect(formatValue('two\nlines')).toBe('"two\\nlines"');
  });
  it('round-trips through parseValue', () => {
    for (const v of ['42', 'x "q" \\ y', ' lead', 'a\nb', 'true', 3, true, '"']) {
      expect(parseValue(formatValue(v))).toBe(v);
    }
  });
  it('rejects other types and non-finite numbers', () => {
    expect(() => formatValue(null)).toThrow('values must be numbers, booleans or strings');
    expect(() => formatValue([1])).toThrow(TypeError);
    expect(() => formatValue(Infinity)).toThrow(RangeError);
    expect(() => formatValue(NaN)).toThrow('non-finite');
  });
});
