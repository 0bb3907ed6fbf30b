import { hashString } from '../core/rng';
import { ATOMIC_SKILLS, isTaskKind, type AtomicSkill, type TaskKind } from '../core/tasks/types';
import { SEGMENT_TYPES } from '../policy/encode/segments';
import { parameterCount } from '../policy/model/paramSpecs';
import { PASS_BYTES, passBytes } from '../policy/model/passBytes';
import { validateConfig, type ModelConfig } from '../policy/model/types';
import { fieldTypeProblem } from './configTypes';

/** Everything that defines a training run; saved with every checkpoint. */
export interface TrainConfig {
  name: string;
  seed: number;
  /** Tasks that may enter the training buffer (atomic skills; composite only for the composite-only baseline). */
  trainKinds: TaskKind[];
  /** Mixing weights of the unified buffer, per kind (missing: 1). */
  mix: Partial<Record<TaskKind, number>>;
  /** Supervised warm start: verified oracle answers cloned per kind (0 skips it). */
  warmStartPerKind: number;
  warmStartEpochs: number;
  /** Adam's learning rate while cloning (constant); RL then follows `learningRate`'s schedule. */
  warmStartLearningRate: number;
  /** GRPO steps (0: no RL, e.g. the untrained and warm-start-only baselines). */
  steps: number;
  tasksPerStep: number;
  groupSize: number;
  temperature: number;
  innerEpochs: number;
  clipEps: number;
  klCoef: number;
  entropyCoef: number;
  /** Divide advantages by the group's standard deviation. */
  advantageStd: boolean;
  /**
   * Keep groups whose rewards all agree in the update, with advantage 0: they carry no reward
   * signal, but the KL to the warm start and the entropy bonus still hold them (a skill that
   * rarely succeeds is otherwise never anchored and drifts with the others' updates).
   */
  keepFlatGroups: boolean;
  /**
   * With `keepFlatGroups`: how many of a flat group's answers enter the update (the first ones
   * sampled; answers are drawn independently, so any few are a fair sample). The KL anchor on
   * a flat task needs a few answers, not all of them, and in a joint step most groups are flat
   * (about 70% in the default run), so this cuts most of the update's rows. 0: all (the default
   * before the twenty-fourth session). Absent in configs saved before it: all.
   */
  flatGroupAnswers: number;
  /**
   * Average the loss per answer, then over the answers (the original GRPO): every answer weighs
   * the same whatever its length. Off: every decoded token weighs the same (the token-level mean
   * of DAPO), so long answers (tests, reproductions) outweigh short ones (verdicts, file names).
   */
  episodeMean: boolean;
  /**
   * Average the loss within each task kind, then over the kinds in the batch: every skill's
   * tokens weigh the same in a joint step, as they would in its own single-skill run, however
   * long its answers (a joint batch is otherwise dominated by the long tests and reproductions).
   */
  kindMean: boolean;
  /**
   * Gradient surgery (PCGrad): each task kind's gradient is taken on its own, and where it
   * points against another kind's, that component is removed before they are summed, so one
   * skill's update cannot undo another's. Single-skill runs are unchanged by it.
   */
  projectConflicts: boolean;
  /**
   * Feed the skill tag's encoder state to every decoder step (ModelConfig.tagToDecoder): a
   * model change, so it takes its own warm start. Absent in configs saved before it: off.
   */
  tagToDecoder: boolean;
  /**
   * Dynamic sampling: while fewer than this many of a step's groups disagree, draw one more
   * task (at most 2 x tasksPerStep extra); extra groups enter only when they disagree. 0: off.
   */
  minSignalGroups: number;
  /**
   * Self-imitation replay: answers per step drawn from the run's own best earlier answers (each
   * task's best that scored above its group's mean) and trained on again at advantage +1 in the
   * same clipped update. 0: off. Absent in configs saved before it: off.
   */
  replayPerStep: number;
  learningRate: number;
  warmupSteps: number;
  /**
   * The learning rate the cosine decay ends at, as a fraction of the peak. It is reached at step
   * `steps` (one past the last), so the last step trains a little above it; see `learningRateAt`.
   */
  minLrRatio: number;
  maxGradNorm: number;
  /**
   * Validation Avg@k before step 0, every `evalEvery` steps and at the end (0: before step 0 and
   * at the end only).
   */
  evalEvery: number;
  evalSamples: number;
  /** Validation tasks per kind used by periodic evals (keeps them quick). */
  evalTasksPerKind: number;
  /** Test-split tasks per kind in the final evaluation (0: all). */
  testTasksPerKind: number;
  /** Cap on training-split tasks per kind loaded into the buffer (0: all). */
  bufferTasksPerKind: number;
  model: {
    dModel: number;
    heads: number;
    encoderLayers: number;
    decoderLayers: number;
    ffDim: number;
    maxObsLen: number;
    maxActLen: number;
    vocabSize: number;
  };
}

