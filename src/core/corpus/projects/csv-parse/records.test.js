import { FORMULA_CHARS, checkHeader, fromRecords, sanitizeCell, toRecords } from './records.js';

describe('toRecords', () => {
  it('maps rows onto the header', () => {
    expect(toRecords('name,age\nann,31\nbob,27', ',')).toEqual([
      { name: 'ann', age: '31' },
      { name: 'bob', age: '27' },
    ]);
  });
  it('creates exactly one property per column', () => {
    const [rec] = toRecords('x,y\n1,2');
    expect(Object.keys(rec)).toEqual(['x', 'y']);
  });
  it('returns [] for empty text and for a header alone', () => {
    expect(toRecords('')).toEqual([]);
    expect(toRecords('a,b\n')).toEqual([]);
  });
  it('uses the custom delimiter and quoted values', () => {
    expect(toRecords('k;v\nx;"1;2"', ';')).toEqual([{ k: 'x', v: '1;2' }]);
  });
  it('reports rows with the wrong number of fields, counting lines from 1', () => {
    expect(() => toRecords('a,b\n1,2\n3')).toThrow('row 3 has 1 fields, expected 2');
    expect(() => toRecords('a\n1,2')).toThrow(RangeError);
  });
  it('accepts the last row when its field count is exact', () => {
    expect(toRecords('a,b\n1,2\n3,4')).toHaveLength(2);
  });
});

describe('checkHeader', () => {
  it('accepts distinct non-empty names', () => {
    expect(checkHeader(['id', 'name'])).toBe(true);
    expect(checkHeader([])).toBe(true);
  });
  it('rejects empty and duplicate names with their position', () => {
    expect(() => checkHeader(['a', ''])).toThrow('column 2 has an empty name');
    expect(() => checkHeader(['a', 'b', 'a'])).toThrow('duplicate column name: a');
  });
});

describe('sanitizeCell', () => {
  it('leaves safe values alone', () => {
    expect(sanitizeCell('hello')).toBe('hello');
    expect(sanitizeCell('')).toBe('');
    expect(sanitizeCell(-5)).toBe(-5);
    expect(sanitizeCell('a=b')).toBe('a=b');
  });
});

describe('fromRecords', () => {
  it('writes a header and one row per record', () => {
    expect(fromRecords([{ a: 1, b: 'x' }, { a: 2 }], ['a', 'b'], ',')).toBe('a,b\n1,x\n2,');
  });
  it('writes only the requested columns, in order', () => {
    expect(fromRecords([{ a: 1, b: 2, c: 3 }], ['c', 'a'])).toBe('c,a\n3,1');
  });
  it('round-trips with toRecords', () => {
    const recs = [
      { id: '1', note: 'a, "b"' },
      { id: '2', note: '' },
    ];
    expect(toRecords(fromRecords(recs, ['id', 'note']))).toEqual(recs);
  });
  it('validates the columns', () => {
    expect(() => fromRecords([], ['x', 'x'])).toThrow('duplicate');
  });
});

describe('security', () => {
  it('prefixes every formula trigger character', () => {
    for (const ch of FORMULA_CHARS) {
      expect(sanitizeCell(ch + 'cmd')).toBe("'" + ch + 'cmd');
    }
    expect(sanitizeCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(FORMULA_CHARS).toHaveLength(6);
  });
  it('sanitizes formula cells when writing records', () => {
    const csv = fromRecords([{ a: '=HYPERLINK("http://x")' }], ['a']);
    expect(csv).toBe('a\n"\'=HYPERLINK(""http://x"")"');
  });
  it('refuses column names that reach Object.prototype', () => {
    expect(() => toRecords('__proto__\n1')).toThrow('forbidden column name: __proto__');
    expect(() => checkHeader(['constructor'])).toThrow('forbidden');
    expect(() => checkHeader(['prototype'])).toThrow('forbidden');
    expect({}.polluted).toBeUndefined();
  });
  it('ignores inherited properties when writing records', () => {
    expect(fromRecords([{}], ['toString'])).toBe('toString\n');
  });
});
