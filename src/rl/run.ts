import type { Answer } from '../core/answers/types';
import { createRng, drawSalt, keyedRng, restoreRng, type Rng } from '../core/rng';
import type { SandboxRunner } from '../core/sandbox/types';
import type { Verification } from '../core/skills/types';
import type { Task, TaskKind } from '../core/tasks/types';
import { evaluatePolicy, type EvalResult } from '../eval/evaluate';
import { inKindOrder } from '../eval/stats';
import { agentPolicy } from '../eval/agentPolicy';
import { vocabularyFromWords } from '../policy/encode/vocab';
import { PolicyModel, PolicyTrainer } from '../policy/model';
import { createPolicyModel, PolicyAgent, type SampledAnswer } from './agent';
import { TaskBuffer } from './buffer';
import type { Checkpoint } from './checkpoint';
import { checkConfig, replayPerStep, warmStartLearningRate, type TrainConfig } from './config';
import { ReplayStore } from './replay';
import { grpoStep, type StepEpisode, type StepMetrics } from './grpo';
import { vocabularyForTasks } from './vocabulary';
import { warmStart, type WarmStartReport } from './warmStart';

export interface EvalPoint {
  step: number;
  split: 'val' | 'test';
  result: EvalResult;
  /**
   * The share of each kind's answers cut short at the decoder's step limit (`model.maxActLen`),
   * in the order of TASK_KINDS; absent in evaluations stored before it was kept.
   */
  cutShort?: Partial<Record<TaskKind, number>>;
}

/** What a stored episode keeps of a decoded answer (not the allowed sets or raw alternatives). */
export type AnswerTrace = Pick<
  SampledAnswer,
  'answer' | 'actions' | 'labels' | 'logProbs' | 'entropies' | 'topLabels' | 'truncated'
>;

const traceOf = (s: SampledAnswer): AnswerTrace => ({
  answer: s.answer,
  actions: s.actions,
  labels: s.labels,
  logProbs: s.logProbs,
  entropies: s.entropies,
  topLabels: s.topLabels,
  truncated: s.truncated,
});

/** One answer of an evaluation, with how it was decoded and graded. */
export interface EvalEpisode {
  task: Task;
  /** The task's place in the evaluation's list. */
  taskIndex: number;
  /** Which of the task's `evalSamples` answers (Avg@k) this is. */
  sampleIndex: number;
  sample: AnswerTrace;
  verification: Verification;
}

export interface RunInputs {
  config: TrainConfig;
  train: readonly Task[];
  val: readonly Task[];
  test: readonly Task[];
  sandbox: SandboxRunner;
  now: () => number;
  /** Continue a run exactly where this checkpoint left it (same config). */
  resume?: Checkpoint;
  /**
   * Start from these weights instead of training a warm start (e.g. the grid's RL baselines
   * all fork from one warm-start checkpoint); they are also the KL reference.
   */
  initFrom?: Pick<Checkpoint, 'vocabulary' | 'weights'>;
}

export interface RunHooks {
  onPhase?: (phase: 'warm-start' | 'rl' | 'eval' | 'done', detail?: string) => void;
  onWarmEpoch?: (epoch: number, loss: number) => void;
  onStep?: (metrics: StepMetrics, episodes: StepEpisode[]) => void;
  onEval?: (point: EvalPoint) => void;
  /**
   * An evaluation's answers (each validation's and the final test's), each with its decoding
   * and verdict (what that evaluation's scores were made of), in task order; called just
   * before `onEval` for that point.
   */
  onEvalEpisodes?: (point: EvalPoint, episodes: EvalEpisode[]) => void;
  /** Which evaluations' answers `onEvalEpisodes` gets (default: every one's). */
  evalEpisodeSplits?: readonly EvalPoint['split'][];
  onCheckpoint?: (checkpoint: Checkpoint) => Promise<void> | void;
  /**
   * Checked between steps, and between the warm start's batches: `stop` ends the run early (it
   * still checkpoints; see `StoppedInWarmStart` and `runTraining` for a stop before step 0).
   */
  shouldStop?: () => boolean;
  /** Awaited where `shouldStop` is checked (pause). */
  waitIfPaused?: () => Promise<void>;
  checkpointEvery?: number;
  /** Checkpoint after this step too (e.g. every few seconds of wall time). */
  shouldCheckpoint?: (done: number) => boolean;
  /** The skill mix for the next step (sliders may change it while the run goes). */
  mix?: () => TrainConfig['mix'];
}

