import * as tf from '@tensorflow/tfjs-core';
import { decode, disposeStepCache, emptyStepCache, type StepCache } from './decoder';
import { buildMemory, encode, memoryOfRows } from './encoder';
import { packBatch, teacherForced, unpack } from './forward';
import { nextStepInputs, writeStepMask } from './inputs';
import { contentKey, groupedOrder, packObservations } from './observations';
import { cheapestRuns } from './lengthRuns';
import { batchPasses, DEFAULT_PASS_LIMITS, type PassLimits } from './passes';
import { ParamStore } from './params';
import { chooseAction, type UniformSource } from './sampling';
import {
  validateConfig,
  type AllowedFn,
  type ModelConfig,
  type NamedArray,
  type Observation,
  type SampleResult,
  type ScoredBatch,
} from './types';

/** Most observations one batched decode encodes at once (sampleBatch splits larger batches). */
export const DECODE_UNITS = 16;

/** One observation's part of a batched decode (see PolicyModel.sampleBatch). */
export interface DecodeItem {
  obs: Observation;
  allowed: AllowedFn;
  count: number;
  /** Where this item's draws come from; null: greedy (the most likely allowed action). */
  rng: UniformSource | null;
}

/**
 * What one more decode batch costs, in padded observation positions (see cheapestRuns): more
 * than a training pass, as each batch runs its own loop of decoding steps. Measured in Node on
 * wasm (a warm-start policy, 8 draws of 10 tasks, 2 of each skill, 8 answers each, the machine
 * shared with an evaluation): 861 ms a draw in one batch, 538 cut at 128 positions a batch, 522 at
 * 256, 513 at 512, 490 at 1,024 (short and long observations apart, short ones together).
 */
export const DECODE_BATCH_POSITIONS = 512;

/**
 * The items as decode batches (indices into `items`) of at most `units` distinct observations
 * each, by observation length: every observation of a batch is padded to its longest, so short
 * ones (a file list, a diff) decode apart from full-length ones (see cheapestRuns).
 */
export function decodeSlices(items: readonly { obs: Observation }[], units: number): number[][] {
  const keys = items.map((item) => contentKey(item.obs));
  return cheapestRuns(
    items.map((item) => item.obs.tokens.length),
    (run) => new Set(run.map((k) => keys[k])).size <= units,
    DECODE_BATCH_POSITIONS,
  );
}

function emptyResult(): SampleResult {
  return { actions: [], logProbs: [], entropies: [], top: [] };
}

/**
 * The policy: a transformer encoder over the observation and a decoder whose every step chooses
 * a vocabulary action or a pointer into the observation, restricted to the allowed set.
 */
export class PolicyModel {
  /** The variables; read by PolicyTrainer in this folder. */
  readonly params: ParamStore;
  private disposed = false;

  private constructor(readonly config: ModelConfig) {
    this.params = new ParamStore(config);
  }

  /** Builds a model with weights drawn deterministically from `config.seed`. */
  static create(config: ModelConfig): PolicyModel {
    validateConfig(config);
    return new PolicyModel({ ...config });
  }

  parameterCount(): number {
    return this.params.count();
  }

  /**
   * Samples `count` answers for one observation in parallel (a GRPO group). The encoder runs
   * once; each step runs the decoder on the new step alone (earlier steps' keys and values
   * cached) and draws on the JS side from `rng`, rows in order, so a seed gives the same answers
   * on a deterministic backend.
   */
  async sampleGroup(
    obs: Observation,
    allowed: AllowedFn,
    count: number,
    temperature: number,
    rng: UniformSource,
  ): Promise<SampleResult[]> {
    const [group] = await this.sampleBatch([{ obs, allowed, count, rng }], temperature);
    return group!;
  }

  /**
   * Several groups decoded together: each item's `count` answers to its observation, drawn from
   * its own `rng` (null: greedy). The items decode in batches of observations of similar length
   * (at most DECODE_UNITS distinct observations a batch, see decodeSlices), shortest first, each
   * batch to its end; the rows still decoding run the decoder in one batch per step, so many
   * small groups cost about what one large group does. At each step a batch's rows draw in item
   * order, then row order; an item alone decodes exactly as `sampleGroup`.
   */
  async sampleBatch(items: readonly DecodeItem[], temperature: number): Promise<SampleResult[][]> {
    if (!(temperature >= 0)) throw new RangeError('temperature must be >= 0');
    for (const item of items) {
      if (!Number.isInteger(item.count) || item.count < 1) {
        throw new RangeError('count must be >= 1');
      }
    }
    const out = new Array<SampleResult[]>(items.length);
    for (const slice of decodeSlices(items, DECODE_UNITS)) {
      const groups = await this.decodeBatch(
        slice.map((k) => items[k]!),
        temperature,
      );
      slice.forEach((k, n) => (out[k] = groups[n]!));
    }
    return out;
  }

  /** Greedy decode: the most likely allowed action at every step. */
  async greedy(obs: Observation, allowed: AllowedFn): Promise<SampleResult> {
    const [[result]] = (await this.sampleBatch([{ obs, allowed, count: 1, rng: null }], 0)) as [
      [SampleResult],
    ];
    return result;
  }

