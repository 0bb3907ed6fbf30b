function assertDelimiter(delimiter) {
  if (typeof delimiter !== 'string' || delimiter.length !== 1) {
    throw new TypeError('delimiter must be a single character');
  }
  if (delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new Error('delimiter cannot be a quote or a line break');
  }
}

/**
 * Parses CSV text into rows of string fields; blank lines are skipped.
 * @param {string} text the CSV text (LF or CRLF line ends)
 * @param {string} delimiter the field separator, one character
 * @returns {string[][]} the rows
 * @example parseCsv('a,"b,c"\n1,"say ""hi"""', ',') // => [['a', 'b,c'], ['1', 'say "hi"']]
 */
export function parseCsv(text, delimiter = ',') {
  if (typeof text !== 'string') {
    throw new TypeError('text must be a string');
  }
  assertDelimiter(delimiter);
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field.length === 0 && !quoted) {
      const end = readQuoted(text, i + 1);
      if (end < 0) {
        throw new Error('unterminated quoted field on line ' + line);
      }
      field = text.slice(i + 1, end).replace(/""/g, '"');
      quoted = true;
      i = end + 1;
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        throw new Error('unexpected character after closing quote on line ' + line);
      }
      continue;
    }
    if (ch === delimiter) {
      row.push(field);
      field = '';
      quoted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (row.length > 0 || field.length > 0 || quoted) {
        row.push(field);
        rows.push(row);
      }
      row = [];
      field = '';
      quoted = false;
      line++;
      if (ch === '\r' && text[i + 1] === '\n') {
        i++;
      }
    } else {
      field += ch;
    }
    i++;
  }
  if (row.length > 0 || field.length > 0 || quoted) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Finds the closing quote of a quoted field, skipping doubled quotes.
 * @param {string} text the CSV text
 * @param {number} start index just after the opening quote
 * @returns {number} index of the closing quote, or -1 when there is none
 * @example readQuoted('"a""b",c', 1) // => 5
 */
export function readQuoted(text, start) {
  let i = start;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] !== '"') {
        return i;
      }
      i += 2;
    } else {
      i++;
    }
  }
  return -1;
}

/**
 * Formats one field, quoting it when it holds a delimiter, quote, line break or edge spaces.
 * @param {*} value the field value; null and undefined become ''
 * @param {string} delimiter the field separator
 * @returns {string} the CSV field
 * @example formatField('say "hi"', ',') // => '"say ""hi"""'
 */
export function formatField(value, delimiter = ',') {
  const s = value === null || value === undefined ? '' : String(value);
  const needsQuotes = s.includes(delimiter) || /["\r\n]/.test(s) || s.trim() !== s;
  return needsQuotes ? '"' + s.split('"').join('""') + '"' : s;
}

/**
 * Formats rows as CSV text with LF line ends and no trailing newline.
 * @param {Array[]} rows the rows of values
 * @param {string} delimiter the field separator, one character
 * @returns {string} the CSV text
 * @example formatCsv([['a', 'b c'], [1, 'x,y']], ',') // => 'a,b c\n1,"x,y"'
 */
export function formatCsv(rows, delimiter = ',') {
  assertDelimiter(delimiter);
  return rows.map((row) => row.map((v) => formatField(v, delimiter)).join(delimiter)).join('\n');
}
