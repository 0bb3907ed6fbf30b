/**
 * Gregorian leap year rule: every 4th year, except centuries not divisible by 400.
 * @param {number} year the year
 * @returns {boolean} true for a leap year
 * @example isLeapYear(2000) // => true
 */
export function isLeapYear(year) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Number of days in a month.
 * @param {number} year the year (for February)
 * @param {number} month 1 to 12
 * @returns {number} 28 to 31
 * @example daysInMonth(2024, 2) // => 29
 */
export function daysInMonth(year, month) {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError('month must be an integer from 1 to 12');
  }
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Position of a date within its year.
 * @param {number} year the year
 * @param {number} month 1 to 12
 * @param {number} day day of the month
 * @returns {number} 1 for January 1st, up to 366
 * @example dayOfYear(2023, 3, 1) // => 60
 */
export function dayOfYear(year, month, day) {
  let total = day;
  for (let m = 1; m < month; m++) {
    total += daysInMonth(year, m);
  }
  return total;
}

/**
 * Days since 1970-01-01 for a proleptic Gregorian date (negative before it).
 * @param {number} year the year
 * @param {number} month 1 to 12
 * @param {number} day day of the month
 * @returns {number} the day number
 * @example toDayNumber(2000, 3, 1) // => 11017
 */
export function toDayNumber(year, month, day) {
  // Counting years from March puts the leap day last, so month lengths repeat in a fixed cycle.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfShiftedYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfShiftedYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Calendar date of a day number (inverse of toDayNumber).
 * @param {number} dayNumber days since 1970-01-01
 * @returns {number[]} [year, month, day]
 * @example fromDayNumber(11017) // => [2000, 3, 1]
 */
export function fromDayNumber(dayNumber) {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfShiftedYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfShiftedYear + 2) / 153);
  const day = dayOfShiftedYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return [year, month, day];
}
