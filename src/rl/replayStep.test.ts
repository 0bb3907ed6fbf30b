import { describe, expect, it } from 'vitest';
import { TASK_KINDS } from '../core/tasks/types';
import { PolicyTrainer } from '../policy/model';
import { tinyRun } from '../cli/testFixtures';
import { createPolicyModel, PolicyAgent } from './agent';
import type { TrainConfig } from './config';
import { grpoStep, REPLAY_ADVANTAGE } from './grpo';
import { bedContext, grpoTestBed, recordBatches } from './grpoTestBed';
import { ReplayStore } from './replay';
import { vocabularyForTasks } from './vocabulary';

const bed = grpoTestBed();

describe('a GRPO step with self-imitation replay', () => {
  it('adds the held answers to the update at the replay advantage, scored by the current model, tagged by kind', async () => {
    const { tasks } = bed;
    const config: TrainConfig = {
      ...tinyRun,
      seed: 4,
      tasksPerStep: 2,
      groupSize: 3,
      replayPerStep: 3,
      kindMean: true,
      projectConflicts: true,
    };
    const vocab = vocabularyForTasks(tasks, config.model.vocabSize, config.model.maxObsLen);
    const model = createPolicyModel(config, vocab);
    const agent = new PolicyAgent(model, vocab);
    const trainer = new PolicyTrainer(model, { learningRate: 1e-3, maxGradNorm: 1 });
    // The store holds gold answers of two kinds (a test's stand-in for rewarded samples).
    const replay = new ReplayStore();
    const held = ['localization', 'review'].map((kind) => {
      const task = tasks.find((t) => t.kind === kind && agent.goldActions(t))!;
      replay.offer(task, [{ actions: [] }, { actions: agent.goldActions(task)!.actions }], [0, 1]);
      return task;
    });
    const before = new Map<string, number[]>();
    for (const t of held) {
      const p = agent.prepare(t);
      const actions = agent.goldActions(t)!.actions;
      const [lp] = await model.logProbs({
        observations: [p.observation],
        actions: [actions],
        allowed: [agent.allowedTrace(p, actions)],
      });
      before.set(t.id, lp!);
    }
    const batches = recordBatches(trainer);
    try {
      const { metrics, episodes } = await grpoStep(
        bedContext(bed, { agent, trainer, config, replay }),
        0,
      );
      expect(metrics.replayed).toBe(3);
      expect(batches).toHaveLength(1);
      const batch = batches[0]!;
      const sampled = batch.actions.length - 3;
      // Flat groups are kept (keepFlatGroups): every sampled answer is in the batch.
      expect(sampled).toBe(episodes.length);
      const rows = batch.actions.slice(sampled);
      const replayedTasks = rows.map((actions) =>
        held.find((t) => agent.goldActions(t)!.actions.join() === actions.join()),
      );
      expect(replayedTasks.every((t) => t !== undefined)).toBe(true);
      expect([...batch.advantages.slice(sampled)]).toEqual([
        REPLAY_ADVANTAGE,
        REPLAY_ADVANTAGE,
        REPLAY_ADVANTAGE,
      ]);
      expect(batch.groups!.slice(sampled)).toEqual(
        replayedTasks.map((t) => TASK_KINDS.indexOf(t!.kind)),
      );
      expect(batch.tasks!.slice(sampled)).toEqual(batch.groups!.slice(sampled));
      // Old log-probs: the model's own before the update (ratio 1 at the first pass).
      const prepared = replayedTasks.map((t) => agent.prepare(t!));
      expect(batch.observations.slice(sampled)).toEqual(prepared.map((p) => p.observation));
      const scored = rows.map((actions, i) => agent.allowedTrace(prepared[i]!, actions));
      expect(batch.allowed.slice(sampled)).toEqual(scored);
      batch.oldLogProbs.slice(sampled).forEach((lp, i) => {
        const want = before.get(replayedTasks[i]!.id)!;
        expect(lp).toHaveLength(want.length);
        lp.forEach((v, j) => expect(v).toBeCloseTo(want[j]!, 5));
      });
      // This step's groups were offered after the draw: the store holds at least what it did.
      expect(metrics.replayHeld).toBeGreaterThanOrEqual(2);
    } finally {
      trainer.dispose();
      model.dispose();
    }
  }, 300_000);
});
