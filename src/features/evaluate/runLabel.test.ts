import { describe, expect, it } from 'vitest';
import { compactTime, runLabel } from './runLabel';

describe('runLabel', () => {
  const at = new Date(2026, 11, 6, 14, 17, 56).getTime();

  it('gives the local date and time to the second, zero-padded', () => {
    expect(compactTime(at)).toBe('2026-12-06 14:17:56');
    expect(compactTime(new Date(2026, 0, 2, 3, 4, 5).getTime())).toBe('2026-01-02 03:04:05');
  });

  it('tells apart same-named runs made a second apart, and stays short', () => {
    const a = runLabel({ name: 'single-reproduction', step: 3, createdAt: at });
    const b = runLabel({ name: 'single-reproduction', step: 3, createdAt: at + 1000 });
    expect(a).toBe('single-reproduction · 3 steps · 2026-12-06 14:17:56');
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(52);
    expect(runLabel({ name: 'x', step: 1, createdAt: at })).toContain('1 step ·');
  });
});
