import { describe, expect, it } from 'vitest';
import type { GridResult } from './grid';
import { baselineMismatch, baselineTrainKinds, kindsText, transferRows } from './transfer';

describe('what a baseline trains on', () => {
  it('is its skill, the five skills or bug fixing; nothing for the runs without RL', () => {
    expect(baselineTrainKinds('single-editing')).toEqual(['editing']);
    expect(baselineTrainKinds('joint-rl')).toHaveLength(5);
    expect(baselineTrainKinds('composite-only')).toEqual(['bugfix']);
    expect(baselineTrainKinds('warm-start')).toBeUndefined();
    expect(baselineTrainKinds('untrained')).toBeUndefined();
  });

  it('says when a run picked for a baseline trained on other kinds', () => {
    expect(baselineMismatch('single-localization', ['security-fix'])).toBe(
      'it trained on security fixing, not code localization: its column is not this baseline',
    );
    expect(baselineMismatch('composite-only', ['localization', 'editing'])).toMatch(
      /^it trained on code localization, code editing, not bug fixing/,
    );
    expect(baselineMismatch('joint-rl', ['review', 'editing'])).toMatch(/not all five skills/);
    // Its own kinds in any order, no RL baseline, or kinds not recorded: nothing to say.
    expect(
      baselineMismatch('joint-rl', [
        'review',
        'editing',
        'testgen',
        'localization',
        'reproduction',
      ]),
    ).toBeNull();
    expect(baselineMismatch('warm-start', ['editing'])).toBeNull();
    expect(baselineMismatch('single-editing', undefined)).toBeNull();
    expect(kindsText(['bugfix', 'localization'])).toBe('code localization, bug fixing');
  });

  it('a transfer row says what its run trained on as recorded, its baseline’s kinds otherwise', () => {
    const run = (trainKinds?: GridResult['runs'][string]['trainKinds']) => ({
      scores: {},
      seconds: 1,
      steps: 1,
      ...(trainKinds ? { trainKinds } : {}),
    });
    const result: GridResult = {
      base: 'b',
      seed: 1,
      backend: 'wasm',
      runs: {
        'warm-start': run(),
        'single-localization': run(['security-fix']),
        'composite-only': run(),
      },
    };
    expect(transferRows(result).map((r) => [r.name, r.trainedOn])).toEqual([
      ['single-localization', ['security-fix']],
      ['composite-only', ['bugfix']],
    ]);
  });
});
