import '../../node/tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import { contentKey } from './observations';
import { PASS_BYTES, passBytes } from './passBytes';
import { planPasses } from './passes';
import { profilePass } from './passProfile';
import { PolicyModel } from './policyModel';
import { PolicyTrainer } from './policyTrainer';
import { defaultModelConfig, type ModelConfig, type Observation } from './types';
import { useBackend } from './testUtils';

beforeAll(() => useBackend('cpu'));

/** `units` distinct observations of `length` random tokens. */
function observations(config: ModelConfig, units: number, length: number, seed = 1): Observation[] {
  const rng = createRng(seed);
  return Array.from({ length: units }, () => ({
    tokens: Int32Array.from({ length }, () => 1 + Math.floor(rng.next() * (config.vocabSize - 1))),
    segments: new Int32Array(length),
  }));
}

describe('passBytes', () => {
  const shapes = [
    { d: 32, heads: 2, layers: 1, T: 256, units: 2, perUnit: 4, steps: 8, V: 500 },
    { d: 32, heads: 4, layers: 2, T: 300, units: 3, perUnit: 2, steps: 10, V: 1000 },
  ];
  it.each(shapes)('is within 15% of the tensor bytes a pass peaks at (%o)', async (s) => {
    const config: ModelConfig = {
      ...defaultModelConfig(s.V),
      dModel: s.d,
      heads: s.heads,
      encoderLayers: s.layers,
      decoderLayers: 1,
      ffDim: 2 * s.d,
    };
    const { peak, estimate } = await profilePass(config, {
      units: s.units,
      length: s.T,
      perUnit: s.perUnit,
      steps: s.steps,
    });
    const ratio = estimate / peak;
    expect(ratio).toBeGreaterThan(0.85);
    expect(ratio).toBeLessThan(1.15);
  });
});

describe('planPasses with a byte budget', () => {
  const config = defaultModelConfig(2000);
  const longest = (n: number) => new Array<number>(n).fill(config.maxActLen);

  it("keeps the default recipe's batches in one pass (observations at full length)", () => {
    // The warm start's batch of 16 distinct observations, answers at full length.
    const warm = observations(config, 16, config.maxObsLen);
    expect(planPasses(warm, 80, { config, bytes: PASS_BYTES, steps: longest(16) })).toHaveLength(1);
    // A GRPO step of 10 groups of 8: one pass while answers average up to 35 steps, even with
    // the longest at the full 48 (every row's decoder runs to the longest answer).
    const grpo = observations(config, 10, config.maxObsLen).flatMap((o) =>
      new Array<Observation>(8).fill(o),
    );
    const plan = (steps: number[]) => planPasses(grpo, 80, { config, bytes: PASS_BYTES, steps });
    const mostly = (n: number) => [config.maxActLen, ...new Array<number>(79).fill(n)];
    expect(plan(mostly(35))).toHaveLength(1);
    expect(plan(mostly(39))).toHaveLength(2);
    expect(plan(new Array<number>(80).fill(config.maxActLen))).toHaveLength(2);
    // Padding counts: the same real steps cost more when one answer is long.
    expect(passBytes(config, 10, 512, 960, 80 * 48)).toBeGreaterThan(
      passBytes(config, 10, 512, 960),
    );
  });

  it('splits what would not fit into passes that do, each row once, groups whole', () => {
    const wide = { ...config, maxObsLen: 1024, dModel: 96, ffDim: 192 };
    const distinct = observations(wide, 12, 1024);
    const rows = [0, 1, 2].flatMap(() => distinct);
    const steps = rows.map((_, i) => 4 + (i % 9));
    expect(passBytes(wide, 12, 1024, 96)).toBeGreaterThan(PASS_BYTES);
    const plan = planPasses(rows, 80, { config: wide, bytes: PASS_BYTES, steps });
    expect(plan.length).toBeGreaterThan(1);
    expect(plan.flat().sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
    for (const pass of plan) {
      const keys = new Set(pass.map((r) => contentKey(rows[r]!)));
      expect(pass).toHaveLength(3 * keys.size);
      const used = pass.reduce((n, r) => n + steps[r]!, 0);
      const padded = pass.length * Math.max(...pass.map((r) => steps[r]!));
      expect(passBytes(wide, keys.size, 1024, used, padded)).toBeLessThanOrEqual(PASS_BYTES);
    }
  });
});

describe('a batch too big for one pass, on wasm', () => {
  it('trains in passes where one pass aborted the wasm heap', { timeout: 120_000 }, async () => {
    await useBackend('wasm');
    // The default model reading 1,024 tokens: the warm start's batch of 16 such observations,
    // in one pass an estimated 5.0 GiB (tfjs-wasm aborted at its 4 GB heap before batches split).
    const config = { ...defaultModelConfig(2000), maxObsLen: 1024 };
    const model = PolicyModel.create(config);
    const trainer = new PolicyTrainer(model, { learningRate: 1e-3, maxGradNorm: 1 });
    const rows = observations(config, 16, 1024, 3);
    expect(passBytes(config, 16, 1024, 16 * 12)).toBeGreaterThan(4 * 2 ** 30);
    const allowed = [3, 4, 5, config.vocabSize + 7, config.vocabSize + 9];
    const actions = rows.map((_, r) => Array.from({ length: 12 }, (_, t) => allowed[(r + t) % 5]!));
    const stats = await trainer.supervisedStep({
      observations: rows,
      actions,
      allowed: actions.map((a) => a.map(() => allowed)),
    });
    expect(stats.passes).toBeGreaterThan(1);
    expect(Number.isFinite(stats.loss) && Number.isFinite(stats.gradNorm)).toBe(true);
    trainer.dispose();
    model.dispose();
    await useBackend('cpu');
  });
});
