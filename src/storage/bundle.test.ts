import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../rl/config';
import { checkBundle, configWithDefaults } from './bundle';
import { updateRule } from '../rl/updateRule';

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
    suite: { projects: 'quick', seed: 1 },
    suiteKey: 'builtin:quick:seed1:b:1',
    ...run,
  },
  points: [{ step: 0, point: { rewardMean: 0.5, reward: { editing: 0.5 } } }],
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

  it('says what a file that is not a bundle is, and which file to import instead', () => {
    expect(checkBundle({ format: 'atomic-skills-lab/checkpoint' })).toMatch(
      /^this is a checkpoint, not a run bundle\. .* npm run lab -- bundle --run <folder>/,
    );
    // A lab train folder's eval.json or config.json.
    expect(checkBundle({ test: {}, bySkill: {} })).toMatch(
      /^this is a JSON file with no bundle "format" in it, not a run bundle\./,
    );
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
    expect(checkBundle(bundle({ warmStartKinds: ['fixing'] as never }))).toBe(
      'run: warmStartKinds must be a list of task kinds, not ["fixing"]',
    );
    expect(checkBundle(bundle({ warmStartKinds: ['editing'] }))).toBeNull();
    expect(checkBundle(bundle({ config: { ...DEFAULT_CONFIG, groupSize: -5 } }))).toBe(
      'run: its config is not valid (groupSize must be a whole number from 2 to 256)',
    );
  });

  it('refuses what the runs table, the charts or a resume read unguarded (review 39code)', () => {
    const refused = (run: Record<string, unknown>, rows: Record<string, unknown[]> = {}) =>
      checkBundle({ ...bundle(run), ...rows });
    // Each of these was imported and then blanked the app, or failed with a raw error.
    expect(refused({ finalRewards: undefined })).toBe(
      'run: finalRewards: expected an object of task kinds to numbers, not undefined',
    );
    expect(refused({ finalRewards: null })).toMatch(/^run: finalRewards: expected an object/);
    expect(refused({ finalRewards: { editing: '0.5' } })).toBe(
      'run: finalRewards: editing: expected numbers, not "0.5"',
    );
    expect(refused({ finalRewards: { fixing: 1 } })).toBe(
      'run: finalRewards: "fixing" is not a task kind',
    );
    expect(refused({ suite: undefined })).toMatch(/^run: suite must be \{ projects/);
    expect(refused({ suiteKey: 3 })).toBe('run: suiteKey must be text, not 3');
    expect(refused({ config: 5 })).toBe('run: its config must be an object of settings, not 5');
    expect(refused({ trainKinds: ['editing', 'x'] })).toMatch(/^run: trainKinds must be a list/);
    expect(refused({ backend: 'gpu' })).toMatch(/^run: backend "gpu" is not one of/);
    expect(refused({}, { evals: [null] })).toBe('evals[0]: needs a step (a number >= 0)');
    expect(refused({}, { evals: [{ step: 2, split: 'nope', bySkill: {} }] })).toBe(
      'evals[0]: split "nope" is not val or test',
    );
    expect(refused({}, { evals: [{ step: 2, split: 'val', bySkill: 7 }] })).toMatch(
      /^evals\[0\]: bySkill: expected an object/,
    );
    expect(refused({}, { events: [{ step: 1, elapsedMs: 3, mix: 'x' }] })).toMatch(
      /^events\[0\]: mix: expected an object/,
    );
    expect(refused({}, { checkpoints: [{}] })).toBe('checkpoints[0]: needs a step (a number >= 0)');
    expect(refused({}, { points: [{ step: 0, point: { rewardMean: 1, reward: null } }] })).toMatch(
      /^points\[0\]: point.reward: expected an object/,
    );
    const fine = {
      evals: [{ step: 2, split: 'test', bySkill: { editing: { tasks: 3, meanReward: 0.5 } } }],
      events: [{ step: 1, elapsedMs: 3, mix: { editing: 2 } }],
    };
    expect(refused({ finalRewards: { editing: 0.5 }, trainKinds: ['editing'] }, fine)).toBeNull();
  });

  it('refuses an episode the trace could not show, naming it and what it lacks', () => {
    const episode = {
      runId: 'r1',
      step: 0,
      source: 'train',
      groupIndex: 0,
      sampleIndex: 0,
      taskId: 'editing:p:1',
      kind: 'editing',
      split: 'train',
      answerText: 'EDIT a.js @3 y',
      rendering: { patch: 'diff --git a/a.js b/a.js\n' },
      actions: [1],
      actionLabels: ['@3:y'],
      logProbs: [0],
      entropies: [0],
      top: [[]],
      reward: 1,
      valid: true,
      facts: ['Reward 1.'],
      runs: [],
      secondary: {},
      groupRewards: [1],
      advantage: 0,
      seed: 1,
    };
    const withEpisode = (e: unknown) => ({ ...bundle(), episodes: [episode, e] });
    expect(checkBundle(withEpisode(episode))).toBeNull();
    const { rendering, ...older } = episode;
    void rendering;
    expect(checkBundle(withEpisode(older)), 'stored before renderings were kept').toBeNull();
    expect(checkBundle(withEpisode({ ...episode, facts: 'Reward 1.' }))).toBe(
      'episodes[1]: facts: expected an array',
    );
    expect(checkBundle(withEpisode({ ...episode, source: 'dev' }))).toBe(
      'episodes[1]: needs a step and a source (train, val or test)',
    );
    expect(checkBundle(withEpisode({ ...episode, rendering: { patch: 3 } }))).toBe(
      'episodes[1]: rendering: expected an object with a patch and tests as text',
    );
    expect(checkBundle(withEpisode(null))).toBe('episodes[1]: expected an object');
    expect(checkBundle(withEpisode({ ...episode, groupIndex: '2' }))).toBe(
      'episodes[1]: groupIndex: expected a number',
    );
    expect(checkBundle(withEpisode({ ...episode, top: [1] }))).toBe(
      'episodes[1]: top: expected a list of alternatives per token',
    );
    expect(checkBundle(withEpisode({ ...episode, kind: 'fixing' }))).toBe(
      'episodes[1]: kind "fixing" is not a task kind',
    );
    expect(checkBundle(withEpisode({ ...episode, logProbs: ['x'] }))).toBe(
      'episodes[1]: logProbs: expected a list of numbers',
    );
    expect(checkBundle(withEpisode({ ...episode, top: [[{ label: 1 }]] }))).toBe(
      'episodes[1]: top: expected a label and a prob per alternative',
    );
    expect(checkBundle(withEpisode({ ...episode, runs: [{}] }))).toBe(
      'episodes[1]: runs: each needs a purpose and its tests',
    );
    expect(
      checkBundle(withEpisode({ ...episode, runs: [{ purpose: 'hidden tests', tests: [] }] })),
    ).toBeNull();
    expect(
      checkBundle(withEpisode({ ...episode, prompt: { title: 't', body: 'b', patch: 'd' } })),
    ).toBeNull();
    expect(
      checkBundle(withEpisode({ ...episode, prompt: { title: 't', body: 'b', patch: [] } })),
    ).toBe('episodes[1]: prompt: expected a title and a body (and a patch) as text');
  });
});

describe('configWithDefaults', () => {
  it('reads a field saved without as its absence meant, where that is not the default', () => {
    const older: Partial<typeof DEFAULT_CONFIG> = { ...DEFAULT_CONFIG };
    delete older.keepFlatGroups;
    delete older.flatGroupAnswers;
    const filled = configWithDefaults(older);
    // Trained with flat groups left out (grpo.ts read the absent flag as false): said so.
    expect(updateRule(filled)).toEqual({ keepFlatGroups: false, flatAnswers: 8, planned: 16 });
    expect(filled.advantageStd).toBe(DEFAULT_CONFIG.advantageStd);
    expect(configWithDefaults(DEFAULT_CONFIG)).toEqual(DEFAULT_CONFIG);
  });
});
