import { formatDuration, parseDuration, roundTo } from './format.js';

describe('formatDuration', () => {
  it('writes non-zero parts, largest first', () => {
    expect(formatDuration(3723000)).toBe('1h 2m 3s');
    expect(formatDuration(90061001)).toBe('1d 1h 1m 1s 1ms');
    expect(formatDuration(3600000)).toBe('1h');
    expect(formatDuration(60001)).toBe('1m 1ms');
  });
  it('writes 0s for zero and ms below a second', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(1)).toBe('1ms');
  });
  it('keeps at most maxParts leading parts', () => {
    expect(formatDuration(90061001, 2)).toBe('1d 1h');
    expect(formatDuration(3723000, 1)).toBe('1h');
    expect(formatDuration(3723000, 3)).toBe('1h 2m 3s');
    expect(formatDuration(3603000, 2)).toBe('1h 3s');
  });
  it('prefixes negative durations with a minus sign', () => {
    expect(formatDuration(-90000)).toBe('-1m 30s');
    expect(formatDuration(-5)).toBe('-5ms');
  });
  it('rejects fractional input and bad part limits', () => {
    expect(() => formatDuration(1.5)).toThrow('ms must be an integer');
    expect(() => formatDuration(1000, 0)).toThrow('maxParts must be an integer >= 1');
    expect(() => formatDuration(1000, 1.5)).toThrow(RangeError);
  });
});

describe('parseDuration', () => {
  it('adds up the parts', () => {
    expect(parseDuration('1h 2m 3s')).toBe(3723000);
    expect(parseDuration('1d 1h 1m 1s 1ms')).toBe(90061001);
    expect(parseDuration('45s')).toBe(45000);
  });
  it('accepts parts in any order and extra spaces', () => {
    expect(parseDuration('  3s   1h ')).toBe(3603000);
  });
  it('accepts decimals and rounds to whole milliseconds', () => {
    expect(parseDuration('1.5h')).toBe(5400000);
    expect(parseDuration('0.0004s')).toBe(0);
    expect(parseDuration('0.0006s')).toBe(1);
  });
  it('reads a leading minus, also before a space', () => {
    expect(parseDuration('-2m 5s')).toBe(-125000);
    expect(parseDuration('- 1s')).toBe(-1000);
    expect(parseDuration('-0s')).toBe(0);
  });
  it('rejects empty text, malformed parts and unknown units', () => {
    expect(() => parseDuration('')).toThrow('empty duration');
    expect(() => parseDuration(' - ')).toThrow('empty duration');
    expect(() => parseDuration('1 h')).toThrow('bad duration part: 1');
    expect(() => parseDuration('h')).toThrow('bad duration part');
    expect(() => parseDuration('1.h')).toThrow('bad duration part');
    expect(() => parseDuration('2w')).toThrow('unknown unit: w');
    expect(() => parseDuration('1h1m')).toThrow(Error);
  });
  it('rejects a repeated unit and non-strings', () => {
    expect(() => parseDuration('1m 2m')).toThrow('unit repeated: m');
    expect(() => parseDuration(60)).toThrow('duration must be a string');
  });
  it('round-trips with formatDuration', () => {
    for (const ms of [0, 1, 999, 61000, 3723000, 90061001, -86400000]) {
      expect(parseDuration(formatDuration(ms))).toBe(ms);
    }
  });
});

describe('roundTo', () => {
  it('rounds halves up to the next whole unit', () => {
    expect(roundTo(90000, 'm')).toBe(120000);
    expect(roundTo(89999, 'm')).toBe(60000);
    expect(roundTo(1499, 's')).toBe(1000);
    expect(roundTo(1500, 's')).toBe(2000);
  });
  it('rounds negative durations away from zero at halves', () => {
    expect(roundTo(-90000, 'm')).toBe(-120000);
    expect(roundTo(-89999, 'm')).toBe(-60000);
    expect(roundTo(-400, 's')).toBe(0);
  });
  it('keeps exact multiples and zero', () => {
    expect(roundTo(7200000, 'h')).toBe(7200000);
    expect(roundTo(0, 'd')).toBe(0);
    expect(roundTo(0.6, 'ms')).toBe(1);
  });
  it('rejects unknown units', () => {
    expect(() => roundTo(1000, 'y')).toThrow('unknown unit: y');
  });
});
