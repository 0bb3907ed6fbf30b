import { NEG_INF, type PackedObservations } from './observations';
import type { ModelConfig, ScoredBatch } from './types';

/** What the decoder reads at each step: the previous action, as a vocab id or a pointer. */
export interface DecoderInputs {
  /** S: decoded steps per row. */
  steps: number;
  /** [B * S]: each step's position within its answer part (the decoder's position embedding). */
  positions: Int32Array;
  /** [B * S]: previous vocab action, V for START, -1 when the previous action is a pointer. */
  prevVocab: Int32Array;
  /** [B * S * T]: one-hot of the previously pointed position (all zero otherwise). */
  prevPointer: Float32Array;
  /**
   * [B * S' * T * POINTER_FEATURES] (S' = S, or 1 when only the last step is decoded): where each
   * observation position stands relative to the pointers the row already chose.
   */
  pointerFeatures: Float32Array;
  /**
   * [B * S'] (S' as above): the observation token the previous action pointed at, -1 after a
   * vocabulary action, at the first step, or when no `wordAt` was given.
   */
  pointedWord: Int32Array;
}

/** How decoderInputs reads its prefixes. */
export interface DecoderInputOptions {
  /** Features for the last step only (sampling decodes one step at a time). */
  lastOnly?: boolean;
  /** The action that closes an answer part (`<END>`); absent: the answer is one part. */
  partEnd?: number | undefined;
  /** The token id at observation position `pos` of row `row` (for `pointedWord`). */
  wordAt?: (row: number, pos: number) => number;
}

/**
 * Features of a position p against the pointers decoded so far in the same answer: p was
 * already pointed at; p comes after the last pointer; p is close after it (exp(-(gap - 1) / 4)).
 * Before the first pointer, "the last pointer" is position -1 (so the first positions are next).
 * A new answer part (after `partEnd`) starts afresh: no pointer covered, the last one at -1.
 * A pointer network with only content attention struggles to say "the next literal" or "not
 * this one again" (answers repeated one literal for every argument); these let it learn both.
 */
export const POINTER_FEATURES = 3;
const NEAR_SCALE = 4;

function pointerFeatures(
  prefixes: readonly (readonly number[])[],
  steps: number,
  vocabSize: number,
  obsLength: number,
  lastOnly: boolean,
  partEnd: number,
): Float32Array {
  const F = POINTER_FEATURES;
  const outSteps = lastOnly ? 1 : steps;
  const out = new Float32Array(prefixes.length * outSteps * obsLength * F);
  const near = Float32Array.from({ length: obsLength }, (_, gap) => Math.exp(-gap / NEAR_SCALE));
  prefixes.forEach((prefix, b) => {
    const covered: number[] = [];
    let last = -1;
    for (let t = 0; t < steps; t++) {
      const previous = t > 0 ? prefix[t - 1] : undefined;
      if (previous === partEnd) {
        covered.length = 0;
        last = -1;
      } else if (previous !== undefined && previous >= vocabSize) {
        last = previous - vocabSize;
        covered.push(last);
      }
      if (lastOnly && t !== steps - 1) continue;
      const base = (b * outSteps + (lastOnly ? 0 : t)) * obsLength;
      for (const p of covered) out[(base + p) * F] = 1;
      for (let p = last + 1; p < obsLength; p++) {
        out[(base + p) * F + 1] = 1;
        out[(base + p) * F + 2] = near[p - last - 1]!;
      }
    }
  });
  return out;
}

/**
 * Each step's position within its answer part: steps count from 0 again after `partEnd`, so the
 * edit part of a composite answer (files, then edits) is decoded at the positions the editing
 * skill trained on. Padding steps go on counting.
 */
function partPositions(
  prefixes: readonly (readonly number[])[],
  steps: number,
  partEnd: number,
): Int32Array {
  const out = new Int32Array(prefixes.length * steps);
  prefixes.forEach((prefix, b) => {
    let start = 0;
    for (let t = 0; t < steps; t++) {
      if (t > 0 && prefix[t - 1] === partEnd) start = t;
      out[b * steps + t] = t - start;
    }
  });
  return out;
}

/** The token each step's previous action pointed at (-1 when it was no pointer). */
function pointedWords(
  prefixes: readonly (readonly number[])[],
  steps: number,
  vocabSize: number,
  lastOnly: boolean,
  wordAt: ((row: number, pos: number) => number) | undefined,
): Int32Array {
  const outSteps = lastOnly ? 1 : steps;
  const out = new Int32Array(prefixes.length * outSteps).fill(-1);
  if (!wordAt) return out;
  prefixes.forEach((prefix, b) => {
    for (let t = lastOnly ? steps - 1 : 1; t < steps; t++) {
      const previous = prefix[t - 1];
      if (previous === undefined || previous < vocabSize) continue;
      out[b * outSteps + (lastOnly ? 0 : t)] = wordAt(b, previous - vocabSize);
    }
  });
  return out;
}

