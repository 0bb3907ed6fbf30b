import { isWordChar, sentences, words } from './tokenize.js';

describe('isWordChar', () => {
  it('accepts ASCII letters, digits and accented letters', () => {
    for (const ch of ['a', 'Z', '0', '9', 'é', 'ß', 'Ж']) {
      expect(isWordChar(ch)).toBe(true);
    }
  });
  it('rejects punctuation, spaces and neighbours of the digit range', () => {
    for (const ch of [' ', '.', "'", '-', '/', ':', '_']) {
      expect(isWordChar(ch)).toBe(false);
    }
  });
});

describe('words', () => {
  it('lowercases words and drops punctuation', () => {
    expect(words('Hello, World 42!')).toEqual(['hello', 'world', '42']);
    expect(words('one-two_three')).toEqual(['one', 'two', 'three']);
  });
  it('keeps apostrophes between letters only', () => {
    expect(words("It's 2 o'clock")).toEqual(["it's", '2', "o'clock"]);
    expect(words("'quoted' dogs'")).toEqual(['quoted', 'dogs']);
    expect(words("a '' b")).toEqual(['a', 'b']);
    expect(words("x'")).toEqual(['x']);
    expect(words("x'y")).toEqual(["x'y"]);
  });
  it('keeps the last word at the end of the text', () => {
    expect(words('end')).toEqual(['end']);
    expect(words('a b')).toEqual(['a', 'b']);
  });
  it('returns [] for text without words', () => {
    expect(words('')).toEqual([]);
    expect(words(' ... !! ')).toEqual([]);
  });
  it('handles accented words', () => {
    expect(words('Café CRÈME')).toEqual(['café', 'crème']);
  });
  it('rejects non-strings', () => {
    expect(() => words(null)).toThrow('text must be a string');
  });
});

describe('sentences', () => {
  it('splits at end marks followed by a space or the end', () => {
    expect(sentences('Hi there. How are you? Fine!')).toEqual([
      'Hi there.',
      'How are you?',
      'Fine!',
    ]);
  });
  it('does not split when no whitespace follows the mark', () => {
    expect(sentences('Hi there. How are you?I am fine!')).toEqual([
      'Hi there.',
      'How are you?I am fine!',
    ]);
    expect(sentences('Pi is 3.14 today.')).toEqual(['Pi is 3.14 today.']);
  });
  it('splits after newlines and tabs', () => {
    expect(sentences('One.\nTwo!\tThree?')).toEqual(['One.', 'Two!', 'Three?']);
  });
  it('keeps a final sentence without an end mark', () => {
    expect(sentences('Done. Not quite')).toEqual(['Done.', 'Not quite']);
    expect(sentences('no marks at all')).toEqual(['no marks at all']);
    expect(sentences('Done. X')).toEqual(['Done.', 'X']);
  });
  it('keeps runs of marks together and drops blank pieces', () => {
    expect(sentences('What?! Yes... ok')).toEqual(['What?!', 'Yes...', 'ok']);
    expect(sentences('. . Hi.')).toEqual(['.', '.', 'Hi.']);
  });
  it('returns [] for blank text', () => {
    expect(sentences('')).toEqual([]);
    expect(sentences('   ')).toEqual([]);
    expect(() => sentences(5)).toThrow('text must be a string');
  });
});
