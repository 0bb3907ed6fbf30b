/** What the decoder reads at each step of an answer, and the step masks of the allowed actions. */
import { NEG_INF } from './observations';

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
   * The steps the decoder scores (its output rows), as ascending indices into [B * S]: every
   * step, each row's last (sampling), or each row's real steps (training: padding is never
   * scored, so the output layer costs real steps only).
   */
  outputs: Int32Array;
  /**
   * [N * T * POINTER_FEATURES] over the N output steps: where each observation position stands
   * relative to the pointers the row already chose.
   */
  pointerFeatures: Float32Array;
  /**
   * [N] over the output steps: the observation token the previous action pointed at, -1 after a
   * vocabulary action, at the first step, or when no `wordAt` was given.
   */
  pointedWord: Int32Array;
}

/**
 * Which steps decoderInputs lays out as outputs: all of them, each row's last, or each row's
 * real steps (t < its prefix's length, the prefix being the whole answer when training).
 */
export type OutputSteps = 'all' | 'last' | 'real';

/** The output steps as ascending indices into [B * S]. */
export function outputSteps(
  prefixes: readonly (readonly number[])[],
  steps: number,
  which: OutputSteps,
): Int32Array {
  const out: number[] = [];
  prefixes.forEach((prefix, b) => {
    if (which === 'last') return void out.push(b * steps + steps - 1);
    const count = which === 'all' ? steps : Math.min(prefix.length, steps);
    for (let t = 0; t < count; t++) out.push(b * steps + t);
  });
  return Int32Array.from(out);
}

/** How decoderInputs reads its prefixes. */
export interface DecoderInputOptions {
  /** The steps to score (default all). */
  outputs?: OutputSteps;
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
  outputs: Int32Array,
  partEnd: number,
): Float32Array {
  const F = POINTER_FEATURES;
  const out = new Float32Array(outputs.length * obsLength * F);
  const near = Float32Array.from({ length: obsLength }, (_, gap) => Math.exp(-gap / NEAR_SCALE));
  let k = 0;
  prefixes.forEach((prefix, b) => {
    const covered: number[] = [];
    let last = -1;
    for (let t = 0; t < steps && k < outputs.length; t++) {
      const previous = t > 0 ? prefix[t - 1] : undefined;
      if (previous === partEnd) {
        covered.length = 0;
        last = -1;
      } else if (previous !== undefined && previous >= vocabSize) {
        last = previous - vocabSize;
        covered.push(last);
      }
      if (outputs[k] !== b * steps + t) continue;
      const base = k++ * obsLength;
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

/** The token each output step's previous action pointed at (-1 when it was no pointer). */
function pointedWords(
  prefixes: readonly (readonly number[])[],
  steps: number,
  vocabSize: number,
  outputs: Int32Array,
  wordAt: ((row: number, pos: number) => number) | undefined,
): Int32Array {
  const out = new Int32Array(outputs.length).fill(-1);
  if (!wordAt) return out;
  outputs.forEach((at, k) => {
    const [b, t] = [Math.floor(at / steps), at % steps];
    const previous = t > 0 ? prefixes[b]![t - 1] : undefined;
    if (previous !== undefined && previous >= vocabSize) out[k] = wordAt(b, previous - vocabSize);
  });
  return out;
}

/**
 * Writes decoder slot `slot`'s previous action: a vocabulary id into `prevVocab`, or a pointer as
 * a one-hot over the observation's positions into `prevPointer`.
 */
function writePrevious(
  action: number,
  slot: number,
  prevVocab: Int32Array,
  prevPointer: Float32Array,
  vocabSize: number,
  obsLength: number,
): void {
  if (action < vocabSize) prevVocab[slot] = action;
  else prevPointer[slot * obsLength + action - vocabSize] = 1;
}

/** Decoder inputs for prefixes; rows shorter than `steps - 1` are padded with empty inputs. */
export function decoderInputs(
  prefixes: readonly (readonly number[])[],
  steps: number,
  vocabSize: number,
  obsLength: number,
  options: DecoderInputOptions = {},
): DecoderInputs {
  const { partEnd = -1, wordAt } = options;
  const outputs = outputSteps(prefixes, steps, options.outputs ?? 'all');
  const rows = prefixes.length;
  const prevVocab = new Int32Array(rows * steps).fill(-1);
  const prevPointer = new Float32Array(rows * steps * obsLength);
  prefixes.forEach((prefix, b) => {
    prevVocab[b * steps] = vocabSize;
    for (let t = 1; t < steps && t - 1 < prefix.length; t++) {
      writePrevious(prefix[t - 1]!, b * steps + t, prevVocab, prevPointer, vocabSize, obsLength);
    }
  });
  return {
    steps,
    positions: partPositions(prefixes, steps, partEnd),
    prevVocab,
    prevPointer,
    outputs,
    pointerFeatures: pointerFeatures(prefixes, steps, vocabSize, obsLength, outputs, partEnd),
    pointedWord: pointedWords(prefixes, steps, vocabSize, outputs, wordAt),
  };
}

/**
 * Decoder inputs for step `step` alone of every row (a cached decoder step, see decode): what
 * decoderInputs(prefixes, step + 1, ..., { outputs: 'last' }) lays out for the rows' last steps,
 * with `steps` 1. Rows whose prefix is shorter than `step` (finished answers) get empty inputs.
 */
export function nextStepInputs(
  prefixes: readonly (readonly number[])[],
  step: number,
  vocabSize: number,
  obsLength: number,
  options: Omit<DecoderInputOptions, 'outputs'> = {},
): DecoderInputs {
  const { partEnd = -1, wordAt } = options;
  const rows = prefixes.length;
  const S = step + 1;
  const last = Int32Array.from(prefixes, (_, b) => b * S + step);
  const everyStep = partPositions(prefixes, S, partEnd);
  const positions = Int32Array.from(last, (at) => everyStep[at]!);
  const prevVocab = new Int32Array(rows).fill(-1);
  const prevPointer = new Float32Array(rows * obsLength);
  prefixes.forEach((prefix, b) => {
    if (step === 0) prevVocab[b] = vocabSize;
    else if (step - 1 < prefix.length) {
      writePrevious(prefix[step - 1]!, b, prevVocab, prevPointer, vocabSize, obsLength);
    }
  });
  return {
    steps: 1,
    positions,
    prevVocab,
    prevPointer,
    outputs: Int32Array.from(prefixes, (_, b) => b),
    pointerFeatures: pointerFeatures(prefixes, S, vocabSize, obsLength, last, partEnd),
    pointedWord: pointedWords(prefixes, S, vocabSize, last, wordAt),
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