export const DEFAULT_CONFIG: TrainConfig = {
  name: 'joint-rl',
  seed: 1,
  trainKinds: [...ATOMIC_SKILLS],
  mix: {},
  warmStartPerKind: 300,
  warmStartEpochs: 3,
  warmStartLearningRate: 1e-3,
  steps: 200,
  // 16 tasks a step with 2 answers of each flat group in the update (twenty-fourth session,
  // docs/RESULTS.md): more reward signal a step in the same 20-minute budget.
  tasksPerStep: 16,
  groupSize: 8,
  temperature: 1,
  innerEpochs: 1,
  clipEps: 0.2,
  klCoef: 0.02,
  entropyCoef: 0.001,
  advantageStd: true,
  keepFlatGroups: true,
  flatGroupAnswers: 2,
  episodeMean: false,
  kindMean: false,
  projectConflicts: false,
  tagToDecoder: false,
  minSignalGroups: 0,
  replayPerStep: 0,
  learningRate: 1e-3,
  warmupSteps: 5,
  minLrRatio: 0.1,
  maxGradNorm: 1,
  evalEvery: 50,
  evalSamples: 3,
  evalTasksPerKind: 20,
  testTasksPerKind: 60,
  bufferTasksPerKind: 0,
  model: {
    dModel: 64,
    heads: 4,
    encoderLayers: 2,
    decoderLayers: 2,
    ffDim: 128,
    maxObsLen: 512,
    maxActLen: 48,
    vocabSize: 2000,
  },
};

/** Runs whose configs differ only in the seed (and name) share a group: mean and band over seeds. */
export const configGroup = (c: TrainConfig): string =>
  hashString(JSON.stringify({ ...c, seed: 0, name: '' })).toString(16);

/**
 * The warm start's learning rate. Runs saved before the field existed cloned at `learningRate`,
 * and still do when resumed or imported.
 */
export function warmStartLearningRate(c: TrainConfig): number {
  const lr = (c as Partial<TrainConfig>).warmStartLearningRate;
  return lr === undefined ? c.learningRate : lr;
}

/** `minSignalGroups`, 0 for configs saved before it existed. */
export function minSignalGroups(c: TrainConfig): number {
  return (c as Partial<TrainConfig>).minSignalGroups ?? 0;
}

/** `flatGroupAnswers` as set: 0 (all) for configs saved before it existed. */
const flatGroupAnswersSet = (c: TrainConfig): number =>
  (c as Partial<TrainConfig>).flatGroupAnswers ?? 0;

/** How many of a kept flat group's answers enter the update: `groupSize` when all. */
export function flatGroupAnswers(c: TrainConfig): number {
  const n = flatGroupAnswersSet(c);
  return n > 0 ? Math.min(n, c.groupSize) : c.groupSize;
}

/** `replayPerStep`, 0 for configs saved before it existed. */
export function replayPerStep(c: TrainConfig): number {
  return (c as Partial<TrainConfig>).replayPerStep ?? 0;
}

/** Most answers self-imitation replay may add to a step. */
export const MAX_REPLAY_PER_STEP = 1_000;

/** Most extra tasks dynamic sampling draws in one step. */
export const extraDrawLimit = (c: TrainConfig): number =>
  minSignalGroups(c) > 0 ? 2 * c.tasksPerStep : 0;

/**
 * Learning rate of a GRPO step: linear warm-up to the peak, then cosine decay towards `minLrRatio`
 * of the peak, reached at step `steps`, one past the last. So the last step trains a little
 * above it (0.1001 of the peak at the default's 200 steps, 0.1016 at the quick preset's 40), and
 * a run of at most `warmupSteps + 1` steps does not decay. Kept as it is: every run and result
 * so far was trained on this schedule, and a change would make them unrepeatable.
 */
export function learningRateAt(config: TrainConfig, step: number): number {
  const peak = config.learningRate;
  if (step < config.warmupSteps) return (peak * (step + 1)) / config.warmupSteps;
  const span = Math.max(1, config.steps - config.warmupSteps);
  const t = Math.min(1, (step - config.warmupSteps) / span);
  return peak * (config.minLrRatio + (1 - config.minLrRatio) * 0.5 * (1 + Math.cos(Math.PI * t)));
}

