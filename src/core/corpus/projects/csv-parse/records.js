import { formatCsv, parseCsv } from './csv.js';

/** Leading characters that make spreadsheet programs treat a cell as a formula. */
export const FORMULA_CHARS = ['=', '+', '-', '@', '\t', '\r'];

/**
 * Parses CSV whose first row names the columns into one object per data row.
 * @param {string} text the CSV text
 * @param {string} delimiter the field separator
 * @returns {object[]} records keyed by column name
 * @example toRecords('name,age\nann,31\nbob,27', ',') // => [{ name: 'ann', age: '31' }, { name: 'bob', age: '27' }]
 */
export function toRecords(text, delimiter = ',') {
  const rows = parseCsv(text, delimiter);
  if (rows.length === 0) {
    return [];
  }
  const header = rows[0];
  checkHeader(header);
  const records = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.length !== header.length) {
      throw new RangeError(
        'row ' + (r + 1) + ' has ' + row.length + ' fields, expected ' + header.length,
      );
    }
    const record = {};
    for (let c = 0; c < header.length; c++) {
      record[header[c]] = row[c];
    }
    records.push(record);
  }
  return records;
}

/**
 * Checks column names: non-empty, unique, and not able to reach Object.prototype.
 * @param {string[]} header the column names
 * @returns {boolean} true when valid (throws otherwise)
 * @example checkHeader(['id', 'name']) // => true
 */
export function checkHeader(header) {
  for (let c = 0; c < header.length; c++) {
    const name = header[c];
    if (name.length === 0) {
      throw new Error('column ' + (c + 1) + ' has an empty name');
    }
    if (name === '__proto__' || name === 'constructor' || name === 'prototype') {
      throw new Error('forbidden column name: ' + name);
    }
    if (header.indexOf(name) !== c) {
      throw new Error('duplicate column name: ' + name);
    }
  }
  return true;
}

/**
 * Neutralizes text that a spreadsheet would run as a formula by prefixing a quote.
 * @param {*} value a cell value; only strings are changed
 * @returns {*} the value, with "'" prepended to risky strings
 * @example sanitizeCell('=SUM(A1:A9)') // => '\'=SUM(A1:A9)'
 */
export function sanitizeCell(value) {
  if (typeof value === 'string' && FORMULA_CHARS.includes(value[0])) {
    return "'" + value;
  }
  return value;
}

/**
 * Formats records as CSV with a header row, sanitizing string cells.
 * @param {object[]} records the records
 * @param {string[]} columns the columns to write, in order
 * @param {string} delimiter the field separator
 * @returns {string} the CSV text; missing properties become empty fields
 * @example fromRecords([{ a: 1, b: 'x' }, { a: 2 }], ['a', 'b'], ',') // => 'a,b\n1,x\n2,'
 */
export function fromRecords(records, columns, delimiter = ',') {
  checkHeader(columns);
  const rows = [columns];
  for (const record of records) {
    rows.push(
      columns.map((c) =>
        sanitizeCell(Object.prototype.hasOwnProperty.call(record, c) ? record[c] : ''),
      ),
    );
  }
  return formatCsv(rows, delimiter);
}
