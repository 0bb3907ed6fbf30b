/** A scored batch laid out for a teacher-forced pass: decoder runs, step masks, chosen actions. */
import { planChunks } from './chunks';
import { decoderInputs, writeStepMask, type DecoderInputs } from './inputs';
import type { PackedObservations } from './observations';
import type { ModelConfig, ScoredBatch } from './types';

/**
 * Everything a teacher-forced pass over a batch needs: its decoder runs (see chunkInputs); and
 * per real step (the N output steps, row by row) its mask over V + T
 * ids and the action chosen.
 */
export interface TrainingInputs {
  /** The batch's decoder runs over consecutive chunks, in row order (see chunkInputs). */
  parts: DecoderPart[];
  /** [N * (V + T)] additive masks. */
  mask: Float32Array;
  /** [N] the action chosen at each real step. */
  chosen: Int32Array;
  /** Real steps per row (the answers' lengths), in row order. */
  answerLengths: number[];
}

/** Validates a scored batch against packed observations and builds the inputs. */
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
  const answerLengths = actions.map((a) => a.length);
  const real = answerLengths.reduce((n, l) => n + l, 0);
  if (real === 0) throw new RangeError('The batch has no actions to score');
  const V = config.vocabSize;
  const width = V + obs.length;
  const mask = new Float32Array(real * width);
  const chosen = new Int32Array(real);
  let i = 0;
  for (let b = 0; b < rows; b++) {
    const seq = actions[b]!;
    if (allowed[b]!.length < seq.length) {
      throw new RangeError(`Row ${b} has ${seq.length} actions but ${allowed[b]!.length} sets`);
    }
    seq.forEach((action, t) => {
      writeStepMask(allowed[b]![t], mask, i * width, V, width, obs.lengths[b]!);
      if (!Number.isInteger(action) || action < 0 || mask[i * width + action] !== 0) {
        throw new RangeError(`Row ${b} step ${t}: action ${action} is not in its allowed set`);
      }
      chosen[i++] = action;
    });
  }
  return { parts: chunkInputs(actions, obs, config), mask, chosen, answerLengths };
}

/**
 * Padded decoder steps that cost about what one more decoder run does (its fixed cost: a few
 * hundred small kernels, forward and backward): two neighbouring chunks decode together unless
 * that pads more steps than this beyond decoding them apart.
 */
export const DECODER_RUN_STEPS = 32;

/** A run of consecutive chunks decoded together, and its rows' decoder inputs. */
export interface DecoderPart {
  /** Its first chunk (of planChunks over the packed observations) and how many. */
  firstChunk: number;
  chunks: number;
  /** Its rows (local indices), padded to its longest answer; each row's real steps scored. */
  inputs: DecoderInputs;
}

/**
 * The packed observations' chunks in runs decoded together, each padded to its own longest
 * answer, not the batch's: a GRPO group's rows form a chunk (or share one with other short
 * observations), so one long answer elsewhere in the batch does not make every row run the
 * decoder for as many steps. Neighbouring chunks join a run while that costs fewer padded steps
 * than a run of their own (DECODER_RUN_STEPS). Runs whose answers are all empty are left out.
 */
export function chunkInputs(
  actions: readonly (readonly number[])[],
  obs: PackedObservations,
  config: ModelConfig,
): DecoderPart[] {
  type Run = { firstChunk: number; chunks: number; firstRow: number; rows: number; steps: number };
  const runs: Run[] = [];
  planChunks(obs.unitLengths, obs.groups, obs.length).forEach((chunk, n) => {
    const own = actions.slice(chunk.firstRow, chunk.firstRow + chunk.rows);
    const steps = Math.max(...own.map((a) => a.length));
    const last = runs[runs.length - 1];
    if (last) {
      const apart = last.rows * last.steps + chunk.rows * steps + DECODER_RUN_STEPS;
      const together = (last.rows + chunk.rows) * Math.max(last.steps, steps);
      if (together <= apart) {
        last.chunks += 1;
        last.rows += chunk.rows;
        last.steps = Math.max(last.steps, steps);
        return;
      }
    }
    runs.push({ firstChunk: n, chunks: 1, firstRow: chunk.firstRow, rows: chunk.rows, steps });
  });
  return runs
    .filter((run) => run.steps > 0)
    .map((run) => ({
      firstChunk: run.firstChunk,
      chunks: run.chunks,
      inputs: decoderInputs(
        actions.slice(run.firstRow, run.firstRow + run.rows),
        run.steps,
        config.vocabSize,
        obs.length,
        {
          outputs: 'real',
          partEnd: config.partEnd,
          wordAt: (b, pos) => obs.tokens[obs.rowOf[run.firstRow + b]! * obs.length + pos]!,
        },
      ),
    }));
}

/** Per-step numbers (old or reference log-probs), each row's real steps in turn: [N]. */
export function flattenSteps(
  values: readonly (readonly number[])[],
  inputs: TrainingInputs,
): Float32Array {
  const out = new Float32Array(inputs.chosen.length);
  if (values.length !== inputs.answerLengths.length) {
    throw new RangeError(`Expected ${inputs.answerLengths.length} rows of log-probs`);
  }
  let i = 0;
  inputs.answerLengths.forEach((length, b) => {
    for (let t = 0; t < length; t++) {
      const v = values[b]![t];
      if (v === undefined || !Number.isFinite(v)) {
        throw new RangeError(`Row ${b} step ${t}: log-prob ${v} is missing or not finite`);
      }
      out[i++] = v;
    }
  });
  return out;
}

/** One number per row repeated over the row's real steps: [N]. */
export function repeatPerStep(perRow: ArrayLike<number>, inputs: TrainingInputs): Float32Array {
  const out = new Float32Array(inputs.chosen.length);
  let i = 0;
  inputs.answerLengths.forEach((length, b) => out.fill(perRow[b]!, i, (i += length)));
  return out;
}
