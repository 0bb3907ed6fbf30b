import { describe, expect, it } from 'vitest';
import { lastEventOf, mixFromStep } from './runControl';

describe('mixFromStep', () => {
  it('is the next step to begin: between steps (or paused) the one waiting, during a step the one after', () => {
    // Paused after step 4: step 5 has not drawn its tasks yet.
    expect(mixFromStep({ step: 5, stepGoing: false })).toBe(5);
    // Pause pressed while step 5 goes: its mix was read as it began.
    expect(mixFromStep({ step: 5, stepGoing: true })).toBe(6);
  });
});

describe('lastEventOf', () => {
  it("names the last stored change's row and step", () => {
    expect(lastEventOf([])).toBeNull();
    expect(
      lastEventOf([
        { id: 3, step: 2 },
        { id: 7, step: 5 },
      ]),
    ).toEqual({ id: 7, step: 5 });
  });
});
