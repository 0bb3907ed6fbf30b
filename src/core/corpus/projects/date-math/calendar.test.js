import { dayOfYear, daysInMonth, fromDayNumber, isLeapYear, toDayNumber } from './calendar.js';

describe('isLeapYear', () => {
  it('follows the 4, 100 and 400 year rules', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2023)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
    expect(isLeapYear(1600)).toBe(true);
  });
  it('handles years that are even but not multiples of 4', () => {
    expect(isLeapYear(2022)).toBe(false);
    expect(isLeapYear(2026)).toBe(false);
  });
});

describe('daysInMonth', () => {
  it('gives 31, 30 and 28 or 29 days', () => {
    const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    for (let m = 1; m <= 12; m++) {
      expect(daysInMonth(2023, m)).toBe(lengths[m - 1]);
    }
  });
  it('gives February 29 days in leap years only', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
  });
  it('rejects months outside 1 to 12', () => {
    expect(() => daysInMonth(2024, 0)).toThrow(RangeError);
    expect(() => daysInMonth(2024, 13)).toThrow('month must be an integer from 1 to 12');
    expect(() => daysInMonth(2024, 1.5)).toThrow(RangeError);
  });
});

describe('dayOfYear', () => {
  it('counts from January 1st', () => {
    expect(dayOfYear(2023, 1, 1)).toBe(1);
    expect(dayOfYear(2023, 2, 1)).toBe(32);
    expect(dayOfYear(2023, 3, 1)).toBe(60);
    expect(dayOfYear(2024, 3, 1)).toBe(61);
  });
  it('ends at 365 or 366', () => {
    expect(dayOfYear(2023, 12, 31)).toBe(365);
    expect(dayOfYear(2024, 12, 31)).toBe(366);
  });
});

describe('toDayNumber', () => {
  it('is 0 at the epoch and counts both ways', () => {
    expect(toDayNumber(1970, 1, 1)).toBe(0);
    expect(toDayNumber(1970, 1, 2)).toBe(1);
    expect(toDayNumber(1969, 12, 31)).toBe(-1);
  });
  it('matches known dates around leap days and centuries', () => {
    expect(toDayNumber(2000, 3, 1)).toBe(11017);
    expect(toDayNumber(2000, 2, 29)).toBe(11016);
    expect(toDayNumber(2024, 1, 1)).toBe(19723);
    expect(toDayNumber(1900, 3, 1)).toBe(-25508);
    expect(toDayNumber(1600, 1, 1)).toBe(-135140);
  });
  it('agrees with Date.UTC on the first of every month of a leap year', () => {
    for (let m = 1; m <= 12; m++) {
      expect(toDayNumber(2024, m, 1)).toBe(Date.UTC(2024, m - 1, 1) / 86400000);
    }
  });
});

describe('fromDayNumber', () => {
  it('inverts toDayNumber at known points', () => {
    expect(fromDayNumber(0)).toEqual([1970, 1, 1]);
    expect(fromDayNumber(-1)).toEqual([1969, 12, 31]);
    expect(fromDayNumber(11017)).toEqual([2000, 3, 1]);
    expect(fromDayNumber(11016)).toEqual([2000, 2, 29]);
    expect(fromDayNumber(-25508)).toEqual([1900, 3, 1]);
  });
  it('round-trips every third day across a leap year', () => {
    const start = toDayNumber(1999, 12, 1);
    const end = toDayNumber(2001, 1, 1);
    for (let n = start; n < end; n += 3) {
      const [y, m, d] = fromDayNumber(n);
      expect(toDayNumber(y, m, d)).toBe(n);
    }
  });
  it('handles year ends and 400-year era edges', () => {
    expect(fromDayNumber(toDayNumber(2023, 12, 31))).toEqual([2023, 12, 31]);
    expect(fromDayNumber(toDayNumber(2000, 1, 1))).toEqual([2000, 1, 1]);
    expect(fromDayNumber(toDayNumber(1999, 12, 31))).toEqual([1999, 12, 31]);
    expect(fromDayNumber(toDayNumber(2400, 2, 29))).toEqual([2400, 2, 29]);
  });
});