type WholeKey =
  | 'seed'
  | 'steps'
  | 'tasksPerStep'
  | 'groupSize'
  | 'innerEpochs'
  | 'evalSamples'
  | 'warmStartPerKind'
  | 'warmStartEpochs'
  | 'evalEvery'
  | 'warmupSteps'
  | 'bufferTasksPerKind'
  | 'evalTasksPerKind'
  | 'testTasksPerKind';
type Range = readonly [min: number, max: number];

/**
 * The whole-number settings and the values they may take. The upper bounds catch a slip of the
 * keyboard (steps 2000000 for 200) before it starts a run that would never end or never fit,
 * far above anything this tool trains: the seed is 32 bits because the generator takes 32 bits
 * (a larger one would silently repeat a smaller one's run); a "0: all" cap may be as large as
 * any split.
 */
export const WHOLE_NUMBER_RANGES: Readonly<Record<WholeKey, Range>> = {
  seed: [0, 0xffffffff],
  steps: [0, 100_000],
  tasksPerStep: [1, 1_000],
  groupSize: [2, 256],
  innerEpochs: [1, 10],
  evalSamples: [1, 32],
  warmStartPerKind: [0, 1_000_000],
  warmStartEpochs: [0, 100],
  evalEvery: [0, 100_000],
  warmupSteps: [0, 100_000],
  bufferTasksPerKind: [0, 1_000_000],
  evalTasksPerKind: [0, 1_000_000],
  testTasksPerKind: [0, 1_000_000],
};

