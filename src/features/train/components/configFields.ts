/** The numeric fields of the config form: labels, tooltips, bounds, and reading/writing them. */
import { checkConfig, type TrainConfig, WHOLE_NUMBER_RANGES } from '../../../protocol/trainConfig';

type NumericKey = {
  [K in keyof TrainConfig]: TrainConfig[K] extends number ? K : never;
}[keyof TrainConfig];
type ModelKey = keyof TrainConfig['model'];
/** An on/off option of the config. */
export type SwitchKey = {
  [K in keyof TrainConfig]: TrainConfig[K] extends boolean ? K : never;
}[keyof TrainConfig];

/** A numeric field: a top-level key or `model.<key>`. */
export type FieldKey = NumericKey | `model.${ModelKey}`;

export interface FieldSpec {
  key: FieldKey;
  label: string;
  help: string;
  /** Whole numbers only. */
  integer?: boolean;
  min?: number;
  max?: number;
  step?: number;
  /** The on/off option the field acts only with: while it is off the field is disabled (its value kept). */
  requires?: SwitchKey;
}

export interface FieldGroup {
  title: string;
  fields: FieldSpec[];
}

/** A whole-number field; its range is checkConfig's where it has one (the input's min and max). */
const int = (key: FieldKey, label: string, help: string, min = 0): FieldSpec => {
  const range = (WHOLE_NUMBER_RANGES as Partial<Record<FieldKey, readonly [number, number]>>)[key];
  return { key, label, help, integer: true, min: range?.[0] ?? min, max: range?.[1], step: 1 };
};
const real = (key: FieldKey, label: string, help: string, step: number, min = 0, max?: number) =>
  ({ key, label, help, step, min, max }) satisfies FieldSpec;

export const FIELD_GROUPS: FieldGroup[] = [
  {
    title: 'Run',
    fields: [
      int('seed', 'seed', 'Seeds task sampling, decoding and initialisation: same seed, same run.'),
    ],
  },
  {
    title: 'Warm start',
    fields: [
      int(
        'warmStartPerKind',
        'oracle answers per kind',
        'Verified oracle answers cloned per task kind before RL (0 skips the warm start).',
      ),
      int('warmStartEpochs', 'warm-start epochs', 'Passes over the warm-start answers.'),
    ],
  },
  {
    title: 'GRPO',
    fields: [
      int(
        'steps',
        'steps',
        'GRPO steps (0: no RL, e.g. the untrained and warm-start-only baselines).',
      ),
      int('tasksPerStep', 'tasks per step', 'Tasks drawn from the unified buffer each step.', 1),
      int(
        'groupSize',
        'group size',
        'Answers sampled per task; advantages are rewards relative to the group mean.',
        2,
      ),
      {
        ...int(
          'flatGroupAnswers',
          'answers kept per flat group',
          'With flat groups kept: how many of the answers of a group whose rewards all agree enter the update (the KL and entropy terms act on them; they carry no reward signal). 0 keeps all; fewer puts fewer answers through the update.',
        ),
        requires: 'keepFlatGroups',
      },
      real(
        'temperature',
        'temperature',
        'Sampling temperature during training, in (0, 5]. The update scores answers at temperature 1, so away from 1 it learns from answers its own policy did not draw (off-policy, uncorrected); every preset uses 1.',
        0.1,
        0,
        5,
      ),
      int(
        'minSignalGroups',
        'min. groups with signal',
        'Dynamic sampling: draw more tasks (up to twice tasks per step) until this many groups disagree; 0 turns it off.',
      ),
      int(
        'replayPerStep',
        'replayed answers per step',
        'Self-imitation: each step also trains on this many of the run’s own best earlier answers (those that beat their group’s mean), at advantage +1; 0 turns it off.',
      ),
      int('innerEpochs', 'inner epochs', 'Gradient passes over each step’s episodes.', 1),
      real('clipEps', 'clip ε', 'PPO-style ratio clip, in (0, 1).', 0.05, 0, 1),
      real(
        'klCoef',
        'KL coefficient',
        'Weight of the KL penalty to the warm-start (reference) policy.',
        0.005,
      ),
      real(
        'entropyCoef',
        'entropy bonus',
        'Weight of the entropy bonus that keeps sampling exploratory.',
        0.0005,
      ),
    ],
  },
  {
    title: 'Optimiser',
    fields: [
      real(
        'learningRate',
        'RL learning rate',
        'Peak Adam learning rate of the GRPO steps (after warm-up, before cosine decay), in (0, 1).',
        0.0001,
        0,
        1,
      ),
      real(
        'warmStartLearningRate',
        'warm-start learning rate',
        'Constant Adam learning rate while cloning oracle answers, in (0, 1).',
        0.0001,
        0,
        1,
      ),
      int('warmupSteps', 'warm-up steps', 'Steps of linear learning-rate warm-up.'),
      real(
        'minLrRatio',
        'final LR ratio',
        'Learning rate the cosine decay ends at, as a fraction of the peak (reached one step past the last, so the last step trains a little above it).',
        0.05,
        0,
        1,
      ),
      real(
        'maxGradNorm',
        'max gradient norm',
        'Gradients are scaled down to this global norm.',
        0.1,
      ),
    ],
  },
  {
    title: 'Evaluation and data',
    fields: [
      int(
        'evalEvery',
        'eval every',
        'Validation Avg@k every this many steps, besides before step 0 and at the end (0: those two only).',
      ),
      int('evalSamples', 'eval samples (k)', 'Answers sampled per validation task (Avg@k).', 1),
      int(
        'evalTasksPerKind',
        'eval tasks per kind',
        'Validation tasks per kind in periodic evals.',
      ),
      int(
        'testTasksPerKind',
        'test tasks per kind',
        'Test-split tasks per kind in the final evaluation (0: all).',
      ),
      int(
        'bufferTasksPerKind',
        'buffer tasks per kind',
        'Cap on training tasks per kind loaded into the buffer (0: all).',
      ),
    ],
  },
  {
    title: 'Model',
    fields: [
      int(
        'model.dModel',
        'width (dModel)',
        'Hidden size; must be a multiple of the number of heads.',
        8,
      ),
      int('model.heads', 'attention heads', 'Attention heads per layer.', 1),
      int(
        'model.encoderLayers',
        'encoder layers',
        'Transformer layers reading the observation.',
        1,
      ),
      int('model.decoderLayers', 'decoder layers', 'Transformer layers writing the answer.', 1),
      int('model.ffDim', 'feed-forward size', 'Hidden size of each feed-forward block.', 1),
      int(
        'model.maxObsLen',
        'observation tokens',
        'Longest observation the model reads (at least 512).',
        512,
      ),
      int('model.maxActLen', 'answer tokens', 'Longest answer the model writes.', 1),
      int('model.vocabSize', 'vocabulary', 'Token vocabulary size.', 1),
    ],
  },
];

