import type { AgreementRow, BackendName } from '../../protocol/backend';
import { PolicyModel, PolicyTrainer } from '../model';
import type { ModelConfig, ScoredBatch } from '../model';
import { useBackend } from './backends';

export type { AgreementRow };

const CONFIG: ModelConfig = {
  vocabSize: 40,
  maxObsLen: 512,
  maxActLen: 6,
  dModel: 32,
  heads: 2,
  encoderLayers: 1,
  decoderLayers: 1,
  ffDim: 64,
  segmentTypes: 4,
  seed: 11,
};

/** A fixed batch: two observations, pointer and vocabulary actions. */
function fixedBatch(): ScoredBatch {
  const long = Int32Array.from({ length: 96 }, (_, i) => (i * 7) % 40);
  const short = Int32Array.from([3, 9, 27, 5, 1, 33, 8]);
  const obs = [
    { tokens: long, segments: long.map((t) => t % 4) },
    { tokens: short, segments: short.map(() => 1) },
  ];
  const V = CONFIG.vocabSize;
  const allowed = [0, 1, 2, V + 1, V + 3, V + 5];
  return {
    observations: [obs[0]!, obs[0]!, obs[1]!],
    actions: [
      [0, V + 3, 2],
      [V + 1, 1],
      [2, V + 5, 0, 1],
    ],
    allowed: [
      [allowed, allowed, allowed],
      [allowed, allowed],
      [allowed, allowed, allowed, allowed],
    ],
  };
}

/**
 * Runs the same seeded policy on each backend: log-probs of a fixed batch, one supervised
 * Adam step, log-probs again. Backends that agree give the same numbers within float32
 * tolerance. Restores nothing: the caller switches back.
 */
export async function backendAgreement(backends: readonly BackendName[]): Promise<AgreementRow[]> {
  const rows: AgreementRow[] = [];
  const batch = fixedBatch();
  for (const backend of backends) {
    const problem = await useBackend(backend);
    if (problem) throw new Error(problem);
    const model = PolicyModel.create(CONFIG);
    const trainer = new PolicyTrainer(model, { learningRate: 1e-2, maxGradNorm: 1 });
    try {
      const before = (await model.logProbs(batch)).flat();
      const { loss } = await trainer.supervisedStep(batch);
      const after = (await model.logProbs(batch)).flat();
      rows.push({ backend, before, after, loss });
    } finally {
      trainer.dispose();
      model.dispose();
    }
  }
  return rows;
}

/** The largest absolute difference between two backends' numbers. */
export function maxDifference(a: AgreementRow, b: AgreementRow): number {
  const xs = [...a.before, ...a.after, a.loss];
  const ys = [...b.before, ...b.after, b.loss];
  return Math.max(...xs.map((x, i) => Math.abs(x - ys[i]!)));
}
