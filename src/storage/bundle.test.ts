import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../rl/config';
import { checkBundle } from './runs';

const bundle = (run: Record<string, unknown> = {}) => ({
  format: 'atomic-skills-lab/run-bundle',
  version: 1,
  run: {
    id: 'r1',
    name: 'mine',
    status: 'done',
    tags: ['a'],
    backend: 'wasm',
    createdAt: 1,
    step: 3,
    steps: 10,
    elapsedMs: 500,
    finalRewards: {},
    config: DEFAULT_CONFIG,
    ...run,
  },
  points: [{ step: 0, point: { rewardMean: 0.5 } }],
  evals: [],
  events: [],
  checkpoints: [],
  episodes: [],
});

describe('checkBundle', () => {
  it('accepts a whole bundle, and a config saved before later fields existed', () => {
    expect(checkBundle(bundle())).toBeNull();
    const older: Partial<typeof DEFAULT_CONFIG> = { ...DEFAULT_CONFIG };
    delete older.tagToDecoder;
    delete older.minSignalGroups;
    expect(checkBundle(bundle({ config: older }))).toBeNull();
  });

  it('refuses run fields that would show or resume wrongly, naming them', () => {
    expect(checkBundle(bundle({ step: 'lots' }))).toBe(
      'run: step must be a number >= 0, not "lots"',
    );
    expect(checkBundle(bundle({ status: 'flying' }))).toMatch(
      /^run: status "flying" is not one of/,
    );
    expect(checkBundle(bundle({ name: ' ' }))).toBe('run: its name is empty');
    expect(checkBundle(bundle({ tags: [1] }))).toBe('run: tags must be a list of strings');
    expect(checkBundle(bundle({ config: { ...DEFAULT_CONFIG, groupSize: -5 } }))).toBe(
      'run: its config is not valid (groupSize must be a whole number from 2 to 256)',
    );
  });
});
