/**
 * The training benchmark's workload, shared by Node (bench/training.ts) and headless Chromium
 * (bench/browser/training.ts): plain TypeScript over TensorFlow.js core, no Node or DOM API, so
 * every backend times the very same GRPO steps of the default config on the same tasks.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../src/core/rng';
import type { SandboxRunner } from '../src/core/sandbox/types';
import type { Task } from '../src/core/tasks/types';
import { PolicyModel, PolicyTrainer } from '../src/policy/model';
import { createPolicyModel, PolicyAgent } from '../src/rl/agent';
import { TaskBuffer } from '../src/rl/buffer';
import { DEFAULT_CONFIG, type TrainConfig } from '../src/rl/config';
import { grpoStep, type StepMetrics } from '../src/rl/grpo';
import { vocabularyForTasks } from '../src/rl/vocabulary';

/** The default recipe's GRPO step (10 tasks × 8 samples, model dModel 64, 2+2 layers, KL on). */
export const BENCH_CONFIG: TrainConfig = DEFAULT_CONFIG;

export interface TrainingFigures {
  backend: string;
  warmUpSteps: number;
  /** Per timed step, in order. */
  steps: (Pick<
    StepMetrics,
    'wallMs' | 'modelMs' | 'sandboxMs' | 'gradingMs' | 'episodes' | 'rewardMean'
  > & { overlap: boolean })[];
  meanMs: number;
  medianMs: number;
  /** Episodes over the timed steps' total wall time. */
  episodesPerSecond: number;
  /** Mean per step. */
  modelMs: number;
  /** Waiting on grading that sampling did not hide. */
  sandboxMs: number;
  /** Grading in flight, hidden or not. */
  gradingMs: number;
  /** Wall time of the warm-up steps (first compiles, shader builds, wasm start). */
  warmUpMs: number;
  /** tf.memory().numTensors before the first timed step and after each. */
  tensorsBefore: number;
  tensorsAfter: number[];
  parameters: number;
}

export interface TrainingRunOptions {
  tasks: readonly Task[];
  sandbox: SandboxRunner;
  warmUpSteps: number;
  /** Timed steps at most... */
  steps: number;
  /** ...and no more once the timed steps took this long (at least one step is timed). */
  budgetMs: number;
  now: () => number;
  /**
   * Grade a group while the next is sampled (default false, as training; see GrpoContext). 'alternate'
   * switches it off on every other timed step (odd ones), so that `splitByOverlap` compares the
   * two under the same load.
   */
  overlapGrading?: boolean | 'alternate';
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

/** Figures over some timed steps (means, median, episodes/s). */
function summarize(
  base: Pick<TrainingFigures, 'backend' | 'warmUpSteps' | 'warmUpMs' | 'tensorsBefore'>,
  steps: TrainingFigures['steps'],
  tensorsAfter: number[],
  parameters: number,
): TrainingFigures {
  const walls = steps.map((s) => s.wallMs).sort((a, b) => a - b);
  const totalMs = walls.reduce((s, x) => s + x, 0);
  const mid = walls.length >> 1;
  return {
    ...base,
    steps,
    meanMs: mean(walls),
    medianMs:
      walls.length % 2 ? (walls[mid] ?? 0) : ((walls[mid - 1] ?? 0) + (walls[mid] ?? 0)) / 2,
    episodesPerSecond:
      totalMs > 0 ? (steps.reduce((s, x) => s + x.episodes, 0) * 1000) / totalMs : 0,
    modelMs: mean(steps.map((s) => s.modelMs)),
    sandboxMs: mean(steps.map((s) => s.sandboxMs)),
    gradingMs: mean(steps.map((s) => s.gradingMs ?? s.sandboxMs)),
    tensorsAfter,
    parameters,
  };
}

/**
 * The figures of an 'alternate' run split in two: the steps graded while sampling, and those
 * graded group by group (tensor counts stay with the whole run).
 */
export function splitByOverlap(f: TrainingFigures): {
  overlapped: TrainingFigures;
  sequential: TrainingFigures;
} {
  const part = (overlap: boolean) =>
    summarize(
      f,
      f.steps.filter((s) => s.overlap === overlap),
      f.tensorsAfter,
      f.parameters,
    );
  return { overlapped: part(true), sequential: part(false) };
}

/**
 * On the active TensorFlow.js backend: a fresh model of the default config (no warm start: the
 * bench times the GRPO step, not what it learns), its trainer, KL reference and agent, then
 * `warmUpSteps` untimed and up to `steps` timed GRPO steps (within `budgetMs`) with the default
 * config.
 */
export async function timeTraining(o: TrainingRunOptions): Promise<TrainingFigures> {
  const config = BENCH_CONFIG;
  const root = createRng(config.seed);
  const bufferTasks = o.tasks.filter((t) => config.trainKinds.includes(t.kind));
  const vocab = vocabularyForTasks(bufferTasks, config.model.vocabSize, config.model.maxObsLen);
  const model = createPolicyModel(config, vocab);
  const trainer = new PolicyTrainer(model, {
    learningRate: config.learningRate,
    maxGradNorm: config.maxGradNorm,
  });
  const reference = PolicyModel.create(model.config);
  reference.setWeights(await model.getWeights());
  const agent = new PolicyAgent(model, vocab);
  const buffer = new TaskBuffer(bufferTasks);
  const streams = { tasks: root.fork('tasks'), decode: root.fork('decode') };
  const ctx = {
    agent,
    trainer,
    reference,
    sandbox: o.sandbox,
    buffer,
    config,
    streams,
    now: o.now,
    overlapGrading: o.overlapGrading === true,
  };
  const overlapAt = (timed: number) =>
    o.overlapGrading === 'alternate' ? timed % 2 === 0 : o.overlapGrading === true;
  try {
    const warmStart = o.now();
    for (let s = 0; s < o.warmUpSteps; s++) await grpoStep(ctx, s);
    const warmUpMs = o.now() - warmStart;
    const tensorsBefore = tf.memory().numTensors;
    const steps: TrainingFigures['steps'] = [];
    const tensorsAfter: number[] = [];
    let timedMs = 0;
    for (let s = 0; s < o.steps && (s === 0 || timedMs < o.budgetMs); s++) {
      const overlap = overlapAt(s);
      const { metrics } = await grpoStep({ ...ctx, overlapGrading: overlap }, o.warmUpSteps + s);
      const { wallMs, modelMs, sandboxMs, gradingMs, episodes, rewardMean } = metrics;
      steps.push({ wallMs, modelMs, sandboxMs, gradingMs, episodes, rewardMean, overlap });
      timedMs += wallMs;
      tensorsAfter.push(tf.memory().numTensors);
    }
    return summarize(
      { backend: tf.getBackend(), warmUpSteps: o.warmUpSteps, warmUpMs, tensorsBefore },
      steps,
      tensorsAfter,
      model.parameterCount(),
    );
  } finally {
    trainer.dispose();
    reference.dispose();
    model.dispose();
  }
}