/** Decoder inputs for prefixes; rows shorter than `steps - 1` are padded with empty inputs. */
export function decoderInputs(
  prefixes: readonly (readonly number[])[],
  steps: number,
  vocabSize: number,
  obsLength: number,
  options: DecoderInputOptions = {},
): DecoderInputs {
  const { lastOnly = false, partEnd = -1, wordAt } = options;
  const rows = prefixes.length;
  const prevVocab = new Int32Array(rows * steps).fill(-1);
  const prevPointer = new Float32Array(rows * steps * obsLength);
  prefixes.forEach((prefix, b) => {
    prevVocab[b * steps] = vocabSize;
    for (let t = 1; t < steps && t - 1 < prefix.length; t++) {
      const action = prefix[t - 1]!;
      if (action < vocabSize) prevVocab[b * steps + t] = action;
      else prevPointer[(b * steps + t) * obsLength + action - vocabSize] = 1;
    }
  });
  return {
    steps,
    positions: partPositions(prefixes, steps, partEnd),
    prevVocab,
    prevPointer,
    pointerFeatures: pointerFeatures(prefixes, steps, vocabSize, obsLength, lastOnly, partEnd),
    pointedWord: pointedWords(prefixes, steps, vocabSize, lastOnly, wordAt),
  };
}

/**
 * Writes one step's additive mask at `offset`: NEG_INF everywhere but the allowed ids.
 * `allowed === undefined` marks a padded step: everything 0, so its (ignored) loss stays finite.
 */
export function writeStepMask(
  allowed: readonly number[] | undefined,
  out: Float32Array,
  offset: number,
  vocabSize: number,
  width: number,
  obsLength: number,
): void {
  if (allowed === undefined) return void out.fill(0, offset, offset + width);
  if (allowed.length === 0) throw new RangeError('An allowed set is empty: nothing can be chosen');
  out.fill(NEG_INF, offset, offset + width);
  for (const id of allowed) {
    if (!Number.isInteger(id) || id < 0 || id >= vocabSize + obsLength) {
      throw new RangeError(`Allowed action ${id} is outside 0..${vocabSize + obsLength - 1}`);
    }
    out[offset + id] = 0;
  }
}

/** Everything a teacher-forced pass over a batch needs, padded to S steps and width V + T. */
export interface TrainingInputs extends DecoderInputs {
  /** [B * S * (V + T)] additive masks. */
  mask: Float32Array;
  /** [B * S] chosen action per step (0 on padding). */
  chosen: Int32Array;
  /** [B * S] 1 on real steps, 0 on padding. */
  weights: Float32Array;
  /** Number of real steps. */
  realSteps: number;
}

/** Validates a scored batch against packed observations and builds the padded inputs. */
export function packTraining(
  batch: ScoredBatch,
  obs: PackedObservations,
  config: ModelConfig,
): TrainingInputs {
  const { actions, allowed } = batch;
  const rows = batch.observations.length;
  if (actions.length !== rows || allowed.length !== rows) {
    throw new RangeError(`Batch has ${rows} observations, ${actions.length} action rows`);
  }
  const steps = Math.max(1, ...actions.map((a) => a.length));
  if (steps > config.maxActLen) {
    throw new RangeError(`An answer has ${steps} actions; maxActLen is ${config.maxActLen}`);
  }
  const V = config.vocabSize;
  const width = V + obs.length;
  const mask = new Float32Array(rows * steps * width);
  const chosen = new Int32Array(rows * steps);
  const weights = new Float32Array(rows * steps);
  for (let b = 0; b < rows; b++) {
    const seq = actions[b]!;
    if (allowed[b]!.length < seq.length) {
      throw new RangeError(`Row ${b} has ${seq.length} actions but ${allowed[b]!.length} sets`);
    }
    for (let t = 0; t < steps; t++) {
      const i = b * steps + t;
      const real = t < seq.length;
      writeStepMask(real ? allowed[b]![t] : undefined, mask, i * width, V, width, obs.lengths[b]!);
      if (!real) continue;
      const action = seq[t]!;
      if (!Number.isInteger(action) || action < 0 || mask[i * width + action] !== 0) {
        throw new RangeError(`Row ${b} step ${t}: action ${action} is not in its allowed set`);
      }
      chosen[i] = action;
      weights[i] = 1;
    }
  }
  const inputs = decoderInputs(actions, steps, V, obs.length, {
    partEnd: config.partEnd,
    wordAt: (b, pos) => obs.tokens[obs.rowOf[b]! * obs.length + pos]!,
  });
  const realSteps = actions.reduce((n, a) => n + a.length, 0);
  return { ...inputs, mask, chosen, weights, realSteps };
}

/** Per-step numbers (old or reference log-probs) padded to [B * S] with zeros. */
export function padPerStep(
  values: readonly (readonly number[])[],
  inputs: TrainingInputs,
): Float32Array {
  const out = new Float32Array(inputs.weights.length);
  const rows = inputs.weights.length / inputs.steps;
  if (values.length !== rows) throw new RangeError(`Expected ${rows} rows of log-probs`);
  for (let b = 0; b < rows; b++) {
    for (let t = 0; t < inputs.steps; t++) {
      const i = b * inputs.steps + t;
      if (inputs.weights[i] === 0) continue;
      const v = values[b]![t];
      if (v === undefined || !Number.isFinite(v)) {
        throw new RangeError(`Row ${b} step ${t}: log-prob ${v} is missing or not finite`);
      }
      out[i] = v;
    }
  }
  return out;
}
