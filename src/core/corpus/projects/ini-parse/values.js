const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

// 'a=b;c' keeps its ';' so values such as URLs and colour codes survive.
function startsComment(line, i) {
  return i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t';
}

/**
 * Removes a ; or # comment that starts the line or follows a space or tab, outside quotes.
 * @param {string} line one line of the file
 * @returns {string} the line without its comment, right-trimmed
 * @example stripComment('port = 80 ; http') // => 'port = 80'
 */
export function stripComment(line) {
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"' && line[i - 1] !== '\\') {
      inQuotes = !inQuotes;
    } else if (!inQuotes && (ch === ';' || ch === '#') && startsComment(line, i)) {
      return line.slice(0, i).trimEnd();
    }
  }
  return line.trimEnd();
}

/**
 * Converts a raw value to a number, boolean or string.
 * @param {string} raw the text after '='
 * @returns {number|boolean|string} numbers and true/false are typed; "quoted" text is unescaped
 * @example parseValue(' "a \\"b\\"" ') // => 'a "b"'
 */
export function parseValue(raw) {
  const text = raw.trim();
  if (text.length >= 2 && text[0] === '"' && text[text.length - 1] === '"') {
    return text
      .slice(1, -1)
      .split('\\\\')
      .map((part) => part.split('\\"').join('"').split('\\n').join('\n'))
      .join('\\');
  }
  if (text === 'true' || text === 'false') {
    return text === 'true';
  }
  if (NUMBER.test(text)) {
    return Number(text);
  }
  return text;
}

/**
 * Writes a value so that parseValue reads it back unchanged.
 * @param {number|boolean|string} value the value
 * @returns {string} the text to put after '='
 * @example formatValue('42') // => '"42"'
 */
export function formatValue(value) {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new RangeError('cannot write a non-finite number');
    }
    return String(value);
  }
  if (typeof value === 'boolean') {
    return String(value);
  }
  if (typeof value !== 'string') {
    throw new TypeError('values must be numbers, booleans or strings');
  }
  const plain = parseValue(value) === value && !/[;#"\n\\]/.test(value);
  if (plain && value.trim() === value) {
    return value;
  }
  const escaped = value.split('\\').join('\\\\').split('"').join('\\"').split('\n').join('\\n');
  return '"' + escaped + '"';
}
