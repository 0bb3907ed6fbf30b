import { describe, expect, it } from 'vitest';
import { checkConfig, DEFAULT_CONFIG, MAX_PARAMETERS } from './config';
import { resolveConfig } from './configFile';
import {
  baselineConfig,
  INTERFERENCE_GRID,
  jointShare,
  PAPER_GRID,
  PRESETS,
  QUICK_CONFIG,
} from './presets';
import { decodeCheckpoint, encodeCheckpoint } from './checkpointCodec';
import type { Checkpoint } from './checkpoint';
import { lengthBatches } from './warmStart';
import { createRng } from '../core/rng';

describe('checkConfig', () => {
  it('names a learning-rate floor out of range, a kinds list that is not one, and a model that cannot be built', () => {
    const base = DEFAULT_CONFIG;
    expect(checkConfig({ ...base, minLrRatio: -5 })).toMatch(/^minLrRatio must be in \[0, 1\]/);
    // Of the wrong type (a hand-edited bundle's config): named, not coerced (review 43rl F10).
    const typed = (change: Record<string, unknown>) => checkConfig({ ...base, ...change });
    expect(typed({ clipEps: '0.2' })).toBe('clipEps must be a number, got "0.2"');
    expect(typed({ advantageStd: 'false' })).toBe(
      'advantageStd must be true or false, got "false"',
    );
    expect(typed({ temperature: Infinity })).toMatch(/^temperature must be a number/);
    expect(checkConfig({ ...base, minLrRatio: 5 })).toMatch(/^minLrRatio/);
    expect(checkConfig({ ...base, minLrRatio: 0 })).toBeNull();
    expect(checkConfig({ ...base, trainKinds: {} as never })).toMatch(
      /^trainKinds must be a list of task kinds/,
    );
    expect(checkConfig({ ...base, model: { ...base.model, heads: 3 } })).toMatch(
      /^model\.dModel \(\d+\) must be a multiple of model\.heads \(3\)/,
    );
    expect(checkConfig({ ...base, model: { ...base.model, dModel: 0 } })).toMatch(
      /^model\.dModel must be a positive integer, got 0/,
    );
  });
});

describe('presets', () => {
  it('are all valid configs, and the grid has the paper’s nine baselines', () => {
    for (const p of PRESETS) expect(checkConfig(p.config), p.id).toBeNull();
    expect(PAPER_GRID.map((b) => baselineConfig(DEFAULT_CONFIG, b).name)).toEqual([
      'untrained',
      'warm-start',
      'joint-rl',
      'single-localization',
      'single-editing',
      'single-testgen',
      'single-reproduction',
      'single-review',
      'composite-only',
    ]);
    const composite = baselineConfig(DEFAULT_CONFIG, { kind: 'composite-only' });
    expect(composite.trainKinds).toEqual(['bugfix']);
    const untrained = baselineConfig(QUICK_CONFIG, { kind: 'untrained' });
    expect([untrained.steps, untrained.warmStartPerKind, untrained.model]).toEqual([
      0,
      0,
      QUICK_CONFIG.model,
    ]);
  });

  it('match a single-skill run to the tasks of its skill a joint step draws', () => {
    // The arithmetic below takes ten tasks a step (whatever the default is).
    const ten = { ...DEFAULT_CONFIG, tasksPerStep: 10 };
    const matched = baselineConfig(ten, { kind: 'matched', skill: 'reproduction' });
    // 10 tasks a step over five equally weighted skills: 2 of each.
    expect([matched.name, matched.trainKinds, matched.tasksPerStep]).toEqual([
      'matched-reproduction',
      ['reproduction'],
      2,
    ]);
    expect(matched.steps).toBe(ten.steps);
    // Weights 1.5 and 0.5 of a total 5: 3 and 1 of 10; a share never rounds to nothing.
    const mixed = { ...ten, mix: { reproduction: 1.5, review: 0.5 } };
    expect(jointShare(mixed, 'reproduction')).toBe(3);
    expect(jointShare(mixed, 'review')).toBe(1);
    expect(jointShare({ ...ten, tasksPerStep: 2 }, 'editing')).toBe(1);
    expect(jointShare({ ...ten, mix: { editing: 0 } }, 'editing')).toBe(1);
    // Training tasks of two skills only: a joint step draws 5 of each (the buffer's draw).
    const two = ['reproduction', 'review'] as const;
    expect(jointShare(ten, 'reproduction', two)).toBe(5);
    expect(jointShare(mixed, 'reproduction', two)).toBe(8);
    expect(baselineConfig(ten, { kind: 'matched', skill: 'review' }, two).tasksPerStep).toBe(5);
    // Dynamic sampling asks a matched step for no more disagreeing groups than it has tasks.
    const topped = { ...ten, minSignalGroups: 4 };
    expect(baselineConfig(topped, { kind: 'matched', skill: 'editing' }).minSignalGroups).toBe(2);
    expect(baselineConfig(topped, { kind: 'single', skill: 'editing' }).minSignalGroups).toBe(4);
    // Self-imitation replays a matched step's share of the joint step's replayed answers.
    const replaying = { ...ten, replayPerStep: 10 };
    expect(baselineConfig(replaying, { kind: 'matched', skill: 'editing' }).replayPerStep).toBe(2);
    expect(baselineConfig(replaying, { kind: 'single', skill: 'editing' }).replayPerStep).toBe(10);
    expect(baselineConfig(ten, { kind: 'matched', skill: 'editing' }).replayPerStep).toBe(0);
    expect(INTERFERENCE_GRID.map((b) => baselineConfig(DEFAULT_CONFIG, b).name)).toEqual([
      'warm-start',
      'joint-rl',
      'single-localization',
      'single-editing',
      'single-testgen',
      'single-reproduction',
      'single-review',
      'matched-localization',
      'matched-editing',
      'matched-testgen',
      'matched-reproduction',
      'matched-review',
    ]);
    for (const b of INTERFERENCE_GRID)
      expect(checkConfig(baselineConfig(DEFAULT_CONFIG, b)), JSON.stringify(b)).toBeNull();
  });
});

