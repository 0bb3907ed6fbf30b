import { UNITS, splitDuration, unitMs } from './units.js';

/**
 * Formats milliseconds as non-zero parts such as '1h 2m 3s', largest unit first.
 * @param {number} ms a whole number of milliseconds (negative gets a leading '-')
 * @param {number} maxParts keep at most this many leading non-zero parts (the rest is dropped)
 * @returns {string} the text; '0s' for zero
 * @example formatDuration(3723000, 3) // => '1h 2m 3s'
 */
export function formatDuration(ms, maxParts = 5) {
  if (!Number.isInteger(maxParts) || maxParts < 1) {
    throw new RangeError('maxParts must be an integer >= 1');
  }
  if (!Number.isInteger(ms)) {
    throw new RangeError('ms must be an integer');
  }
  const counts = splitDuration(Math.abs(ms));
  const parts = [];
  for (let i = 0; i < UNITS.length && parts.length < maxParts; i++) {
    if (counts[i] > 0) {
      parts.push(counts[i] + UNITS[i][0]);
    }
  }
  if (parts.length === 0) {
    return '0s';
  }
  return (ms < 0 ? '-' : '') + parts.join(' ');
}

/**
 * Parses text such as '1h 30m', '1.5h' or '-2m 5s' into milliseconds.
 * @param {string} text parts of a number and a unit, separated by spaces; each unit at most once
 * @returns {number} the duration in whole milliseconds (rounded)
 * @example parseDuration('1h 2m 3s') // => 3723000
 */
export function parseDuration(text) {
  if (typeof text !== 'string') {
    throw new TypeError('duration must be a string');
  }
  let rest = text.trim();
  const negative = rest.startsWith('-');
  if (negative) {
    rest = rest.slice(1).trim();
  }
  if (rest.length === 0) {
    throw new Error('empty duration');
  }
  const seen = [];
  let total = 0;
  for (const token of rest.split(/\s+/)) {
    const m = /^(\d+(?:\.\d+)?)([a-z]+)$/.exec(token);
    if (m === null) {
      throw new Error('bad duration part: ' + token);
    }
    const unit = m[2];
    if (seen.includes(unit)) {
      throw new Error('unit repeated: ' + unit);
    }
    seen.push(unit);
    total += Number(m[1]) * unitMs(unit);
  }
  const rounded = Math.round(total);
  return negative && rounded !== 0 ? -rounded : rounded;
}

/**
 * Rounds a duration to a whole number of a unit, halves away from zero.
 * @param {number} ms the duration
 * @param {string} unit the unit symbol to round to
 * @returns {number} the rounded duration in milliseconds
 * @example roundTo(90000, 'm') // => 120000
 */
export function roundTo(ms, unit) {
  const size = unitMs(unit);
  const units = Math.floor(Math.abs(ms) / size + 0.5);
  const rounded = units * size;
  return ms < 0 && rounded !== 0 ? -rounded : rounded;
}
