import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, formatValue } from './format';

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

  it('formatPercent never rounds a possible token to 0% or 100%', () => {
    expect(formatPercent(0.42)).toBe('42%');
    expect(formatPercent(0.0042)).toBe('0.4%');
    expect(formatPercent(0.0003)).toBe('<0.1%');
    expect(formatPercent(Math.exp(-7.9))).toBe('<0.1%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(0.996)).toBe('99.6%');
    expect(formatPercent(0.99997)).toBe('>99.9%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(Number.NaN)).toBe('–');
  });
});
