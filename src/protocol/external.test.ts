import { describe, expect, it } from 'vitest';
import { samplingProblem } from './external';

describe('samplingProblem', () => {
  it('takes 1 to 16 answers a task and a whole seed, and says which is wrong', () => {
    expect(samplingProblem({ samples: 1, seed: 0 })).toBeNull();
    expect(samplingProblem({ samples: 16, seed: -3 })).toBeNull();
    for (const samples of [0, 17, 2.5, Number.NaN])
      expect(samplingProblem({ samples, seed: 1 })).toBe(
        'Answers per task must be a whole number from 1 to 16.',
      );
    for (const seed of [1.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(samplingProblem({ samples: 2, seed })).toBe('The seed must be a whole number.');
  });
});
