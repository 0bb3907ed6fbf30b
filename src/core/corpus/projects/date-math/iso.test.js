import { WEEKDAYS, addDays, dayOfWeek, daysBetween, formatIsoDate, parseIsoDate } from './iso.js';

describe('parseIsoDate', () => {
  it('parses valid dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('0001-01-01')).toEqual({ year: 1, month: 1, day: 1 });
    expect(parseIsoDate('2023-12-31').day).toBe(31);
  });
  it('rejects days that do not exist', () => {
    expect(() => parseIsoDate('2023-02-29')).toThrow('no such day: 2023-02-29');
    expect(() => parseIsoDate('2023-04-31')).toThrow(RangeError);
    expect(() => parseIsoDate('2023-01-00')).toThrow(RangeError);
    expect(() => parseIsoDate('2023-13-01')).toThrow('month must be');
  });
  it('rejects other shapes', () => {
    expect(() => parseIsoDate('2023-1-01')).toThrow('date must look like YYYY-MM-DD');
    expect(() => parseIsoDate('2023-01-01T00:00')).toThrow(TypeError);
    expect(() => parseIsoDate(' 2023-01-01')).toThrow(TypeError);
    expect(() => parseIsoDate(20230101)).toThrow(TypeError);
  });
});

describe('formatIsoDate', () => {
  it('pads every part', () => {
    expect(formatIsoDate(987, 3, 5)).toBe('0987-03-05');
    expect(formatIsoDate(2024, 12, 31)).toBe('2024-12-31');
    expect(formatIsoDate(0, 1, 1)).toBe('0000-01-01');
    expect(formatIsoDate(9999, 10, 10)).toBe('9999-10-10');
  });
  it('rejects years outside 0 to 9999', () => {
    expect(() => formatIsoDate(10000, 1, 1)).toThrow('year must be an integer from 0 to 9999');
    expect(() => formatIsoDate(-1, 1, 1)).toThrow(RangeError);
    expect(() => formatIsoDate(2000.5, 1, 1)).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2023-12-30', 3)).toBe('2024-01-02');
    expect(addDays('2024-01-31', 1)).toBe('2024-02-01');
  });
  it('lands on leap days only in leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
  });
  it('goes backwards and keeps the date for 0', () => {
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2024-05-17', 0)).toBe('2024-05-17');
  });
  it('adds a whole leap year', () => {
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2023-01-01', 365)).toBe('2024-01-01');
  });
  it('rejects fractional days and bad dates', () => {
    expect(() => addDays('2024-01-01', 1.5)).toThrow('days must be an integer');
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts signed days', () => {
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2023-02-01', '2023-03-01')).toBe(28);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
    expect(daysBetween('2024-06-15', '2024-06-15')).toBe(0);
  });
  it('spans years and centuries', () => {
    expect(daysBetween('1999-12-31', '2000-01-01')).toBe(1);
    expect(daysBetween('1900-01-01', '2000-01-01')).toBe(36524);
  });
});

describe('dayOfWeek', () => {
  it('names known dates', () => {
    expect(WEEKDAYS[dayOfWeek(2024, 7, 4)]).toBe('Thursday');
    expect(dayOfWeek(1970, 1, 1)).toBe(4);
    expect(dayOfWeek(2000, 1, 1)).toBe(6);
    expect(dayOfWeek(2023, 1, 1)).toBe(0);
    expect(dayOfWeek(2024, 2, 29)).toBe(4);
  });
  it('stays in 0 to 6 before 1970', () => {
    expect(dayOfWeek(1969, 12, 31)).toBe(3);
    expect(dayOfWeek(1969, 12, 28)).toBe(0);
    expect(dayOfWeek(1900, 1, 1)).toBe(1);
  });
  it('cycles through the week day by day', () => {
    for (let d = 1; d <= 14; d++) {
      expect(dayOfWeek(2024, 1, d)).toBe(d % 7);
    }
    expect(WEEKDAYS).toHaveLength(7);
  });
});
