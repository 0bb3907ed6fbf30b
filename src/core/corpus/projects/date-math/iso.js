import { daysInMonth, fromDayNumber, toDayNumber } from './calendar.js';

/** Weekday names indexed by dayOfWeek. */
export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/**
 * Parses a 'YYYY-MM-DD' date and checks that the day exists.
 * @param {string} text the ISO date
 * @returns {{year: number, month: number, day: number}} the parts
 * @example parseIsoDate('2024-02-29') // => { year: 2024, month: 2, day: 29 }
 */
export function parseIsoDate(text) {
  const m = typeof text === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  if (m === null) {
    throw new TypeError('date must look like YYYY-MM-DD');
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError('no such day: ' + text);
  }
  return { year, month, day };
}

/**
 * Formats a date as 'YYYY-MM-DD' with zero padding.
 * @param {number} year 0 to 9999
 * @param {number} month 1 to 12
 * @param {number} day day of the month
 * @returns {string} the ISO date
 * @example formatIsoDate(987, 3, 5) // => '0987-03-05'
 */
export function formatIsoDate(year, month, day) {
  if (!Number.isInteger(year) || year < 0 || year > 9999) {
    throw new RangeError('year must be an integer from 0 to 9999');
  }
  const pad = (n, width) => String(n).padStart(width, '0');
  return pad(year, 4) + '-' + pad(month, 2) + '-' + pad(day, 2);
}

/**
 * Adds a whole number of days to an ISO date (negative to go back).
 * @param {string} iso the start date 'YYYY-MM-DD'
 * @param {number} days whole days to add
 * @returns {string} the resulting ISO date
 * @example addDays('2023-12-30', 3) // => '2024-01-02'
 */
export function addDays(iso, days) {
  if (!Number.isInteger(days)) {
    throw new TypeError('days must be an integer');
  }
  const { year, month, day } = parseIsoDate(iso);
  const [y, m, d] = fromDayNumber(toDayNumber(year, month, day) + days);
  return formatIsoDate(y, m, d);
}

/**
 * Signed number of days from one ISO date to another.
 * @param {string} from the start date
 * @param {string} to the end date
 * @returns {number} positive when to is later
 * @example daysBetween('2024-02-01', '2024-03-01') // => 29
 */
export function daysBetween(from, to) {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return toDayNumber(b.year, b.month, b.day) - toDayNumber(a.year, a.month, a.day);
}

/**
 * Day of the week, 0 for Sunday to 6 for Saturday.
 * @param {number} year the year
 * @param {number} month 1 to 12
 * @param {number} day day of the month
 * @returns {number} the weekday index into WEEKDAYS
 * @example dayOfWeek(2024, 7, 4) // => 4
 */
export function dayOfWeek(year, month, day) {
  // 1970-01-01 (day 0) was a Thursday; the double modulo keeps earlier dates non-negative.
  return (((toDayNumber(year, month, day) + 4) % 7) + 7) % 7;
}