const modelKey = (key: FieldKey): ModelKey | null =>
  key.startsWith('model.') ? (key.slice(6) as ModelKey) : null;

export function getField(c: TrainConfig, key: FieldKey): number {
  const m = modelKey(key);
  return m ? c.model[m] : c[key as NumericKey];
}

export function setField(c: TrainConfig, key: FieldKey, value: number): TrainConfig {
  const m = modelKey(key);
  return m ? { ...c, model: { ...c.model, [m]: value } } : { ...c, [key]: value };
}

/**
 * Why the config cannot start, or null: `checkConfig` first, then what it leaves to the
 * model (bounds of the form's fields, and heads dividing the width).
 */
export function configProblem(c: TrainConfig): string | null {
  const problem = checkConfig(c);
  if (problem) return problem;
  for (const f of FIELD_GROUPS.flatMap((g) => g.fields)) {
    const v = getField(c, f.key);
    if (!Number.isFinite(v)) return `${f.key} must be a number`;
    if (f.integer && !Number.isInteger(v)) return `${f.key} must be a whole number`;
    if (f.min !== undefined && v < f.min) return `${f.key} must be >= ${f.min}`;
    if (f.max !== undefined && v > f.max) return `${f.key} must be <= ${f.max}`;
  }
  return null;
}

/** The fields a problem message names (it may name two, e.g. klCoef and entropyCoef). */
export function fieldsNamed(problem: string | null): Set<string> {
  return new Set(problem?.match(/[a-zA-Z]+(\.[a-zA-Z]+)?/g) ?? []);
}

const LABELS = new Map<string, string>([
  ...FIELD_GROUPS.flatMap((g) => g.fields).map((f): [string, string] => [f.key, f.label]),
  // Not a field of its own: the "train on" checkboxes.
  ['trainKinds', 'train on'],
]);

/**
 * A problem message for the form: each config key it names is replaced by the label the form
 * shows for that field, quoted (`groupSize` reads `"group size"`), so the message names what
 * the person sees (`trainKinds` reads `"train on"`, its checkboxes). Other words stay.
 */
export function withLabels(problem: string): string {
  return problem.replace(/[a-zA-Z]+(\.[a-zA-Z]+)?/g, (word) => {
    const label = LABELS.get(word);
    return label ? `"${label}"` : word;
  });
}
