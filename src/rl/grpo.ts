import type { Rng } from '../core/rng';
import type { SandboxRunner } from '../core/sandbox/types';
import type { Verification } from '../core/skills/types';
import { verifyGroup } from '../core/skills/verify';
import { TASK_KINDS, type Task, type TaskKind } from '../core/tasks/types';
import type { StepPoint } from '../protocol/training';
import type { PolicyModel, PolicyTrainer, StepStats, TrainBatch } from '../policy/model';
import type { PolicyAgent, SampledAnswer } from './agent';
import { overlapped } from './overlap';
import type { TaskBuffer } from './buffer';
import {
  extraDrawLimit,
  learningRateAt,
  minSignalGroups,
  mixWeights,
  replayPerStep,
  type TrainConfig,
} from './config';
import type { ReplayStore } from './replay';
import { groupAdvantages, groupDisagrees, updateShare } from '../protocol/advantage';
import { updateRule } from './updateRule';

/**
 * The advantage a replayed answer trains at: a typical good answer's in group-std units
 * (`advantageStd`); with raw advantages (reward minus the mean, rewards in [0, 1]) it is at or
 * above any sampled answer's. Under `kindMean` (and `projectConflicts`) replayed answers count
 * with their kind, so a kind that only replay brings into a step forms a loss group of its own.
 */
export const REPLAY_ADVANTAGE = 1;

/** What one GRPO step logs (the Train page charts these; the shape lives in the protocol). */
export type StepMetrics = StepPoint;

/** One graded episode of a step, as the trace viewer stores it. */
export interface StepEpisode {
  task: Task;
  sample: SampledAnswer;
  verification: Verification;
  groupIndex: number;
  advantage: number;
}

export interface GrpoContext {
  agent: PolicyAgent;
  trainer: PolicyTrainer;
  reference: PolicyModel | null;
  sandbox: SandboxRunner;
  buffer: TaskBuffer;
  config: TrainConfig;
  streams: { tasks: Rng; decode: Rng };
  now: () => number;
  /**
   * Sample the groups one at a time and grade each in the sandbox workers while the model samples
   * the next one. Off by default: all groups are decoded in one batch, then graded. On the 2-core
   * machine it was measured on, grading beside sampling took CPU from the model and steps got
   * slower (1.4x, README "Training benchmark"); it may help where spare cores are. The answers
   * differ from the batched ones (the draws come in another order), not their distribution.
   */
  overlapGrading?: boolean;
  /** The run's self-imitation replay (`replayPerStep`); each step offers its groups to it. */
  replay?: ReplayStore;
}

const avg = (xs: number[]): number => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

/**
 * One GRPO step: draw tasks from the unified buffer, sample a group of answers per task (all
 * groups decoded in one batch), grade each in the sandbox (with `overlapGrading`, group by group:
 * the workers grade a group while the model samples the next one, as the paper's asynchronous
 * rollouts overlap the two), advantage = reward minus
 * the group mean (optionally over its std), then PPO-clipped updates over `innerEpochs`. Groups
 * whose rewards all agree carry no reward signal: they are left out of the batch, or with
 * `keepFlatGroups` kept at advantage 0, where only the KL and entropy terms act on them. With
 * `minSignalGroups`, more tasks are drawn one at a time
 * (up to `extraDrawLimit`) until that many groups disagree (the paper's dynamic sampling); an
 * extra group enters the batch only when it disagrees.
 */
