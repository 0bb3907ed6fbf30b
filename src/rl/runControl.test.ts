import { describe, expect, it } from 'vitest';
import type { TaskKind } from '../core/tasks/types';
import {
  applyDue,
  askStop,
  lastEventOf,
  mixChangeProblem,
  mixFromStep,
  mixOnStart,
  mixTooLate,
  startingRun,
  untilWoken,
  type Control,
} from './runControl';

describe('mixFromStep', () => {
  it('is the next step to begin: between steps (or paused) the one waiting, during a step the one after', () => {
    // Paused after step 4: step 5 has not drawn its tasks yet.
    expect(mixFromStep({ step: 5, stepGoing: false })).toBe(5);
    // Pause pressed while step 5 goes: its mix was read as it began.
    expect(mixFromStep({ step: 5, stepGoing: true })).toBe(6);
  });
});

describe('mixTooLate', () => {
  it('refuses a change once every step has begun: it would apply to none', () => {
    expect(mixTooLate({ step: 9, stepGoing: false, steps: 10 })).toBeNull();
    // The last step going: a change would apply from step 10, past the run.
    expect(mixTooLate({ step: 9, stepGoing: true, steps: 10 })).toMatch(
      /^The run has begun all its 10 steps .* a mix change would apply to none$/,
    );
    expect(mixTooLate({ step: 10, stepGoing: false, steps: 10 })).not.toBeNull();
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

describe('mixOnStart and applyDue', () => {
  const mix = (review: number) => ({ localization: 1, review });
  const rows = [
    { id: 1, step: 1, mix: mix(0) },
    { id: 2, step: 3, mix: mix(0.5) },
    { id: 4, step: 5, mix: mix(0.25) },
  ];
  const control = (from: number): Control => ({
    paused: false,
    stop: false,
    wake: null,
    ...mixOnStart(rows, from, mix(1)),
    trainKinds: ['localization', 'review'],
    steps: 10,
    step: from,
    stepGoing: false,
    elapsedBase: 0,
    startedAt: null,
  });
  /** The mix each step draws with from `from` to step 6, as the session's mix hook reads it. */
  const drawn = (c: Control, from: number) =>
    Array.from({ length: 7 - from }, (_, i) => {
      c.step = from + i;
      return applyDue(c).review;
    });

  it('a resumed run draws each step with the mix it first had, pending changes at their steps', () => {
    expect(drawn(control(0), 0)).toEqual([1, 0, 0, 0.5, 0.5, 0.25, 0.25]);
    // Resumed from a checkpoint at step 2: change 1 applies, 3 and 5 wait for their steps.
    const c = control(2);
    expect(c.mix.review).toBe(0);
    expect(c.lastEvent).toEqual({ id: 1, step: 1 });
    expect(c.pending.map((p) => p.step)).toEqual([3, 5]);
    expect(drawn(c, 2)).toEqual([0, 0.5, 0.5, 0.25, 0.25]);
    expect(c.lastEvent).toEqual({ id: 4, step: 5 });
    expect(c.pending).toEqual([]);
  });

  it('a change at the resumed step applies from it; a run with none has its own mix', () => {
    expect(control(3).mix.review).toBe(0.5);
    expect(control(3).pending.map((p) => p.id)).toEqual([4]);
    const fresh = { ...control(0), ...mixOnStart([], 0, mix(1)) };
    expect(fresh).toMatchObject({ mix: mix(1), lastEvent: null, pending: [] });
  });
});

describe('untilWoken', () => {
  it('waits for a Resume or Stop, and goes on at once after one that came before it began', async () => {
    const c = { paused: true, stop: false, wake: null as (() => void) | null };
    let woken = false;
    const waiting = untilWoken(c).then(() => (woken = true));
    await Promise.resolve();
    expect(woken).toBe(false);
    askStop(c);
    await waiting;
    expect(c).toEqual({ paused: false, stop: true, wake: null });
    // Stop pressed while the pause was being stored (paused already cleared, nobody to wake).
    await expect(untilWoken({ paused: false, wake: null })).resolves.toBeUndefined();
  });
});

describe('startingRun', () => {
  it('holds a pause or stop asked before the run is read, for its control to begin with', () => {
    const going = startingRun('r1');
    expect(going.control).toBeNull();
    going.asked.paused = true;
    askStop(going.asked);
    expect(going.asked).toEqual({ paused: false, stop: true, wake: null });
    expect(startingRun('r2').asked).toEqual({ paused: false, stop: false, wake: null });
  });
});

describe('mixChangeProblem', () => {
  const c = {
    trainKinds: ['localization', 'testgen'] as TaskKind[],
    present: ['localization'] as TaskKind[],
    step: 1,
    stepGoing: false,
    steps: 10,
  };
  it('refuses a mix leaning only on trained kinds the run has no training tasks of (review 43rl F9)', () => {
    expect(mixChangeProblem(c, { localization: 1, testgen: 1 })).toBeNull();
    expect(mixChangeProblem(c, { localization: 0, testgen: 1 })).toBe(
      'skill mix: every skill trained on that this run has training tasks of (localization) has weight 0, so no task could be drawn; give one of them a weight above 0',
    );
    // Before its tasks are read, every trained kind counts; every one at 0 is refused as before.
    expect(mixChangeProblem({ ...c, present: null }, { localization: 0, testgen: 1 })).toBeNull();
    expect(mixChangeProblem(c, { localization: 0, testgen: 0 })).toMatch(
      /^skill mix: every skill trained on/,
    );
    // And no step left for it.
    expect(mixChangeProblem({ ...c, step: 10 }, { localization: 1 })).not.toBeNull();
  });
});
