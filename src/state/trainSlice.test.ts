import { describe, expect, it } from 'vitest';
import type { EvalRecord, RunSummary, StepPoint, TrainEvent } from '../protocol/training';
import {
  initialTrainState,
  interruptedNotice,
  phaseLabel,
  reduceEvents,
  stillInterrupted,
  type TrainState,
} from './trainSlice';
import { createTestStore } from './store';

const point = (step: number) => ({ step, elapsedMs: step, point: { step } as StepPoint });
const evalAt = (step: number, split: EvalRecord['split']): EvalRecord => ({
  step,
  split,
  bySkill: { review: { tasks: 1, meanReward: step / 10 } },
});
const seen = (s: TrainState) => ({
  points: s.series.r!.points.map((p) => p.step),
  evals: s.series.r!.evals.map((e) => `${e.split}@${e.step}`),
});

/** Run "r" as loaded from storage: `points` steps logged, and these evaluations. */
const loaded = (points: number, evals: EvalRecord[]): TrainState => ({
  ...initialTrainState,
  series: { r: { points: [...Array(points).keys()].map(point), evals, events: [] } },
});

describe('reduceEvents: a resumed run', () => {
  it('drops the points and evaluations it makes again, so each is shown once', () => {
    // Interrupted at step 6 of 10 with a checkpoint at 4: steps 4-5 and the eval at 5 come again.
    const mid = reduceEvents(loaded(6, [evalAt(0, 'val'), evalAt(4, 'val'), evalAt(5, 'val')]), [
      { type: 'resumed', runId: 'r', step: 4, evalsThrough: 4 },
      { type: 'step', runId: 'r', point: point(4).point, elapsedMs: 4 },
      { type: 'step', runId: 'r', point: point(5).point, elapsedMs: 5 },
      { type: 'eval', runId: 'r', record: evalAt(5, 'val') },
    ] satisfies TrainEvent[]);
    expect(seen(mid)).toEqual({
      points: [0, 1, 2, 3, 4, 5],
      evals: ['val@0', 'val@4', 'val@5'],
    });
    // Interrupted after its final checkpoint (step 10): it evaluates at step 10 again.
    const end = reduceEvents(
      loaded(10, [evalAt(0, 'val'), evalAt(10, 'val'), evalAt(10, 'test')]),
      [
        { type: 'resumed', runId: 'r', step: 10, evalsThrough: 9 },
        { type: 'eval', runId: 'r', record: evalAt(10, 'val') },
        { type: 'eval', runId: 'r', record: evalAt(10, 'test') },
      ],
    );
    expect(seen(end).evals).toEqual(['val@0', 'val@10', 'test@10']);
    expect(seen(end).points).toHaveLength(10);
  });

  it('keeps one point a step even when a replayed step comes unannounced', () => {
    const replayed = reduceEvents(loaded(6, []), [
      { type: 'step', runId: 'r', point: point(6).point, elapsedMs: 6 },
      { type: 'step', runId: 'r', point: point(3).point, elapsedMs: 3 },
      { type: 'step', runId: 'r', point: point(4).point, elapsedMs: 4 },
    ] satisfies TrainEvent[]);
    expect(seen(replayed).points).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('reduceEvents: what a run is doing', () => {
  it('names the phase in words, and goes back to GRPO steps after a validation', () => {
    const phaseAfter = (events: TrainEvent[]) =>
      reduceEvents(initialTrainState, events).live.r?.phase;
    expect(phaseAfter([{ type: 'phase', runId: 'r', phase: 'warm-start' }])).toBe(
      'warm start (cloning oracle answers)',
    );
    const evalPhase: TrainEvent = {
      type: 'phase',
      runId: 'r',
      phase: 'eval',
      detail: 'val at step 20',
    };
    expect(phaseAfter([evalPhase])).toBe('evaluating val at step 20');
    expect(phaseAfter([evalPhase, { type: 'phase', runId: 'r', phase: 'rl' }])).toBe('GRPO steps');
    expect(phaseLabel('something-new')).toBe('something-new');
  });
});

describe('focus', () => {
  it('counts the focus changes that bring the run into view, not the others', () => {
    const store = createTestStore();
    const { focus } = store.getState().trainActions;
    focus('a');
    expect(store.getState().train).toMatchObject({ focusId: 'a', revealFocus: 0 });
    focus('b', true);
    expect(store.getState().train).toMatchObject({ focusId: 'b', revealFocus: 1 });
    // The same run opened again is brought into view again (it may have been scrolled away).
    focus('b', true);
    expect(store.getState().train.revealFocus).toBe(2);
  });
});

describe('reduceEvents: skill-mix changes', () => {
  it('keeps one change a step: a later change at the same step replaces the earlier', () => {
    const mix = (review: number) => ({ localization: 1, review });
    const state = reduceEvents(loaded(6, []), [
      { type: 'config', runId: 'r', event: { step: 2, elapsedMs: 1, mix: mix(1) } },
      { type: 'config', runId: 'r', event: { step: 5, elapsedMs: 2, mix: mix(0) } },
      { type: 'config', runId: 'r', event: { step: 5, elapsedMs: 3, mix: mix(0.5) } },
    ] satisfies TrainEvent[]);
    expect(state.series.r!.events).toEqual([
      { step: 2, elapsedMs: 1, mix: mix(1) },
      { step: 5, elapsedMs: 3, mix: mix(0.5) },
    ]);
  });

  it('drops the changes pending after a new one: the last change holds from its step on', () => {
    const mix = (review: number) => ({ localization: 1, review });
    // Resumed at step 3 with a change pending at step 6; a change made at step 4 replaces it.
    const state = reduceEvents(loaded(6, []), [
      { type: 'config', runId: 'r', event: { step: 2, elapsedMs: 1, mix: mix(1) } },
      { type: 'config', runId: 'r', event: { step: 6, elapsedMs: 2, mix: mix(0) } },
      { type: 'config', runId: 'r', event: { step: 4, elapsedMs: 3, mix: mix(0.5) } },
    ] satisfies TrainEvent[]);
    expect(state.series.r!.events.map((e) => e.step)).toEqual([2, 4]);
  });
});

describe('the charts’ sections and episodes view', () => {
  it('are kept for the run they belong to; the same view again changes nothing', () => {
    const store = createTestStore();
    const a = store.getState().trainActions;
    a.openSection('episodes', true);
    const view = { batch: 'val:0', kind: 'all', reward: 'unrewarded', episode: 7 } as const;
    a.keepEpisodesView('r', view);
    const kept = store.getState().train;
    expect(kept.sections).toEqual({ signals: false, episodes: true });
    expect(kept.episodesView).toEqual({ runId: 'r', view });
    a.keepEpisodesView('r', { ...view });
    a.openSection('episodes', true);
    expect(store.getState().train).toBe(kept);
  });
});

describe('the interrupted-runs banner', () => {
  it('counts the runs found interrupted that still are, and goes once none is', () => {
    const run = (id: string, status: RunSummary['status']) => ({ id, status }) as RunSummary;
    const found: TrainState = {
      ...initialTrainState,
      interruptedIds: ['a', 'b'],
      runs: [run('a', 'interrupted'), run('b', 'interrupted'), run('c', 'interrupted')],
    };
    expect(interruptedNotice(stillInterrupted(found.runs, found.interruptedIds).length)).toMatch(
      /^2 runs were interrupted/,
    );
    // "a" resumed and finished; "c" was interrupted later, not at load.
    const resumed = reduceEvents(found, [{ type: 'status', runId: 'a', status: 'done' }]);
    expect(
      interruptedNotice(stillInterrupted(resumed.runs, resumed.interruptedIds).length),
    ).toMatch(/^1 run was interrupted/);
    expect(stillInterrupted(resumed.runs, resumed.interruptedIds).map((r) => r.id)).toEqual(['b']);
    const both = reduceEvents(resumed, [{ type: 'status', runId: 'b', status: 'running' }]);
    expect(stillInterrupted(both.runs, both.interruptedIds)).toEqual([]);
    expect(interruptedNotice(0)).toBeNull();
  });
});

describe('a run asked to stop', () => {
  const run = (id: string, status: RunSummary['status']) => ({ id, status }) as RunSummary;

  it('is stopping from the press until its status says it has ended', () => {
    const store = createTestStore();
    const actions = store.getState().trainActions;
    actions.setRuns([run('a', 'running'), run('b', 'done')]);
    actions.markStopping('a');
    actions.markStopping('b'); // already ended: nothing to wait for
    expect(store.getState().train.stopping).toEqual(['a']);
    actions.applyEvents([
      { type: 'phase', runId: 'a', phase: 'eval', detail: 'test at step 40' },
      { type: 'status', runId: 'a', status: 'running' },
    ]);
    expect(store.getState().train.stopping).toEqual(['a']);
    expect(store.getState().train.live.a!.stage).toEqual({
      phase: 'eval',
      detail: 'test at step 40',
    });
    actions.applyEvents([{ type: 'status', runId: 'a', status: 'stopped' }]);
    expect(store.getState().train.stopping).toEqual([]);
  });

  it('is no longer stopping once the list reads it ended (its worker gone, say)', () => {
    const store = createTestStore();
    const actions = store.getState().trainActions;
    actions.setRuns([run('a', 'paused')]);
    actions.markStopping('a');
    actions.setRuns([run('a', 'interrupted')]);
    expect(store.getState().train.stopping).toEqual([]);
  });

  it('is no longer stopping when asking it failed (it goes on), the others still are', () => {
    const store = createTestStore();
    const actions = store.getState().trainActions;
    actions.setRuns([run('a', 'running'), run('b', 'running')]);
    actions.markStopping('a');
    actions.markStopping('b');
    actions.markStopping('a', false);
    expect(store.getState().train.stopping).toEqual(['b']);
  });
});