export async function grpoStep(
  ctx: GrpoContext,
  step: number,
): Promise<{ metrics: StepMetrics; episodes: StepEpisode[] }> {
  const { config, agent, now } = ctx;
  const start = now();
  let modelMs = 0;
  let sandboxMs = 0;
  const lr = learningRateAt(config, step);
  ctx.trainer.setLearningRate(lr);
  // Replayed answers are drawn before this step's groups are offered, so none is replayed in
  // the step that sampled it.
  const replayed =
    ctx.replay?.draw(replayPerStep(config), mixWeights(config), ctx.streams.tasks) ?? [];
  const tasks = ctx.buffer.draw(config.tasksPerStep, mixWeights(config), ctx.streams.tasks);
  const planned = tasks.length;
  const rule = updateRule(config);
  const wantSignal = minSignalGroups(config);
  const extraLimit = extraDrawLimit(config);
  let signal = 0;
  const episodes: StepEpisode[] = [];
  const batch: TrainBatch = {
    observations: [],
    actions: [],
    allowed: [],
    advantages: new Float32Array(0),
    oldLogProbs: [],
    ...(config.kindMean === true ? { groups: [] } : {}),
    ...(config.projectConflicts === true ? { tasks: [] } : {}),
  };
  const advantages: number[] = [];
  const byKind = new Map<TaskKind, number[]>();
  let flat = 0;
  const sample = (task: Task) =>
    agent.sampleGroup(task, config.groupSize, config.temperature, ctx.streams.decode);
  // Only the rewards enter the update: grading stops once an answer's reward is settled, and
  // identical answers of a group are graded once.
  const grade = (group: SampledAnswer[], task: Task) =>
    verifyGroup(
      task,
      group.map((s) => s.answer),
      ctx.sandbox,
      { untilDecided: true },
    );
  const add = (g: number, task: Task, group: SampledAnswer[], verdicts: Verification[]) => {
    const rewards = verdicts.map((v) => v.reward as number);
    byKind.set(task.kind, [...(byKind.get(task.kind) ?? []), ...rewards]);
    const adv = groupAdvantages(rewards, config.advantageStd);
    ctx.replay?.offer(task, group, rewards);
    group.forEach((sample, i) =>
      episodes.push({
        task,
        sample,
        verification: verdicts[i]!,
        groupIndex: g,
        advantage: adv[i]!,
      }),
    );
    if (groupDisagrees(rewards)) signal++;
    else flat++;
    // A flat group enters the update only when kept, with its first answers (not for the extra
    // draws); the trace viewer says the same of each stored answer.
    const kept = group.flatMap((_, i) => (updateShare(rewards, g, i, rule).entered ? [i] : []));
    if (kept.length === 0) return;
    const observation = agent.prepare(task).observation;
    kept.forEach((i) => {
      const s = group[i]!;
      batch.observations.push(observation);
      batch.actions.push(s.actions);
      batch.allowed.push(s.allowed);
      batch.oldLogProbs.push(s.logProbs);
      batch.groups?.push(TASK_KINDS.indexOf(task.kind));
      batch.tasks?.push(TASK_KINDS.indexOf(task.kind));
      advantages.push(adv[i]!);
    });
  };
  // The planned groups: sampled together in one batch, then graded; with overlapGrading, each
  // group is sampled on its own and graded while the next one is sampled.
  let gradingMs = 0;
  if (ctx.overlapGrading === true) {
    const { results, times } = await overlapped(tasks, sample, grade, {
      now,
      maxAhead: Infinity,
    });
    modelMs += times.produceMs;
    sandboxMs += times.waitMs;
    gradingMs += times.busyMs;
    results.forEach((r, g) => add(g, tasks[g]!, r.product, r.consumed));
  } else {
    let t0 = now();
    const groups = await agent.sampleGroups(
      tasks.map((task) => ({ task, count: config.groupSize, rng: ctx.streams.decode })),
      config.temperature,
    );
    modelMs += now() - t0;
    t0 = now();
    const verdicts = await Promise.all(groups.map((group, g) => grade(group, tasks[g]!)));
    sandboxMs += now() - t0;
    gradingMs += now() - t0;
    groups.forEach((group, g) => add(g, tasks[g]!, group, verdicts[g]!));
  }
  // Dynamic sampling: one more task at a time while too few groups disagree (each extra draw
  // depends on the verdicts before it, so nothing overlaps here).
  for (let g = planned; signal < wantSignal && g < planned + extraLimit; g++) {
    const [task] = ctx.buffer.draw(1, mixWeights(config), ctx.streams.tasks);
    if (!task) break;
    tasks.push(task);
    let t0 = now();
    const group = await sample(task);
    modelMs += now() - t0;
    t0 = now();
    const verdicts = await grade(group, task);
    sandboxMs += now() - t0;
    gradingMs += now() - t0;
    add(g, task, group, verdicts);
  }
  if (replayed.length > 0) {
    const t0 = now();
    const rows = replayed.map((h) => {
      const prepared = agent.prepare(h.task);
      return {
        kind: h.task.kind,
        observation: prepared.observation,
        actions: h.actions,
        allowed: agent.allowedTrace(prepared, h.actions),
      };
    });
    const old = await agent.model.logProbs({
      observations: rows.map((r) => r.observation),
      actions: rows.map((r) => r.actions),
      allowed: rows.map((r) => r.allowed),
    });
    rows.forEach((r, i) => {
      batch.observations.push(r.observation);
      batch.actions.push(r.actions);
      batch.allowed.push(r.allowed);
      batch.oldLogProbs.push(old[i]!);
      batch.groups?.push(TASK_KINDS.indexOf(r.kind));
      batch.tasks?.push(TASK_KINDS.indexOf(r.kind));
      advantages.push(REPLAY_ADVANTAGE);
    });
    modelMs += now() - t0;
  }
  batch.advantages = Float32Array.from(advantages);
  let stats: StepStats = {
    loss: 0,
    policyLoss: 0,
    entropy: avg(episodes.flatMap((e) => e.sample.entropies)),
    kl: 0,
    clipFraction: 0,
    gradNorm: 0,
    passes: 0,
  };
  // Rows of empty answers carry no log-prob: a batch of only those has nothing to update.
  if (batch.actions.some((a) => a.length > 0)) {
    const t0 = now();
    if (ctx.reference && config.klCoef > 0) batch.refLogProbs = await ctx.reference.logProbs(batch);
    for (let e = 0; e < config.innerEpochs; e++) {
      stats = await ctx.trainer.grpoStep(batch, {
        clipEps: config.clipEps,
        entropyCoef: config.entropyCoef,
        klCoef: config.klCoef,
        episodeMean: config.episodeMean === true,
        projectConflicts: config.projectConflicts === true,
      });
    }
    modelMs += now() - t0;
  }
  const all = episodes.map((e) => e.verification.reward as number);
  const wallMs = now() - start;
  const reward: StepMetrics['reward'] = {};
  for (const [k, rs] of byKind) reward[k] = avg(rs);
  const advAll = episodes.map((e) => e.advantage);
  const advMean = avg(advAll);
  return {
    metrics: {
      step,
      reward,
      rewardMean: avg(all),
      advantageMean: advMean,
      advantageStd: Math.sqrt(avg(advAll.map((a) => (a - advMean) ** 2))),
      flatGroups: tasks.length ? flat / tasks.length : 0,
      truncated: avg(episodes.map((e) => (e.sample.truncated ? 1 : 0))),
      kl: stats.kl,
      entropy: stats.entropy,
      clipFraction: stats.clipFraction,
      gradNorm: stats.gradNorm,
      passes: stats.passes,
      loss: stats.loss,
      learningRate: lr,
      episodes: episodes.length,
      ...(ctx.replay ? { replayed: replayed.length, replayHeld: ctx.replay.size() } : {}),
      episodesPerSecond: wallMs > 0 ? (episodes.length * 1000) / wallMs : 0,
      modelMs,
      sandboxMs,
      gradingMs,
      wallMs,
    },
    episodes,
  };
}
