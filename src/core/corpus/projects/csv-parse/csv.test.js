import { formatCsv, formatField, parseCsv, readQuoted } from './csv.js';

describe('parseCsv', () => {
  it('splits simple rows and fields', () => {
    expect(parseCsv('a,b,c\n1,2,3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });
  it('reads quoted fields holding delimiters, quotes and newlines', () => {
    expect(parseCsv('a,"b,c"\n1,"say ""hi"""', ',')).toEqual([
      ['a', 'b,c'],
      ['1', 'say "hi"'],
    ]);
    expect(parseCsv('"line1\nline2",x')).toEqual([['line1\nline2', 'x']]);
  });
  it('keeps empty fields, including a quoted empty field', () => {
    expect(parseCsv('a,,c')).toEqual([['a', '', 'c']]);
    expect(parseCsv(',')).toEqual([['', '']]);
    expect(parseCsv('""')).toEqual([['']]);
    expect(parseCsv('x\n""\ny')).toEqual([['x'], [''], ['y']]);
  });
  it('handles CRLF, lone CR and a trailing newline', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a\rb')).toEqual([['a'], ['b']]);
    expect(parseCsv('a,b\n')).toEqual([['a', 'b']]);
  });
  it('skips blank lines and returns [] for empty text', () => {
    expect(parseCsv('a\n\n\nb')).toEqual([['a'], ['b']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\n\n')).toEqual([]);
  });
  it('keeps a trailing empty field before a newline', () => {
    expect(parseCsv('a,\nb,')).toEqual([
      ['a', ''],
      ['b', ''],
    ]);
  });
  it('uses a custom delimiter', () => {
    expect(parseCsv('a;b,c;"d;e"', ';')).toEqual([['a', 'b,c', 'd;e']]);
    expect(parseCsv('1\t2', '\t')).toEqual([['1', '2']]);
  });
  it('treats a quote inside an unquoted field as a literal', () => {
    expect(parseCsv('ab"c,d')).toEqual([['ab"c', 'd']]);
  });
  it('keeps spaces around fields', () => {
    expect(parseCsv(' a , b ')).toEqual([[' a ', ' b ']]);
  });
  it('reports an unterminated quote with its line', () => {
    expect(() => parseCsv('a\n"open,b')).toThrow('unterminated quoted field on line 2');
    expect(() => parseCsv('"x""')).toThrow('unterminated');
    expect(() => parseCsv('a\r\n"open')).toThrow('unterminated quoted field on line 2');
  });
  it('rejects text after a closing quote', () => {
    expect(() => parseCsv('"ab"c,d')).toThrow('unexpected character after closing quote on line 1');
    expect(parseCsv('"ab"\r\n"c"')).toEqual([['ab'], ['c']]);
  });
  it('rejects bad delimiters and non-string text', () => {
    expect(() => parseCsv('a', ';;')).toThrow('delimiter must be a single character');
    expect(() => parseCsv('a', '"')).toThrow('cannot be a quote or a line break');
    expect(() => parseCsv('a', '\n')).toThrow(Error);
    expect(() => parseCsv('a', '\r')).toThrow('line break');
    expect(() => parseCsv('a', [','])).toThrow(TypeError);
    expect(() => parseCsv(null)).toThrow('text must be a string');
  });
});

describe('readQuoted', () => {
  it('finds the closing quote after doubled quotes', () => {
    expect(readQuoted('"a""b",c', 1)).toBe(5);
    expect(readQuoted('"abc"', 1)).toBe(4);
    expect(readQuoted('""', 1)).toBe(1);
  });
  it('returns -1 when the quote never closes', () => {
    expect(readQuoted('"abc', 1)).toBe(-1);
    expect(readQuoted('"a""', 1)).toBe(-1);
  });
});

describe('formatField', () => {
  it('leaves plain values alone and stringifies numbers', () => {
    expect(formatField('abc')).toBe('abc');
    expect(formatField(12.5)).toBe('12.5');
    expect(formatField(false)).toBe('false');
  });
  it('turns null and undefined into empty fields', () => {
    expect(formatField(null)).toBe('');
    expect(formatField(undefined)).toBe('');
  });
  it('quotes delimiters, quotes, line breaks and edge spaces', () => {
    expect(formatField('say "hi"', ',')).toBe('"say ""hi"""');
    expect(formatField('a,b')).toBe('"a,b"');
    expect(formatField('a\nb')).toBe('"a\nb"');
    expect(formatField('a\rb')).toBe('"a\rb"');
    expect(formatField(' a')).toBe('" a"');
    expect(formatField('a ')).toBe('"a "');
  });
  it('quotes only for the delimiter in use', () => {
    expect(formatField('a,b', ';')).toBe('a,b');
    expect(formatField('a;b', ';')).toBe('"a;b"');
  });
});

describe('formatCsv', () => {
  it('joins fields and rows', () => {
    expect(
      formatCsv(
        [
          ['a', 'b c'],
          [1, 'x,y'],
        ],
        ',',
      ),
    ).toBe('a,b c\n1,"x,y"');
    expect(formatCsv([])).toBe('');
  });
  it('round-trips through parseCsv', () => {
    const rows = [
      ['id', 'text'],
      ['1', 'he said "no", twice\nthen left'],
      ['2', ''],
    ];
    expect(parseCsv(formatCsv(rows, ';'), ';')).toEqual(rows);
  });
  it('rejects bad delimiters', () => {
    expect(() => formatCsv([['a']], '')).toThrow(TypeError);
  });
});
