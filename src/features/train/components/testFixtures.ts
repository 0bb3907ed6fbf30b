/** Small builders of training data for the Train components' tests. */
import type { EvalRecord, RunSummary, StepPoint } from '../../../protocol/training';

export function stepPoint(step: number, over: Partial<StepPoint> = {}): StepPoint {
  return {
    step,
    reward: {},
    rewardMean: 0,
    advantageMean: 0,
    advantageStd: 0,
    flatGroups: 0,
    kl: 0,
    entropy: 0,
    clipFraction: 0,
    gradNorm: 0,
    loss: 0,
    learningRate: 0.001,
    episodes: 48,
    episodesPerSecond: 10,
    modelMs: 100,
    sandboxMs: 50,
    wallMs: 200,
    ...over,
  };
}

export function evalRecord(step: number, bySkill: EvalRecord['bySkill']): EvalRecord {
  return { step, split: 'val', bySkill };
}

export function runSummary(id: string, over: Partial<RunSummary> = {}): RunSummary {
  return {
    id,
    name: `run ${id}`,
    status: 'done',
    tags: [],
    backend: 'wasm',
    createdAt: 0,
    step: 40,
    steps: 40,
    elapsedMs: 60_000,
    finalRewards: {},
    ...over,
  };
}
