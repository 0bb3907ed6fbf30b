import { lookup, parseTemplate, render } from './template.js';

describe('parseTemplate', () => {
  it('splits text and placeholders', () => {
    expect(parseTemplate('Hi {{name}}!')).toEqual([
      { type: 'text', value: 'Hi ', attr: false },
      { type: 'var', value: 'name', attr: false },
      { type: 'text', value: '!', attr: false },
    ]);
  });
  it('allows spaces and marks attribute placeholders', () => {
    expect(parseTemplate('{{ attr:href }}')).toEqual([{ type: 'var', value: 'href', attr: true }]);
  });
  it('handles adjacent placeholders and plain text', () => {
    expect(parseTemplate('{{a}}{{b}}')).toHaveLength(2);
    expect(parseTemplate('no tags')).toEqual([{ type: 'text', value: 'no tags', attr: false }]);
    expect(parseTemplate('')).toEqual([]);
  });
  it('ignores malformed placeholders', () => {
    expect(parseTemplate('{{1x}} {x}')).toEqual([
      { type: 'text', value: '{{1x}} {x}', attr: false },
    ]);
  });
  it('rejects non-string templates', () => {
    expect(() => parseTemplate(null)).toThrow('template must be a string');
  });
});

describe('lookup', () => {
  it('stringifies scalars', () => {
    expect(lookup({ n: 3 }, 'n')).toBe('3');
    expect(lookup({ b: false }, 'b')).toBe('false');
    expect(lookup({ s: 'x' }, 's')).toBe('x');
  });
  it('returns empty for missing and nullish values', () => {
    expect(lookup({}, 'x')).toBe('');
    expect(lookup({ x: null }, 'x')).toBe('');
    expect(lookup({ x: undefined }, 'x')).toBe('');
  });
  it('rejects objects', () => {
    expect(() => lookup({ x: {} }, 'x')).toThrow('placeholder x must be');
  });
});

describe('render', () => {
  it('fills placeholders', () => {
    expect(render('Hello, {{name}}. You have {{n}} messages.', { name: 'Ada', n: 2 })).toBe(
      'Hello, Ada. You have 2 messages.',
    );
  });
  it('renders missing values as empty', () => {
    expect(render('[{{x}}]', {})).toBe('[]');
  });
  it('rejects non-object data', () => {
    expect(() => render('x', null)).toThrow('data must be an object');
    expect(() => render('x', 'str')).toThrow(TypeError);
  });
});

describe('security', () => {
  it('escapes markup in element text', () => {
    expect(render('<b>{{who}}</b>', { who: '<i>' })).toBe('<b>&lt;i&gt;</b>');
    expect(render('<p>{{c}}</p>', { c: '<script>alert(1)</script>' })).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });
  it('escapes attribute values', () => {
    expect(render('<a title="{{attr:t}}">', { t: '" onclick="x' })).toBe(
      '<a title="&quot; onclick&#61;&quot;x">',
    );
  });
  it('does not read inherited properties', () => {
    expect(render('{{constructor}}{{toString}}{{__proto__}}', {})).toBe('');
  });
  it('does not re-expand placeholders that appear in values', () => {
    expect(render('{{a}}', { a: '{{b}}', b: 'secret' })).toBe('{{b}}');
  });
});
