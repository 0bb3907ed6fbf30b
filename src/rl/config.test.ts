import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, learningRateAt } from './config';

describe('learningRateAt', () => {
  const config = { ...DEFAULT_CONFIG, steps: 200, warmupSteps: 5, learningRate: 1e-3 };
  const lr = (step: number, c = config) => learningRateAt(c, step);

  it('warms up linearly to the peak, then decays without rising again', () => {
    expect([0, 1, 4].map((s) => lr(s))).toEqual([2e-4, 4e-4, 1e-3]);
    expect(lr(5)).toBe(1e-3);
    for (let s = 6; s < 200; s++) expect(lr(s)).toBeLessThan(lr(s - 1));
  });

  it('reaches minLrRatio of the peak one step past the last: the last step trains a little above it', () => {
    expect(lr(200)).toBeCloseTo(1e-4, 12);
    expect(lr(199) / 1e-3).toBeCloseTo(0.1001, 4);
    expect(lr(199)).toBeGreaterThan(1e-4);
  });

  it('does not decay in a run no longer than its warm-up plus one step', () => {
    const short = { ...config, steps: 4, warmupSteps: 3 };
    expect([0, 1, 2, 3].map((s) => lr(s, short))).toEqual([1e-3 / 3, 2e-3 / 3, 1e-3, 1e-3]);
  });
});
