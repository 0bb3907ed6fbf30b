import { describe, expect, it } from 'vitest';
import { PolicyTrainer } from '../policy/model';
import { tinyRun } from '../cli/testFixtures';
import { createPolicyModel, PolicyAgent } from './agent';
import { checkConfig, flatGroupAnswers, type TrainConfig } from './config';
import { grpoStep } from './grpo';
import { groupDisagrees } from '../protocol/advantage';
import { bedContext, grpoTestBed, recordBatches } from './grpoTestBed';
import { vocabularyForTasks } from './vocabulary';

const bed = grpoTestBed();

/** One GRPO step of an untrained tiny model; the batch it trained on and its episodes. */
async function stepWith(config: TrainConfig) {
  const { tasks } = bed;
  const vocab = vocabularyForTasks(tasks, config.model.vocabSize, config.model.maxObsLen);
  const model = createPolicyModel(config, vocab);
  const agent = new PolicyAgent(model, vocab);
  const trainer = new PolicyTrainer(model, { learningRate: 1e-3, maxGradNorm: 1 });
  const batches = recordBatches(trainer);
  try {
    const { episodes } = await grpoStep(bedContext(bed, { agent, trainer, config }), 0);
    return { batch: batches[0]!, episodes };
  } finally {
    trainer.dispose();
    model.dispose();
  }
}

describe('flatGroupAnswers', () => {
  const base: TrainConfig = {
    ...tinyRun,
    seed: 6,
    tasksPerStep: 8,
    groupSize: 4,
    keepFlatGroups: true,
  };

  it('keeps the first answers of each flat group and every answer of a group with signal', async () => {
    const all = await stepWith({ ...base, flatGroupAnswers: 0 });
    const few = await stepWith({ ...base, flatGroupAnswers: 1 });
    // Same seed, same draws: the same episodes either way.
    expect(few.episodes.map((e) => e.sample.actions)).toEqual(
      all.episodes.map((e) => e.sample.actions),
    );
    const groups = new Map<number, (typeof all.episodes)[number][]>();
    for (const e of all.episodes)
      groups.set(e.groupIndex, [...(groups.get(e.groupIndex) ?? []), e]);
    const flat = [...groups.values()].filter(
      (g) => !groupDisagrees(g.map((e) => e.verification.reward as number)),
    );
    // The untrained model's groups are mostly flat: the cut is exercised.
    expect(flat.length).toBeGreaterThan(0);
    expect(all.batch.actions).toEqual(all.episodes.map((e) => e.sample.actions));
    const kept = [...groups.values()].flatMap((g) =>
      groupDisagrees(g.map((e) => e.verification.reward as number)) ? g : g.slice(0, 1),
    );
    expect(few.batch.actions).toEqual(kept.map((e) => e.sample.actions));
    expect([...few.batch.advantages]).toEqual(kept.map((e) => e.advantage));
    expect(few.batch.actions.length).toBe(all.batch.actions.length - 3 * flat.length);
  }, 120_000);

  it('is all of the group when 0 or absent, and checked against the group size', () => {
    expect(flatGroupAnswers({ ...base, flatGroupAnswers: 0 })).toBe(4);
    expect(flatGroupAnswers({ ...base, flatGroupAnswers: 2 })).toBe(2);
    const older: Partial<TrainConfig> = { ...base };
    delete older.flatGroupAnswers;
    expect(flatGroupAnswers(older as TrainConfig)).toBe(4);
    expect(checkConfig(older as TrainConfig)).toBeNull();
    expect(checkConfig({ ...base, flatGroupAnswers: 5 })).toMatch(
      /flatGroupAnswers must be a whole number from 0 \(all\) to groupSize \(4\)/,
    );
    expect(checkConfig({ ...base, flatGroupAnswers: 1.5 })).toMatch(/flatGroupAnswers/);
  });
});