describe('checkConfig on whole-number settings', () => {
  it('refuses values outside their range, naming it, and takes both ends', () => {
    const at = (patch: Partial<typeof DEFAULT_CONFIG>) =>
      checkConfig({ ...DEFAULT_CONFIG, ...patch });
    expect(at({ steps: 99_999_999 })).toBe('steps must be a whole number from 0 to 100,000');
    expect(at({ steps: 100_000 })).toBeNull();
    expect(at({ steps: 0 })).toBeNull();
    expect(at({ groupSize: 80_000 })).toMatch(/^groupSize must be a whole number from 2 to 256$/);
    expect(at({ innerEpochs: 0 })).toMatch(/^innerEpochs must be a whole number from 1 to 10$/);
    // The generator takes 32 bits: seeds beyond, negative or fractional ones would alias others.
    expect(at({ seed: 2 ** 32 + 1 })).toMatch(
      /^seed must be a whole number from 0 to 4,294,967,295$/,
    );
    expect(at({ seed: -1 })).toMatch(/^seed /);
    expect(at({ seed: 1.5 })).toMatch(/^seed /);
    expect(at({ seed: 2 ** 32 - 1 })).toBeNull();
    expect(at({ evalSamples: Number.NaN })).toMatch(/^evalSamples /);
  });
});

describe('checkConfig on the network size', () => {
  const model = (m: Partial<typeof DEFAULT_CONFIG.model>) => ({
    ...DEFAULT_CONFIG,
    model: { ...DEFAULT_CONFIG.model, ...m },
  });
  it('refuses more than MAX_PARAMETERS parameters, naming what to lower', () => {
    expect(checkConfig(model({ dModel: 192, ffDim: 768, encoderLayers: 4 }))).toBeNull();
    const problem = checkConfig(model({ dModel: 512, ffDim: 2048, encoderLayers: 4 }));
    expect(problem).toMatch(/M parameters, over the 5M the policy may have; lower model.dModel/);
    expect(MAX_PARAMETERS).toBe(5_000_000);
  });
  it('refuses a group that one training pass cannot hold, and accepts it in smaller groups', () => {
    expect(checkConfig(model({ maxObsLen: 2048 }))).toBeNull();
    const long = model({ maxObsLen: 4096 });
    expect(checkConfig(long)).toMatch(
      /model.maxObsLen: a group of groupSize answers over one observation of 4096 tokens needs about \d+\.\d GB in a training pass, over the 2\.7 GB a pass may use; lower model.maxObsLen/,
    );
    expect(checkConfig(model({ maxObsLen: 4096, heads: 1, encoderLayers: 1 }))).toBeNull();
    const wide = model({ maxObsLen: 3072 });
    expect(checkConfig(wide)).toMatch(/, groupSize or model.maxActLen$/);
    expect(checkConfig({ ...wide, groupSize: 2 })).toBeNull();
  });
});

