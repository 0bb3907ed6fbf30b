import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstTokenFrom, replaceToken, tokenIndexAt, tokenize, tryTokenize } from './tokens';

describe('tokenize', () => {
  it('classifies tokens and keeps their exact text and positions', () => {
    const source = "const a = 0x1F + b; // note\nif (a >= 2) return 'x';";
    const tokens = tokenize(source);
    expect(tokens.map((t) => [t.type, t.value])).toEqual([
      ['keyword', 'const'],
      ['name', 'a'],
      ['punct', '='],
      ['num', '0x1F'],
      ['punct', '+'],
      ['name', 'b'],
      ['punct', ';'],
      ['keyword', 'if'],
      ['punct', '('],
      ['name', 'a'],
      ['punct', '>='],
      ['num', '2'],
      ['punct', ')'],
      ['keyword', 'return'],
      ['string', "'x'"],
      ['punct', ';'],
    ]);
    for (const t of tokens) expect(source.slice(t.start, t.end)).toBe(t.value);
    const ifToken = tokens[7];
    expect(ifToken).toMatchObject({ line: 2, col: 0 });
    expect(tokens[3]).toMatchObject({ line: 1, col: 10 });
  });

  it('drops comments, splits templates and recognises regular expressions', () => {
    const tokens = tokenize('/* c */ x = `a${b}` + /re+/g.exec(s) / 2;');
    expect(tokens.map((t) => `${t.type}:${t.value}`)).toEqual([
      'name:x',
      'punct:=',
      'punct:`',
      'template:a',
      'punct:${',
      'name:b',
      'punct:}',
      'punct:`',
      'punct:+',
      'regexp:/re+/g',
      'punct:.',
      'name:exec',
      'punct:(',
      'name:s',
      'punct:)',
      'punct:/',
      'num:2',
      'punct:;',
    ]);
  });

  it('marks private names and treats contextual words as names', () => {
    const types = tokenize('class A { #p = 1; } let of = async').map((t) => t.type);
    expect(types).toEqual([
      'keyword',
      'name',
      'punct',
      'privateName',
      'punct',
      'num',
      'punct',
      'punct',
      'name',
      'name',
      'punct',
      'name',
    ]);
  });

  it('throws on untokenizable text and tryTokenize returns null', () => {
    expect(() => tokenize("'open")).toThrow(SyntaxError);
    expect(tryTokenize("'open")).toBeNull();
    expect(tryTokenize('a')).toHaveLength(1);
  });
});

describe('replaceToken', () => {
  it('replaces one token and leaves the rest byte-identical', () => {
    const source = 'if (a < b) {\n  return a;\n}\n';
    const tokens = tokenize(source);
    const index = tokens.findIndex((t) => t.value === '<');
    expect(replaceToken(source, tokens, index, '<=')).toBe('if (a <= b) {\n  return a;\n}\n');
  });

  it('rejects an index out of range', () => {
    const tokens = tokenize('a + b');
    expect(() => replaceToken('a + b', tokens, 3, 'x')).toThrow(RangeError);
    expect(() => replaceToken('a + b', tokens, -1, 'x')).toThrow(RangeError);
  });

  it('round-trips: replacing a token with its own text is the identity', () => {
    const pieces = ['a', '1', "'s'", '+', '(', ')', ' ', '\n', '[', ']', ',', 'b', '.', 'c'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.nat(), (parts, k) => {
        const source = parts.join('');
        const tokens = tryTokenize(source);
        if (tokens === null || tokens.length === 0) return;
        const i = k % tokens.length;
        const token = tokens[i]!;
        expect(replaceToken(source, tokens, i, token.value)).toBe(source);
        const edited = replaceToken(source, tokens, i, 'zz');
        expect(edited.slice(0, token.start)).toBe(source.slice(0, token.start));
        expect(edited.slice(token.start + 2)).toBe(source.slice(token.end));
      }),
    );
  });
});

describe('token lookup', () => {
  it('finds tokens by start offset', () => {
    const tokens = tokenize('ab + cd');
    expect(tokenIndexAt(tokens, 5)).toBe(2);
    expect(tokenIndexAt(tokens, 4)).toBe(-1);
    expect(firstTokenFrom(tokens, 3)).toBe(1);
    expect(firstTokenFrom(tokens, 99)).toBe(3);
  });
});
