/** What a numeric field of the form takes, in words, and what it says while it holds no number. */
import { MAX_REPLAY_PER_STEP, type TrainConfig } from '../../../protocol/trainConfig';
import {
  configProblem,
  fieldsNamed,
  getField,
  type FieldKey,
  type FieldSpec,
} from './configFields';

/** Fields whose lower bound is not allowed itself (a rate of 0 trains nothing, say). */
const OPEN_BELOW: ReadonlySet<FieldKey> = new Set([
  'temperature',
  'learningRate',
  'warmStartLearningRate',
  'clipEps',
  'maxGradNorm',
]);
/** Fields whose upper bound is not allowed itself. */
const OPEN_ABOVE: ReadonlySet<FieldKey> = new Set([
  'learningRate',
  'warmStartLearningRate',
  'clipEps',
]);

const count = (n: number): string => n.toLocaleString('en-US');

/** The upper bound a field takes from another field (config keys: the form shows their labels). */
function boundBy(key: FieldKey, c: TrainConfig): string | null {
  if (key === 'minSignalGroups') return `tasksPerStep (${count(c.tasksPerStep)})`;
  if (key === 'flatGroupAnswers') return `groupSize (${count(c.groupSize)})`;
  if (key === 'replayPerStep') return count(MAX_REPLAY_PER_STEP);
  return null;
}

/** What a field takes: `a whole number from 0 to 100,000`, `a number in (0, 5]`. */
export function fieldRange(spec: FieldSpec, c: TrainConfig): string {
  const min = spec.min ?? 0;
  if (spec.integer) {
    const max = boundBy(spec.key, c) ?? (spec.max !== undefined ? count(spec.max) : null);
    return max === null
      ? `a whole number of at least ${count(min)}`
      : `a whole number from ${count(min)} to ${max}`;
  }
  const below = OPEN_BELOW.has(spec.key);
  if (spec.max === undefined)
    return below ? `a number above ${min}` : `a number of at least ${min}`;
  return `a number in ${below ? '(' : '['}${min}, ${spec.max}${OPEN_ABOVE.has(spec.key) ? ')' : ']'}`;
}

/**
 * What a field takes when its own value is outside its own bounds (`Takes a number in (0, 5].`),
 * or null: said by the field itself, so every such field shows at once, not one per attempt.
 */
export function ownRangeProblem(spec: FieldSpec, c: TrainConfig): string | null {
  const v = getField(c, spec.key);
  const min = spec.min ?? -Infinity;
  const out =
    !Number.isFinite(v) ||
    (spec.integer && !Number.isInteger(v)) ||
    (OPEN_BELOW.has(spec.key) ? v <= min : v < min) ||
    (spec.max !== undefined && (OPEN_ABOVE.has(spec.key) ? v >= spec.max : v > spec.max));
  return out ? `Takes ${fieldRange(spec, c)}.` : null;
}

/** Whether a field's own value may start a run (as far as its own bounds and the config say). */
function valueHolds(spec: FieldSpec, c: TrainConfig): boolean {
  return ownRangeProblem(spec, c) === null && !fieldsNamed(configProblem(c)).has(spec.key);
}

/**
 * Why the form cannot start while a field holds text that is not a number, or nothing: what
 * it takes, and the value the run would otherwise start with, when that value could start one
 * (a value typed before and refused, 2.5 steps say, is not offered).
 */
export function unparsedProblem(spec: FieldSpec, raw: string, c: TrainConfig): string {
  const held =
    raw.trim() === ''
      ? `${spec.key} is empty`
      : `${spec.key} holds "${raw}", which is not a number`;
  const takes = `${held}; enter ${fieldRange(spec, c)}`;
  return valueHolds(spec, c)
    ? `${takes} (the run would otherwise start with ${getField(c, spec.key)})`
    : takes;
}
