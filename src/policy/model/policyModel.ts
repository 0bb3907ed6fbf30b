import * as tf from '@tensorflow/tfjs-core';
import { decode, disposeStepCache, emptyStepCache } from './decoder';
import { buildMemory, encode, type Memory } from './encoder';
import { packBatch, teacherForced, unpack } from './forward';
import { nextStepInputs, writeStepMask } from './inputs';
import { packObservations } from './observations';
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
   * once; each step runs the decoder on the new step alone (earlier steps' keys and values cached) and draws on the JS side from `rng`,
   * rows in order, so a seed gives the same answers on a deterministic backend.
   */
  async sampleGroup(
    obs: Observation,
    allowed: AllowedFn,
    count: number,
    temperature: number,
    rng: UniformSource,
  ): Promise<SampleResult[]> {
    if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be >= 1');
    if (!(temperature >= 0)) throw new RangeError('temperature must be >= 0');
    return this.decodeGroup(obs, allowed, count, temperature, rng);
  }

  /** Greedy decode: the most likely allowed action at every step. */
  async greedy(obs: Observation, allowed: AllowedFn): Promise<SampleResult> {
    const [result] = await this.decodeGroup(obs, allowed, 1, 0, null);
    return result!;
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

  private memoryFor(obs: Observation, rows: number): Memory {
    const packed = packObservations([obs], this.config);
    return tf.tidy(() => {
      const states = encode(this.params, this.config, packed);
      return buildMemory(this.params, this.config, states, packed, [rows]);
    });
  }

  private async decodeGroup(
    obs: Observation,
    allowed: AllowedFn,
    count: number,
    temperature: number,
    rng: UniformSource | null,
  ): Promise<SampleResult[]> {
    this.assertAlive();
    const c = this.config;
    const obsLength = obs.tokens.length;
    const width = c.vocabSize + obsLength;
    const memory = this.memoryFor(obs, count);
    const results = Array.from({ length: count }, emptyResult);
    const active = new Array<boolean>(count).fill(true);
    const cache = emptyStepCache();
    try {
      for (let step = 0; step < c.maxActLen; step++) {
        const sets = results.map((r, i) => (active[i] ? allowed(step, r.actions) : null));
        sets.forEach((s, i) => (active[i] = s !== null));
        if (!active.includes(true)) break;
        const mask = new Float32Array(count * width);
        sets.forEach((s, i) =>
          writeStepMask(s ?? undefined, mask, i * width, c.vocabSize, width, obsLength),
        );
        const inputs = nextStepInputs(
          results.map((r) => r.actions),
          step,
          c.vocabSize,
          obsLength,
          { partEnd: c.partEnd, wordAt: (_, pos) => obs.tokens[pos]! },
        );
        const logp = tf.tidy(() => {
          const logits = decode(this.params, c, memory, inputs, cache);
          return tf.logSoftmax(tf.add(logits, tf.tensor2d(mask, [count, width])));
        });
        let values: Float32Array;
        try {
          values = (await logp.data()) as Float32Array;
        } finally {
          logp.dispose();
        }
        sets.forEach((s, i) => {
          if (!s) return;
          const choice = chooseAction(values, i * width, s, temperature, rng);
          const r = results[i]!;
          r.actions.push(choice.action);
          r.logProbs.push(choice.logProb);
          r.entropies.push(choice.entropy);
          r.top.push(choice.top);
        });
      }
    } finally {
      tf.dispose(memory);
      disposeStepCache(cache);
    }
    return results;
  }
}
