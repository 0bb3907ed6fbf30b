import { escapeAttribute, escapeHtml } from './escape.js';

const TAG = /\{\{\s*(attr:)?([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Splits a template into text and placeholder tokens.
 * @param {string} template text with {{name}} or {{attr:name}} placeholders
 * @returns {Array<{type: string, value: string, attr: boolean}>} the tokens in order
 * @example parseTemplate('Hi {{name}}!') // => [{ type: 'text', value: 'Hi ', attr: false }, { type: 'var', value: 'name', attr: false }, { type: 'text', value: '!', attr: false }]
 */
export function parseTemplate(template) {
  if (typeof template !== 'string') {
    throw new TypeError('template must be a string');
  }
  const tokens = [];
  let last = 0;
  TAG.lastIndex = 0;
  let m = TAG.exec(template);
  while (m !== null) {
    if (m.index > last) {
      tokens.push({ type: 'text', value: template.slice(last, m.index), attr: false });
    }
    tokens.push({ type: 'var', value: m[2], attr: m[1] !== undefined });
    last = m.index + m[0].length;
    m = TAG.exec(template);
  }
  if (last < template.length) {
    tokens.push({ type: 'text', value: template.slice(last), attr: false });
  }
  return tokens;
}

/**
 * Looks up a placeholder value among the data's own properties only and converts it to text.
 * @param {object} data the values
 * @param {string} name the placeholder name
 * @returns {string} the value as a string ('' for missing, null or undefined)
 * @example lookup({ n: 3 }, 'n') // => '3'
 */
export function lookup(data, name) {
  if (!Object.prototype.hasOwnProperty.call(data, name)) {
    return '';
  }
  const value = data[name];
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new TypeError('placeholder ' + name + ' must be a string, number or boolean');
}

/**
 * Renders a template, escaping every value: {{name}} for element text, {{attr:name}} inside
 * quoted attributes.
 * @param {string} template the template
 * @param {object} data the values
 * @returns {string} the rendered HTML
 * @example render('<b>{{who}}</b>', { who: '<i>' }) // => '<b>&lt;i&gt;</b>'
 */
export function render(template, data) {
  if (data === null || typeof data !== 'object') {
    throw new TypeError('data must be an object');
  }
  let out = '';
  for (const token of parseTemplate(template)) {
    if (token.type === 'text') {
      out += token.value;
    } else {
      const raw = lookup(data, token.value);
      out += token.attr ? escapeAttribute(raw) : escapeHtml(raw);
    }
  }
  return out;
}
