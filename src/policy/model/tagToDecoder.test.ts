import '../../node/tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import { PolicyModel } from './policyModel';
import { PolicyTrainer } from './policyTrainer';
import { observation, pointerGrammar as grammar, tinyConfig, useBackend } from './testUtils';
import type { ScoredBatch } from './types';

beforeAll(() => useBackend('cpu'));

/** Two observations that differ only in their first token (the skill tag), two answers each. */
async function batchFor(model: PolicyModel): Promise<ScoredBatch> {
  const observations = [observation([1, 5, 6, 7, 8]), observation([2, 5, 6, 7, 8])];
  const rows = observations.flatMap((o) => [o, o]);
  const rng = createRng(3);
  const actions: number[][] = [];
  for (const o of observations)
    for (const s of await model.sampleGroup(o, grammar, 2, 1, rng)) actions.push(s.actions);
  return {
    observations: rows,
    actions,
    allowed: actions.map((a) => a.map((_, t) => grammar(t, a.slice(0, t))!)),
  };
}

describe('ModelConfig.tagToDecoder', () => {
  it('starts as the same function, then learns a tag path the plain model lacks', async () => {
    const plain = PolicyModel.create(tinyConfig({ seed: 4 }));
    const tagged = PolicyModel.create(tinyConfig({ seed: 4, tagToDecoder: true }));
    expect(tagged.parameterCount() - plain.parameterCount()).toBe(16 * 16);
    const batch = await batchFor(plain);
    // The tag matrix starts at zero: every log-prob is what the plain model gives.
    expect(await tagged.logProbs(batch)).toEqual(await plain.logProbs(batch));
    const trainer = new PolicyTrainer(tagged, { learningRate: 0.01, maxGradNorm: 1 });
    for (let s = 0; s < 3; s++) await trainer.supervisedStep(batch);
    const weights = await tagged.getWeights();
    const tag = weights.find((w) => w.name === 'dec.tag.w')!;
    expect(tag.values.some((v) => v !== 0)).toBe(true);
    // Sampling and teacher forcing agree on the trained model (one decoder, both paths).
    const [o] = batch.observations;
    for (const s of await tagged.sampleGroup(o!, grammar, 3, 1, createRng(9))) {
      const [rescored] = await tagged.logProbs({
        observations: [o!],
        actions: [s.actions],
        allowed: [s.actions.map((_, t) => grammar(t, s.actions.slice(0, t))!)],
      });
      rescored!.forEach((lp, t) => expect(lp).toBeCloseTo(s.logProbs[t]!, 4));
    }
    trainer.dispose();
    tagged.dispose();
    plain.dispose();
  });
});