  /**
   * Log-probs of the given actions under the current weights, per step (no gradient), in
   * passes within `limits` (see planPasses; a training pass's limits, so a safe margin here).
   */
  async logProbs(batch: ScoredBatch, limits: Partial<PassLimits> = {}): Promise<number[][]> {
    this.assertAlive();
    const passes = batchPasses(batch, this.config, { ...DEFAULT_PASS_LIMITS, ...limits });
    if (passes.length === 1 && passes[0]!.part === batch) return this.scorePass(batch);
    const out: number[][] = batch.actions.map(() => []);
    for (const { rows, part } of passes) {
      const scored = await this.scorePass(part);
      rows.forEach((r, i) => (out[r] = scored[i]!));
    }
    return out;
  }

  private async scorePass(batch: ScoredBatch): Promise<number[][]> {
    const packed = packBatch(batch, this.config);
    const chosen = tf.tidy(() => teacherForced(this.params, this.config, packed).chosen);
    const values = (await chosen.data()) as Float32Array;
    chosen.dispose();
    return unpack(values, packed);
  }

  async getWeights(): Promise<NamedArray[]> {
    this.assertAlive();
    return this.params.read();
  }

  /** Replaces all weights (same names and shapes as getWeights), or throws and changes nothing. */
  setWeights(weights: readonly NamedArray[]): void {
    this.assertAlive();
    this.params.write(weights);
  }

  dispose(): void {
    if (this.disposed) return;
    this.params.dispose();
    this.disposed = true;
  }

  /** Throws once disposed, instead of failing later inside a kernel. */
  assertAlive(): void {
    if (this.disposed) throw new Error('PolicyModel was disposed');
  }

  private async decodeBatch(
    items: readonly DecodeItem[],
    temperature: number,
  ): Promise<SampleResult[][]> {
    this.assertAlive();
    const c = this.config;
    // Rows in item order; packed so that rows of identical observations are adjacent.
    const rows = items.flatMap((item, k) => Array.from({ length: item.count }, () => k));
    const order = groupedOrder(rows.map((k) => items[k]!.obs));
    const at = new Array<number>(rows.length);
    order.forEach((row, i) => (at[row] = i));
    const obs = packObservations(
      order.map((row) => items[rows[row]!]!.obs),
      c,
    );
    const T = obs.length;
    const width = c.vocabSize + T;
    const count = rows.length;
    const memory = tf.tidy(() => {
      const states = encode(this.params, c, obs);
      return buildMemory(this.params, c, states, obs, obs.groups);
    });
    // Results and state by packed row; `live`: the packed rows still decoding, in packed order
    // (the cache holds their rows, in that order).
    const results = Array.from({ length: count }, emptyResult);
    const itemOf = order.map((row) => items[rows[row]!]!);
    let live = results.map((_, i) => i);
    const cache = emptyStepCache();
    try {
      for (let step = 0; step < c.maxActLen; step++) {
        const sets = new Map<number, readonly number[]>();
        for (const i of live) {
          const set = itemOf[i]!.allowed(step, results[i]!.actions);
          if (set !== null) sets.set(i, set);
        }
        if (sets.size === 0) break;
        if (sets.size < live.length) {
          // Finished answers leave the batch: only the rows still decoding run the decoder.
          const kept = live.flatMap((i, b) => (sets.has(i) ? [b] : []));
          dropRows(cache, kept);
          live = kept.map((b) => live[b]!);
        }
        const n = live.length;
        const mask = new Float32Array(n * width);
        live.forEach((i, b) =>
          writeStepMask(sets.get(i), mask, b * width, c.vocabSize, width, obs.lengths[i]!),
        );
        const inputs = nextStepInputs(
          live.map((i) => results[i]!.actions),
          step,
          c.vocabSize,
          T,
          {
            partEnd: c.partEnd,
            wordAt: (b, pos) => obs.tokens[obs.rowOf[live[b]!]! * T + pos]!,
          },
        );
        const view = memoryOfRows(memory, live);
        const logp = tf.tidy(() => {
          const logits = decode(this.params, c, view, inputs, cache);
          return tf.logSoftmax(tf.add(logits, tf.tensor2d(mask, [n, width])));
        });
        let values: Float32Array;
        try {
          values = (await logp.data()) as Float32Array;
        } finally {
          logp.dispose();
        }
        const slot = new Map(live.map((i, b) => [i, b]));
        // Draws in item order, then row order (not packed order).
        for (let row = 0; row < count; row++) {
          const i = at[row]!;
          const set = sets.get(i);
          if (!set) continue;
          const choice = chooseAction(
            values,
            slot.get(i)! * width,
            set,
            temperature,
            itemOf[i]!.rng,
          );
          const r = results[i]!;
          r.actions.push(choice.action);
          r.logProbs.push(choice.logProb);
          r.entropies.push(choice.entropy);
          r.top.push(choice.top);
        }
      }
    } finally {
      tf.dispose(memory);
      disposeStepCache(cache);
    }
    const byItem: SampleResult[][] = items.map(() => []);
    rows.forEach((k, row) => byItem[k]!.push(results[at[row]!]!));
    return byItem;
  }
}

/** Keeps the cache's rows `kept` (indices into its rows, ascending), disposing the rest. */
function dropRows(cache: StepCache, kept: readonly number[]): void {
  if (cache.keys.length === 0) return;
  const index = tf.tensor1d(Int32Array.from(kept), 'int32');
  for (const part of [cache.keys, cache.values]) {
    part.forEach((t, layer) => {
      part[layer] = tf.gather(t, index, 0);
      t.dispose();
    });
  }
  index.dispose();
}
