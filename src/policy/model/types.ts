/** Sizes of the policy network. Everything is fixed at creation; weights depend only on `seed`. */
export interface ModelConfig {
  /** V: answer-language vocabulary size (observation tokens use the same ids). */
  vocabSize: number;
  /** Longest observation accepted (position embeddings are learned up to here). */
  maxObsLen: number;
  /** Longest answer, in actions. */
  maxActLen: number;
  dModel: number;
  heads: number;
  encoderLayers: number;
  decoderLayers: number;
  ffDim: number;
  /** Number of observation segment ids (prompt, code, candidates...). */
  segmentTypes: number;
  /** Weight-initialisation seed. */
  seed: number;
  /**
   * The vocabulary action that closes one part of a multi-part answer (`<END>`): after it, decoder
   * positions and pointer features start again. Absent: every answer is one part.
   */
  partEnd?: number;
  /**
   * Families of vocabulary ids that stand in for one another in an edit (`===` and `!==`...).
   * After a pointer to a family's word, the vocabulary logits get two learned biases: toward
   * the family's other words, and toward the same word. Absent: no such bias.
   */
  families?: readonly (readonly number[])[];
  /**
   * Adds the encoder's state at position 0 (the skill tag every observation starts with),
   * through a learned matrix that starts at zero, to every decoder step's input, so the answer
   * is conditioned on the skill at each step and not only through cross-attention. Absent: off.
   */
  tagToDecoder?: boolean;
}

/** One observation: token ids (< vocabSize) and segment ids (< segmentTypes), same length. */
export interface Observation {
  tokens: Int32Array;
  segments: Int32Array;
}

/**
 * Allowed action ids at one decoding step: vocabulary ids `0..V-1` and pointers `V + p` to
 * observation position `p`. `null` means the answer is complete.
 */
export type AllowedFn = (step: number, previous: readonly number[]) => readonly number[] | null;

/** One alternative the model considered at a step, with its probability. */
export interface TopAction {
  action: number;
  prob: number;
}

/**
 * One decoded answer. `logProbs`, `entropies` and `top` describe the model's own masked
 * distribution (temperature 1), which is what training compares against; temperature only
 * changes which action is drawn.
 */
export interface SampleResult {
  actions: number[];
  logProbs: number[];
  entropies: number[];
  /** The three most likely allowed actions per step (fewer when fewer are allowed). */
  top: TopAction[][];
}

/** A batch of decoded answers with what is needed to score them again. */
export interface TrainBatch {
  observations: Observation[];
  /** One action sequence per observation (length <= maxActLen). */
  actions: number[][];
  /** The allowed set at each step of each sequence, as at sampling time. */
  allowed: (readonly number[])[][];
  /** One advantage per sequence (GRPO: reward minus the group mean, optionally over the std). */
  advantages: Float32Array;
  /** Log-probs of the actions at sampling time, for the PPO ratio. */
  oldLogProbs: number[][];
  /** Log-probs under the reference (warm-start) model, for the KL penalty. */
  refLogProbs?: number[][];
  /**
   * Loss groups, one id per sequence (GRPO: its task kind): with them the loss is a mean within
   * each group, then over the groups, so each group weighs the same however many steps it has.
   */
  groups?: number[];
  /**
   * Gradient groups, one id per sequence (GRPO: its task kind). With LossConfig's
   * `projectConflicts`, each group's gradient is taken on its own and, where it points against
   * another group's, that component is removed (PCGrad) before the gradients are summed.
   */
  tasks?: number[];
}

/** The part of a batch needed to evaluate log-likelihoods. */
export type ScoredBatch = Pick<TrainBatch, 'observations' | 'actions' | 'allowed'>;

export interface LossConfig {
  /** PPO clip range (0.2 is usual). */
  clipEps: number;
  /** Entropy bonus weight (0 to 0.01). */
  entropyCoef: number;
  /** Weight of the k3 KL estimate against the reference log-probs (0 to 0.1). */
  klCoef: number;
  /** Mean per answer, then over answers (each answer weighs the same); default: per token. */
  episodeMean?: boolean;
  /** Project out the conflicting parts of the `tasks` groups' gradients (PCGrad); default off. */
  projectConflicts?: boolean;
}

/** Figures from one optimisation step, averaged over the batch's real (unpadded) steps. */
export interface StepStats {
  loss: number;
  policyLoss: number;
  entropy: number;
  kl: number;
  clipFraction: number;
  /** Global gradient norm before clipping. */
  gradNorm: number;
  /** Teacher-forced passes the batch took (more than one when it was split; see planPasses). */
  passes: number;
}

/** A named array of float32 values: weights and optimizer state as they cross to storage. */
export interface NamedArray {
  name: string;
  shape: number[];
  values: Float32Array;
}

/** The defaults from the design (about 0.6M parameters with V = 2000). */
export function defaultModelConfig(vocabSize: number, seed = 1): ModelConfig {
  return {
    vocabSize,
    maxObsLen: 512,
    maxActLen: 48,
    dModel: 64,
    heads: 4,
    encoderLayers: 2,
    decoderLayers: 2,
    ffDim: 128,
    segmentTypes: 8,
    seed,
  };
}

/** Throws a RangeError naming the first field that cannot build a model. */
export function validateConfig(config: ModelConfig): void {
  const positive = [
    'vocabSize',
    'maxObsLen',
    'maxActLen',
    'dModel',
    'heads',
    'ffDim',
    'segmentTypes',
  ] as const;
  for (const key of positive) {
    const value = config[key];
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`ModelConfig.${key} must be a positive integer, got ${value}`);
    }
  }
  for (const key of ['encoderLayers', 'decoderLayers'] as const) {
    if (!Number.isInteger(config[key]) || config[key] < 0) {
      throw new RangeError(`ModelConfig.${key} must be a non-negative integer`);
    }
  }
  if (config.dModel % config.heads !== 0) {
    throw new RangeError(`ModelConfig.dModel (${config.dModel}) must divide by heads`);
  }
  if (!Number.isFinite(config.seed)) throw new RangeError('ModelConfig.seed must be a number');
  const end = config.partEnd;
  if (end !== undefined && !(Number.isInteger(end) && end >= 0 && end < config.vocabSize)) {
    throw new RangeError(`ModelConfig.partEnd must be a vocabulary id below vocabSize, got ${end}`);
  }
  const seen = new Set<number>();
  for (const id of (config.families ?? []).flat()) {
    if (!Number.isInteger(id) || id < 0 || id >= config.vocabSize || seen.has(id)) {
      throw new RangeError(
        `ModelConfig.families must hold distinct vocabulary ids below vocabSize, got ${id}`,
      );
    }
    seen.add(id);
  }
}