/** Why a config cannot be used (naming the field and the allowed range), or null. */
export function checkConfig(c: TrainConfig): string | null {
  if (typeof c.name !== 'string' || c.name.trim() === '')
    return 'name is empty: give the run a name (the list of runs and exports show it)';
  for (const [k, [min, max]] of Object.entries(WHOLE_NUMBER_RANGES) as [WholeKey, Range][]) {
    const v = c[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      return `${k} must be a whole number from ${min} to ${max.toLocaleString('en-US')}`;
  }
  const typed = fieldTypeProblem(c);
  if (typed) return typed;
  const signal = minSignalGroups(c);
  if (!Number.isInteger(signal) || signal < 0 || signal > c.tasksPerStep)
    return `minSignalGroups must be a whole number from 0 to tasksPerStep (${c.tasksPerStep})`;
  const flatAnswers = flatGroupAnswersSet(c);
  if (!Number.isInteger(flatAnswers) || flatAnswers < 0 || flatAnswers > c.groupSize)
    return `flatGroupAnswers must be a whole number from 0 (all) to groupSize (${c.groupSize})`;
  const replay = replayPerStep(c);
  if (!Number.isInteger(replay) || replay < 0 || replay > MAX_REPLAY_PER_STEP)
    return `replayPerStep must be a whole number from 0 to ${MAX_REPLAY_PER_STEP.toLocaleString('en-US')}`;
  if (!(c.temperature > 0 && c.temperature <= 5)) return 'temperature must be in (0, 5]';
  if (!(c.learningRate > 0 && c.learningRate < 1)) return 'learningRate must be in (0, 1)';
  if (!(warmStartLearningRate(c) > 0 && warmStartLearningRate(c) < 1))
    return 'warmStartLearningRate must be in (0, 1)';
  if (!(c.clipEps > 0 && c.clipEps < 1)) return 'clipEps must be in (0, 1)';
  if (c.klCoef < 0 || c.entropyCoef < 0) return 'klCoef and entropyCoef must be >= 0';
  if (!(c.maxGradNorm > 0)) return 'maxGradNorm must be > 0';
  if (!(c.minLrRatio >= 0 && c.minLrRatio <= 1))
    return 'minLrRatio must be in [0, 1]: the share of the peak learning rate the schedule ends at';
  if (!Array.isArray(c.trainKinds))
    return 'trainKinds must be a list of task kinds, e.g. ["localization", "editing"]';
  if (c.trainKinds.length === 0 && c.steps > 0)
    return 'trainKinds must name at least one task kind when steps > 0';
  const bad = c.trainKinds.find((k) => !isTaskKind(k));
  if (bad) return `trainKinds: unknown task kind "${String(bad)}"`;
  for (const [k, w] of Object.entries(c.mix))
    if (!isTaskKind(k) || !(w >= 0)) return `mix.${k} must be a known kind with a weight >= 0`;
  if (c.steps > 0) {
    const problem = mixProblem(c.trainKinds, c.mix);
    if (problem) return problem;
  }
  if (c.model.maxObsLen < 512) return 'model.maxObsLen must be at least 512';
  return sizeProblem(c);
}

/**
 * Why a skill mix cannot drive training on these kinds, or null: the buffer draws only kinds of
 * weight above 0, so at least one trained kind must keep one.
 */
export function mixProblem(
  trainKinds: readonly TaskKind[],
  mix: TrainConfig['mix'],
): string | null {
  if (trainKinds.length === 0 || trainKinds.some((k) => (mix[k] ?? 1) > 0)) return null;
  return 'skill mix: every skill trained on has weight 0, so no task could be drawn; give at least one a weight above 0';
}

/** Most parameters the policy may have: the design's bound for a network a browser trains. */
export const MAX_PARAMETERS = 5_000_000;

/** Bytes as `1.9 GB`. */
export const formatGB = (bytes: number): string => `${(bytes / 1e9).toFixed(1)} GB`;

/** How big the network a config describes is, against what one browser can train. */
export interface ModelSize {
  parameters: number;
  /**
   * Estimated bytes of one training pass over one GRPO group (groupSize answers of maxActLen
   * steps over one observation of maxObsLen tokens): the least a pass holds, as a group is never
   * split (see passBytes). Larger batches train in several passes of at most PASS_BYTES.
   */
  groupBytes: number;
  /** Most estimated bytes one pass may hold (PASS_BYTES). */
  passLimit: number;
}

/**
 * The network a config asks for, before a vocabulary exists (`model.vocabSize` is its upper
 * bound; createPolicyModel adds the vocabulary's own size, `<END>` and word families).
 */
export function networkConfig(c: TrainConfig): ModelConfig {
  return {
    ...c.model,
    segmentTypes: SEGMENT_TYPES,
    seed: c.seed,
    ...(c.tagToDecoder === true ? { tagToDecoder: true } : {}),
  };
}

export function modelSize(c: TrainConfig): ModelSize {
  const model = networkConfig(c);
  return {
    parameters: parameterCount(model),
    groupBytes: passBytes(model, 1, c.model.maxObsLen, c.groupSize * c.model.maxActLen),
    passLimit: PASS_BYTES,
  };
}

/**
 * Why the network a config describes cannot be built (a size that is not a positive whole
 * number, heads that do not divide dModel) or is too big to train here (see ModelSize), or null.
 */
function sizeProblem(c: TrainConfig): string | null {
  const { dModel, heads } = c.model;
  if (Number.isInteger(dModel) && Number.isInteger(heads) && heads > 0 && dModel % heads !== 0) {
    const below = Math.max(heads, dModel - (dModel % heads));
    return `model.dModel (${dModel}) must be a multiple of model.heads (${heads}), which split it evenly; set model.dModel to ${below} or ${below + heads}, or change model.heads`;
  }
  try {
    validateConfig(networkConfig(c));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.replace(/^ModelConfig\./, 'model.');
  }
  const { parameters, groupBytes } = modelSize(c);
  if (parameters > MAX_PARAMETERS)
    return `model: ${(parameters / 1e6).toFixed(1)}M parameters, over the ${MAX_PARAMETERS / 1e6}M the policy may have; lower model.dModel, model.ffDim, model.vocabSize, model.maxObsLen, model.maxActLen or the layers`;
  if (groupBytes > PASS_BYTES)
    return `model.maxObsLen: a group of groupSize answers over one observation of ${c.model.maxObsLen} tokens needs about ${formatGB(groupBytes)} in a training pass, over the ${formatGB(PASS_BYTES)} a pass may use; lower model.maxObsLen, model.heads, model.encoderLayers, model.dModel, groupSize or model.maxActLen`;
  return null;
}

/** Kinds the buffer draws from, with weights (uniform by default). */
export function mixWeights(c: TrainConfig): { kind: TaskKind; weight: number }[] {
  return c.trainKinds
    .map((kind) => ({ kind, weight: c.mix[kind] ?? 1 }))
    .filter((x) => x.weight > 0);
}

export const isAtomic = (k: TaskKind): k is AtomicSkill =>
  (ATOMIC_SKILLS as readonly string[]).includes(k);

/**
 * The skills a run's warm start cloned oracle answers of: a run forked from another's
 * checkpoint (the command line's grids) has that run's warm start; otherwise its own, on the
 * kinds it trains (none without a warm start).
 */
export function warmStartKinds(config: TrainConfig, forkedFrom?: TrainConfig): TaskKind[] {
  if (forkedFrom) return warmStartKinds(forkedFrom);
  return config.warmStartPerKind > 0 ? [...config.trainKinds] : [];
}