describe('resolveConfig', () => {
  it('merges fields over a preset', () => {
    const c = resolveConfig({ extends: 'quick', steps: 3, model: { dModel: 16 } });
    expect(c.steps).toBe(3);
    expect(c.model.dModel).toBe(16);
    expect(c.model.heads).toBe(QUICK_CONFIG.model.heads);
    expect(resolveConfig({}).name).toBe(DEFAULT_CONFIG.name);
  });

  it('refuses unknown fields, wrong types, unknown presets and invalid values, naming them', () => {
    expect(() => resolveConfig({ stpes: 3 }, 'my.json')).toThrow(/my\.json: stpes: unknown field/);
    expect(() => resolveConfig({ model: { depth: 3 } })).toThrow(/model\.depth: unknown field/);
    expect(() => resolveConfig({ steps: '3' })).toThrow(/steps: expected a number/);
    expect(() => resolveConfig({ extends: 'nope' })).toThrow(/unknown preset "nope"/);
    expect(() => resolveConfig({ groupSize: 1 })).toThrow(
      /groupSize must be a whole number from 2 to 256/,
    );
    expect(() => resolveConfig([1])).toThrow(/expected a JSON object/);
  });
});

describe('checkpoint encoding', () => {
  const checkpoint: Checkpoint = {
    format: 'atomic-skills-lab/checkpoint',
    version: 1,
    config: QUICK_CONFIG,
    step: 3,
    vocabulary: ['a', 'b'],
    weights: [{ name: 'w', shape: [2, 2], values: Float32Array.from([1.5, -2, Math.PI, 1e-30]) }],
    optimizer: [],
    reference: null,
    rng: { tasks: [1, 2, 3, 4], decode: [5, 6, 7, 8] },
    metrics: [],
  };

  it('round-trips float32 values exactly through JSON', () => {
    const back = decodeCheckpoint(JSON.parse(JSON.stringify(encodeCheckpoint(checkpoint))));
    expect([...back.weights[0]!.values]).toEqual([...checkpoint.weights[0]!.values]);
    expect(back.rng).toEqual(checkpoint.rng);
  });

  it('refuses damaged arrays with the field that is wrong', () => {
    const encoded = encodeCheckpoint(checkpoint);
    const short = { ...encoded, weights: [{ ...encoded.weights[0]!, shape: [3, 2] }] };
    expect(() => decodeCheckpoint(short)).toThrow(/"w" has 16 bytes, expected 24/);
    expect(() => decodeCheckpoint({ ...encoded, format: 'x' })).toThrow(/format/);
    expect(() => decodeCheckpoint({ ...encoded, weights: [{ name: 'w' }] })).toThrow(
      /weights\[0\] needs a name, a shape and base64 values/,
    );
  });
});

describe('lengthBatches', () => {
  it('keeps every example once and batches similar lengths together', () => {
    const rng = createRng(4);
    const items = Array.from({ length: 300 }, (_, i) => ({
      id: i,
      observation: { tokens: new Array<number>(1 + ((i * 37) % 500)).fill(0) },
    }));
    const batches = lengthBatches(rng.shuffle(items), rng);
    expect(
      batches
        .flat()
        .map((x) => x.id)
        .sort((a, b) => a - b),
    ).toEqual(items.map((x) => x.id));
    const spread = (b: typeof items) =>
      Math.max(...b.map((x) => x.observation.tokens.length)) -
      Math.min(...b.map((x) => x.observation.tokens.length));
    const mean = batches.reduce((s, b) => s + spread(b), 0) / batches.length;
    expect(mean).toBeLessThan(150);
  });
});
