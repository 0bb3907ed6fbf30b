import '../node/tf';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { vocabularyFromWords } from '../policy/encode/vocab';
import { createPolicyModel } from './agent';
import { checkCheckpoint, type Checkpoint } from './checkpoint';
import { checkpointPolicy } from './checkpointPolicy';
import { QUICK_CONFIG } from './presets';

const config = {
  ...QUICK_CONFIG,
  model: { ...QUICK_CONFIG.model, dModel: 16, ffDim: 32, vocabSize: 300 },
};
const words = ['a', 'b', 'c'];
let checkpoint: Checkpoint;
beforeAll(async () => {
  await tf.setBackend('cpu');
  const model = createPolicyModel(config, vocabularyFromWords(words));
  checkpoint = {
    format: 'atomic-skills-lab/checkpoint',
    version: 1,
    config,
    step: 3,
    vocabulary: words,
    weights: await model.getWeights(),
    optimizer: [],
    reference: null,
    rng: { tasks: [1, 2, 3, 4], decode: [5, 6, 7, 8] },
    metrics: [],
  };
  model.dispose();
});

describe('checkCheckpoint', () => {
  it('names the part missing or malformed, so a bad bundle is refused when imported', () => {
    expect(checkCheckpoint(checkpoint)).toBeNull();
    const without = (field: keyof Checkpoint) => {
      const copy: Partial<Checkpoint> = { ...checkpoint };
      delete copy[field];
      return checkCheckpoint(copy);
    };
    expect(without('rng')).toMatch(/^rng is not two RNG states/);
    expect(without('metrics')).toBe('metrics missing');
    expect(without('optimizer')).toBe('optimizer state missing');
    expect(without('config')).toBe('config missing');
    expect(
      checkCheckpoint({ ...checkpoint, rng: { tasks: [1, 2, 3], decode: [1, 2, 3, 4] } }),
    ).toMatch(/^rng is not/);
    expect(
      checkCheckpoint({ ...checkpoint, rng: { tasks: [1, 2, 3, -4], decode: [1, 2, 3, 4] } }),
    ).toMatch(/^rng is not/);
    expect(checkCheckpoint({ ...checkpoint, replay: {} })).toBe('replay is not a list');
  });
});

describe('checkpointPolicy', () => {
  it('frees the model it made when the weights do not fit it', () => {
    const before = tf.memory().numTensors;
    const short = { ...checkpoint, weights: checkpoint.weights.slice(1) };
    for (let i = 0; i < 2; i++)
      expect(() => checkpointPolicy(short)).toThrow(/Expected \d+ weights/);
    expect(tf.memory().numTensors).toBe(before);
    const { dispose } = checkpointPolicy(checkpoint);
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
