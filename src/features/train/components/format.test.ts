import { describe, expect, it } from 'vitest';
import { advantageNote, formatDuration, formatPercent, formatValue, updateNote } from './format';

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

  it('advantageNote says how an advantage follows from the group, or nothing', () => {
    const group = [0, 1, 0, 0];
    expect(advantageNote(1, group, 0.75)).toBe('reward − group mean 0.25');
    // Over the group's std (0.433): 0.75 / 0.433 = 1.732.
    expect(advantageNote(1, group, 0.75 / (Math.sqrt(0.1875) + 1e-6))).toBe(
      '(reward − group mean 0.25) / group std 0.433',
    );
    expect(advantageNote(0, [0, 0], 0)).toBe('reward − group mean 0');
    expect(advantageNote(1, group, 0.5)).toBeNull();
    expect(advantageNote(1, [], 0)).toBeNull();
  });

  it('updateNote says what a flat group’s answer did in the update, and nothing of one with signal', () => {
    const kept = { keepFlatGroups: true, flatAnswers: 2, planned: 6 };
    const flat = { groupIndex: 1, sampleIndex: 0, groupRewards: [0, 0, 0, 0] };
    expect(updateNote({ ...flat, groupRewards: [0, 1, 0, 0] }, kept)).toBeNull();
    expect(updateNote(flat, kept)).toMatch(
      /no reward signal: this run keeps such groups in the update at advantage 0 .*KL and entropy/,
    );
    expect(updateNote({ ...flat, sampleIndex: 2 }, kept)).toMatch(
      /keeps the first 2 answers of such a group .* so this one \(answer 3\) was not trained on\.$/,
    );
    expect(updateNote({ ...flat, groupIndex: 6 }, kept)).toMatch(
      /extra draw of dynamic sampling \(group 7, past the step's 6 planned\).*not trained on\.$/,
    );
    expect(updateNote(flat, { ...kept, keepFlatGroups: false })).toMatch(
      /leaves such groups out of the update, so this answer was not trained on\.$/,
    );
  });
});
