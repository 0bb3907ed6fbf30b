import type { TrainConfig } from './config';

/** The settings that take any number in a range (the whole-number ones are checked apart). */
const FRACTIONAL_FIELDS = [
  'temperature',
  'learningRate',
  'warmStartLearningRate',
  'clipEps',
  'klCoef',
  'entropyCoef',
  'maxGradNorm',
  'minLrRatio',
] as const satisfies readonly (keyof TrainConfig)[];

/** The settings that are on or off. */
const FLAG_FIELDS = [
  'advantageStd',
  'keepFlatGroups',
  'episodeMean',
  'kindMean',
  'projectConflicts',
  'tagToDecoder',
] as const satisfies readonly (keyof TrainConfig)[];

/**
 * A setting of the wrong type, or null: a hand-edited bundle's "0.2" or "false" would pass the
 * range checks by coercion, then break a step or be read the other way (review 43rl F10).
 */
export function fieldTypeProblem(c: TrainConfig): string | null {
  for (const k of FRACTIONAL_FIELDS) {
    const v = c[k] as unknown;
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v)))
      return `${k} must be a number, got ${JSON.stringify(v)}`;
  }
  for (const k of FLAG_FIELDS) {
    const v = c[k] as unknown;
    if (v !== undefined && typeof v !== 'boolean')
      return `${k} must be true or false, got ${JSON.stringify(v)}`;
  }
  return null;
}
