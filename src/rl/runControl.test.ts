import { describe, expect, it } from 'vitest';
import { eventsOnResume, lastEventOf, mixFromStep } from './runControl';

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

describe('eventsOnResume', () => {
  const runMix = { localization: 1, editing: 1 };
  const rows = [
    { id: 1, step: 2, mix: { localization: 0, editing: 1 } },
    { id: 2, step: 4, mix: { localization: 1, editing: 0 } },
    { id: 3, step: 7, mix: { localization: 0.5, editing: 1 } },
  ];
  it('keeps the changes that apply from the checkpoint or before, and resumes with the last of them', () => {
    // Checkpoint at step 5: the change made at step 7 came during steps trained again.
    expect(eventsOnResume(rows, 5, runMix)).toEqual({ kept: rows.slice(0, 2), mix: rows[1]!.mix });
    // A change that applies from the checkpoint's step was in effect when it was taken.
    expect(eventsOnResume(rows, 4, runMix).mix).toBe(rows[1]!.mix);
    expect(eventsOnResume(rows, 9, runMix).kept).toEqual(rows);
  });
  it("resumes with the run's own mix before its first change", () => {
    expect(eventsOnResume(rows, 1, runMix)).toEqual({ kept: [], mix: runMix });
    expect(eventsOnResume([], 0, runMix)).toEqual({ kept: [], mix: runMix });
  });
});
