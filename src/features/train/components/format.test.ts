import { describe, expect, it } from 'vitest';
import { formatDuration, formatValue } from './format';

describe('format', () => {
  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(61_400)).toBe('1:01');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(-5)).toBe('–');
  });

  it('formats values', () => {
    expect(formatValue(0.123456)).toBe('0.123');
    expect(formatValue(12.5)).toBe('12.5');
    expect(formatValue(0.00012)).toBe('1.20e-4');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(NaN)).toBe('–');
  });
});
