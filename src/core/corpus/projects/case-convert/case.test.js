import {
  SMALL_WORDS,
  camelCase,
  constantCase,
  kebabCase,
  pascalCase,
  snakeCase,
  titleCase,
} from './case.js';

describe('camelCase', () => {
  it('lowercases the first word and capitalizes the rest', () => {
    expect(camelCase('Hello big_world')).toBe('helloBigWorld');
    expect(camelCase('user_id')).toBe('userId');
  });
  it('normalizes acronyms and an uppercase first word', () => {
    expect(camelCase('XMLHttpRequest')).toBe('xmlHttpRequest');
    expect(camelCase('parse HTTP response')).toBe('parseHttpResponse');
  });
  it('returns an empty string for no words', () => {
    expect(camelCase('')).toBe('');
    expect(camelCase('--')).toBe('');
  });
});

describe('pascalCase', () => {
  it('capitalizes every word', () => {
    expect(pascalCase('user-id list')).toBe('UserIdList');
    expect(pascalCase('fooBar')).toBe('FooBar');
    expect(pascalCase('a')).toBe('A');
  });
});

describe('snakeCase', () => {
  it('joins lowercase words with underscores', () => {
    expect(snakeCase('parseHTTPResponse')).toBe('parse_http_response');
    expect(snakeCase('Max Value')).toBe('max_value');
    expect(snakeCase('already_snake')).toBe('already_snake');
  });
});

describe('kebabCase', () => {
  it('joins lowercase words with dashes', () => {
    expect(kebabCase('Max Value2')).toBe('max-value2');
    expect(kebabCase('someHTMLElement')).toBe('some-html-element');
  });
});

describe('constantCase', () => {
  it('joins uppercase words with underscores', () => {
    expect(constantCase('maxRetryCount')).toBe('MAX_RETRY_COUNT');
    expect(constantCase('api-v2 url')).toBe('API_V2_URL');
  });
});

describe('titleCase', () => {
  it('capitalizes words and keeps small words lowercase in the middle', () => {
    expect(titleCase('the lord_of the rings')).toBe('The Lord of the Rings');
    expect(titleCase('war AND peace')).toBe('War and Peace');
  });
  it('capitalizes a small word at the start or the end', () => {
    expect(titleCase('a tale of')).toBe('A Tale Of');
    expect(titleCase('of mice and men')).toBe('Of Mice and Men');
    expect(titleCase('to')).toBe('To');
  });
  it('treats every small word in the list', () => {
    for (const w of SMALL_WORDS) {
      expect(titleCase('x ' + w + ' y')).toBe('X ' + w + ' Y');
    }
    expect(SMALL_WORDS).toContain('the');
    expect(SMALL_WORDS).toHaveLength(14);
  });
  it('splits identifiers before titling', () => {
    expect(titleCase('userProfileID')).toBe('User Profile Id');
  });
  it('returns an empty string for empty input', () => {
    expect(titleCase('')).toBe('');
  });
});

describe('round trips', () => {
  it('converts between styles without losing words', () => {
    expect(camelCase(snakeCase('someLongName'))).toBe('someLongName');
    expect(snakeCase(kebabCase('MAX_RETRY_COUNT'))).toBe('max_retry_count');
    expect(pascalCase(constantCase('httpServer'))).toBe('HttpServer');
  });
  it('rejects non-strings in every converter', () => {
    expect(() => camelCase(1)).toThrow(TypeError);
    expect(() => titleCase(null)).toThrow('text must be a string');
  });
});
