import { formatValue, parseValue, stripComment } from './values.js';

/** Section and key names that could reach Object.prototype. */
export const RESERVED_NAMES = ['__proto__', 'constructor', 'prototype'];

function checkName(name, kind, lineNo) {
  if (name.length === 0) {
    throw new Error('line ' + lineNo + ': empty ' + kind + ' name');
  }
  if (RESERVED_NAMES.includes(name)) {
    throw new Error('line ' + lineNo + ': reserved ' + kind + ' name ' + name);
  }
}

/**
 * Parses INI text: keys before any [section] go on the root object, later keys in their section.
 * @param {string} text the file contents
 * @returns {object} root keys and one nested object per section; repeated keys keep the last value
 * @example parseIni('name = demo\n[server]\nport = 8080\ndebug = true') // => { name: 'demo', server: { port: 8080, debug: true } }
 */
export function parseIni(text) {
  if (typeof text !== 'string') {
    throw new TypeError('text must be a string');
  }
  const root = {};
  let target = root;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = stripComment(lines[n]).trim();
    if (line.length === 0) {
      continue;
    }
    if (line[0] === '[') {
      if (line[line.length - 1] !== ']') {
        throw new Error('line ' + (n + 1) + ': unclosed section header');
      }
      const name = line.slice(1, -1).trim();
      checkName(name, 'section', n + 1);
      if (!Object.prototype.hasOwnProperty.call(root, name) || typeof root[name] !== 'object') {
        root[name] = {};
      }
      target = root[name];
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) {
      throw new Error('line ' + (n + 1) + ': expected key = value');
    }
    const key = line.slice(0, eq).trim();
    checkName(key, 'key', n + 1);
    target[key] = parseValue(line.slice(eq + 1));
  }
  return root;
}

/**
 * Writes an object as INI text: plain values first, then one [section] per nested object.
 * @param {object} data root values and section objects
 * @returns {string} the INI text, sections separated by a blank line
 * @example stringifyIni({ name: 'demo', server: { port: 8080 } }) // => 'name = demo\n\n[server]\nport = 8080'
 */
export function stringifyIni(data) {
  const rootLines = [];
  const blocks = [];
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (value !== null && typeof value === 'object') {
      const lines = ['[' + key + ']'];
      for (const k of Object.keys(value)) {
        lines.push(k + ' = ' + formatValue(value[k]));
      }
      blocks.push(lines.join('\n'));
    } else {
      rootLines.push(key + ' = ' + formatValue(value));
    }
  }
  if (rootLines.length > 0) {
    blocks.unshift(rootLines.join('\n'));
  }
  return blocks.join('\n\n');
}