/** A run stopped before its warm start was done: nothing of it was kept. */
export class StoppedInWarmStart extends Error {
  override name = 'StoppedInWarmStart';
  constructor() {
    super('Stopped during its warm start: nothing was kept, so Resume starts it again.');
  }
}

export interface RunOutput {
  metrics: StepMetrics[];
  evals: EvalPoint[];
  warmStart: WarmStartReport | null;
  checkpoint: Checkpoint;
  parameters: number;
}

/**
 * A fixed, seeded subset of up to `perKind` tasks of each kind (0: all), in input order of
 * kinds. Each task's place in the draw comes from a seeded hash of its id, not from its index,
 * so a suite with one task more or less (a rebuilt suite that kept one more mutant) changes at
 * most one task of a kind's sample, not all of them.
 */
export function sampleByKind(tasks: readonly Task[], perKind: number, rng: Rng): Task[] {
  const salt = drawSalt(rng);
  const byKind = new Map<TaskKind, Task[]>();
  for (const t of tasks) {
    const list = byKind.get(t.kind);
    if (list) list.push(t);
    else byKind.set(t.kind, [t]);
  }
  if (perKind <= 0) return [...byKind.values()].flat();
  return [...byKind.values()].flatMap((list) =>
    list
      .map((task) => ({ task, rank: keyedRng(salt, task.id).next() }))
      .sort((a, b) => a.rank - b.rank || (a.task.id < b.task.id ? -1 : 1))
      .slice(0, perKind)
      .map(({ task }) => task),
  );
}

/**
 * Whether a run validates after `step` steps on its schedule (before step 0, and every
 * `evalEvery` steps before the end), as opposed to its final validation.
 */
function validatedOnSchedule(step: number, config: TrainConfig): boolean {
  if (step === 0) return config.steps > 0;
  return config.evalEvery > 0 && step % config.evalEvery === 0 && step < config.steps;
}

/**
 * The last step whose evaluations a run resumed from a checkpoint at step `from` keeps: it
 * evaluates again at every later step on its schedule, and at `from` itself when that is step 0
 * (a run with no checkpoint starts over) or the end (the final checkpoint is taken after the
 * final evaluations, so a run interrupted between them evaluates again). What was stored of
 * evaluations after this step is to be dropped when the run resumes, or they come twice.
 */
export function evalsKeptThrough(from: number, steps: number): number {
  return from === 0 || from >= steps ? from - 1 : from;
}

async function snapshot(
  config: TrainConfig,
  step: number,
  agent: PolicyAgent,
  trainer: PolicyTrainer,
  reference: PolicyModel | null,
  streams: { tasks: Rng; decode: Rng },
  metrics: StepMetrics[],
  replay: ReplayStore | undefined,
): Promise<Checkpoint> {
  return {
    format: 'atomic-skills-lab/checkpoint',
    version: 1,
    config,
    step,
    vocabulary: agent.vocab.words,
    weights: await agent.model.getWeights(),
    optimizer: await trainer.getState(),
    reference: reference ? await reference.getWeights() : null,
    rng: { tasks: streams.tasks.state(), decode: streams.decode.state() },
    metrics: [...metrics],
    ...(replay ? { replay: replay.entries() } : {}),
  };
}

/**
 * A whole run: vocabulary and model from the seed, the supervised warm start, GRPO steps on
 * the unified buffer with periodic validation Avg@k, and a final test evaluation. Resuming from
 * a checkpoint continues the same curves.
 */
export async function runTraining(inputs: RunInputs, hooks: RunHooks = {}): Promise<RunOutput> {
  const { config, sandbox, now, resume, initFrom } = inputs;
  const problem = checkConfig(config);
  if (problem) throw new Error(`Invalid training config: ${problem}`);
  const root = createRng(config.seed);
  // Every stream is forked up front in one fixed order: a fork advances its parent, so a
  // resumed run (which skips the warm start) must not fork a different sequence.
  const forks = {
    buffer: root.fork('buffer'),
    tasks: root.fork('tasks'),
    decode: root.fork('decode'),
    val: root.fork('val'),
    warm: root.fork('warm'),
    test: root.fork('test'),
  };
  const trainPool = inputs.train.filter((t) => config.trainKinds.includes(t.kind));
  const bufferTasks = sampleByKind(trainPool, config.bufferTasksPerKind, forks.buffer);
  const inherited = resume ?? initFrom;
  const vocab = inherited
    ? vocabularyFromWords(inherited.vocabulary)
    : vocabularyForTasks(bufferTasks, config.model.vocabSize, config.model.maxObsLen);
  const model = createPolicyModel(config, vocab);
  // Constant while cloning; every GRPO step sets its own from the schedule.
  const newTrainer = () =>
    new PolicyTrainer(model, {
      learningRate: warmStartLearningRate(config),
      maxGradNorm: config.maxGradNorm,
    });
  let trainer = newTrainer();
  const agent = new PolicyAgent(model, vocab);
  const streams = resume
    ? { tasks: restoreRng(resume.rng.tasks), decode: restoreRng(resume.rng.decode) }
    : { tasks: forks.tasks, decode: forks.decode };
  let reference: PolicyModel | null = null;
  let warm: WarmStartReport | null = null;
  const metrics: StepMetrics[] = resume ? [...resume.metrics] : [];
  const evals: EvalPoint[] = [];
  const valTasks = sampleByKind(inputs.val, config.evalTasksPerKind, forks.val);
  const evaluate = async (
    step: number,
    split: 'val' | 'test',
    tasks: readonly Task[],
  ): Promise<void> => {
    hooks.onPhase?.('eval', `${split} at step ${step}`);
    const keep =
      hooks.onEvalEpisodes !== undefined && (hooks.evalEpisodeSplits ?? [split]).includes(split);
    const traces = new WeakMap<Answer, SampledAnswer>();
    const taskIndex = new Map(keep ? tasks.map((t, i) => [t, i]) : []);
    const episodes: EvalEpisode[] = [];
    // Each kind's answers, and how many of them the step limit cut short.
    const answered = new Map<TaskKind, { all: number; cut: number }>();
    const result = await evaluatePolicy(
      agentPolicy(agent, config.temperature, 'policy', traces),
      tasks,
      sandbox,
      createRng(config.seed).fork(`eval:${split}:${step}`),
      {
        samples: config.evalSamples,
        onEpisode: (task, verification, answer, sampleIndex) => {
          const sample = traces.get(answer);
          if (!sample) return;
          const count = answered.get(task.kind) ?? { all: 0, cut: 0 };
          answered.set(task.kind, count);
          count.all++;
          if (sample.truncated) count.cut++;
          if (!keep) return;
          episodes.push({
            task,
            taskIndex: taskIndex.get(task)!,
            sampleIndex,
            sample: traceOf(sample),
            verification,
          });
        },
      },
    );
    const cutShort = inKindOrder((kind) => {
      const count = answered.get(kind);
      return count && count.cut / count.all;
    });
    const point = { step, split, result, cutShort };
    evals.push(point);
    if (keep) hooks.onEvalEpisodes?.(point, episodes);
    hooks.onEval?.(point);
  };
  // Awaited (a pause waits there) before each step and each batch of the warm start.
  const control =
    hooks.shouldStop || hooks.waitIfPaused
      ? async (): Promise<boolean> => {
          await hooks.waitIfPaused?.();
          return hooks.shouldStop?.() === true;
        }
      : undefined;
  try {
    if (resume) {
      model.setWeights(resume.weights);
      trainer.setState(resume.optimizer);
      if (resume.reference) {
        reference = PolicyModel.create(model.config);
        reference.setWeights(resume.reference);
      }
    } else if (initFrom) {
      model.setWeights(initFrom.weights);
    } else if (config.warmStartPerKind > 0) {
      hooks.onPhase?.('warm-start');
      warm = await warmStart(
        agent,
        trainer,
        bufferTasks,
        config.trainKinds,
        config.warmStartPerKind,
        config.warmStartEpochs,
        forks.warm,
        hooks.onWarmEpoch,
        control,
      );
      if (warm.stopped) throw new StoppedInWarmStart();
      // RL starts with an Adam of its own, as a run forked from a warm start does (the grid's):
      // the cloning's moments would steer its first updates and scale its steps all run long.
      trainer.dispose();
      trainer = newTrainer();
    }
    if (!reference && config.klCoef > 0 && config.steps > 0) {
      reference = PolicyModel.create(model.config);
      reference.setWeights(await model.getWeights());
    }
    const buffer = new TaskBuffer(bufferTasks);
    const replay =
      replayPerStep(config) > 0
        ? ReplayStore.restore(resume?.replay ?? [], bufferTasks)
        : undefined;
    const at = (step: number): Promise<Checkpoint> =>
      snapshot(config, step, agent, trainer, reference, streams, metrics, replay);
    // A warm start just made is kept at once: the step-0 validation and step 0 come before the
    // first step's checkpoint, and a run cut short then would clone it all again.
    if (warm && hooks.onCheckpoint && config.steps > 0) await hooks.onCheckpoint(await at(0));
    let step = resume?.step ?? 0;
    // Stopped before its first step: nothing RL-trained to evaluate, so no evaluation is made
    // (its warm start is in the step-0 checkpoint).
    if (step === 0 && config.steps > 0 && (await control?.())) {
      const checkpoint = await at(0);
      await hooks.onCheckpoint?.(checkpoint);
      hooks.onPhase?.('done');
      return { metrics, evals, warmStart: warm, checkpoint, parameters: model.parameterCount() };
    }
    if (step === 0 && validatedOnSchedule(0, config)) await evaluate(0, 'val', valTasks);
    hooks.onPhase?.('rl');
    for (; step < config.steps; step++) {
      await hooks.waitIfPaused?.();
      if (hooks.shouldStop?.()) break;
      const stepConfig = hooks.mix ? { ...config, mix: hooks.mix() } : config;
      const { metrics: m, episodes } = await grpoStep(
        {
          agent,
          trainer,
          reference,
          sandbox,
          buffer,
          config: stepConfig,
          streams,
          now,
          ...(replay && { replay }),
        },
        step,
      );
      metrics.push(m);
      hooks.onStep?.(m, episodes);
      const done = step + 1;
      if (validatedOnSchedule(done, config)) {
        await evaluate(done, 'val', valTasks);
        // Back to training: what the run is doing, not its last validation, until the next one.
        if (done < config.steps) hooks.onPhase?.('rl');
      }
      const due =
        (hooks.checkpointEvery && done % hooks.checkpointEvery === 0) ||
        hooks.shouldCheckpoint?.(done);
      if (hooks.onCheckpoint && due && done < config.steps)
        await hooks.onCheckpoint(await at(done));
    }
    // The final validation, unless the schedule made it at this step already (a run stopped,
    // or resumed, right after a validation).
    if (!validatedOnSchedule(step, config)) await evaluate(step, 'val', valTasks);
    await evaluate(step, 'test', sampleByKind(inputs.test, config.testTasksPerKind, forks.test));
    const checkpoint = await at(step);
    await hooks.onCheckpoint?.(checkpoint);
    hooks.onPhase?.('done');
    return { metrics, evals, warmStart: warm, checkpoint, parameters: model.parameterCount() };
  } finally {
    trainer.dispose();
    model.dispose();
    reference?.dispose();
  }
}
