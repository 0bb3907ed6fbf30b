import * as tf from '@tensorflow/tfjs-core';
import { assignNamed } from './params';
import type { NamedArray } from './types';

export interface AdamOptions {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

const STEP = 'adam.step';

/**
 * Adam with its whole state (moments and step count) readable and restorable synchronously,
 * which tf.train.adam does not offer; the update is the textbook one with bias correction.
 */
export class Adam {
  private step = 0;
  private readonly moments = new Map<string, tf.Variable>();

  constructor(
    private readonly params: readonly [string, tf.Variable][],
    private readonly options: AdamOptions,
  ) {
    this.setLearningRate(options.learningRate);
    for (const beta of [options.beta1, options.beta2]) {
      if (!(beta >= 0 && beta < 1))
        throw new RangeError(`Adam betas must be in [0, 1), got ${beta}`);
    }
    for (const [name, v] of params) {
      // Variables outlive the tidy; the zero tensors they were made from do not.
      this.moments.set(
        `m/${name}`,
        tf.tidy(() => tf.variable(tf.zerosLike(v), false)),
      );
      this.moments.set(
        `v/${name}`,
        tf.tidy(() => tf.variable(tf.zerosLike(v), false)),
      );
    }
  }

  setLearningRate(lr: number): void {
    if (!(lr >= 0)) throw new RangeError(`Learning rate must be >= 0, got ${lr}`);
    this.options.learningRate = lr;
  }

  /** One update from gradients keyed by parameter name, each multiplied by `scale` first. */
  apply(grads: ReadonlyMap<string, tf.Tensor>, scale: tf.Scalar): void {
    this.step += 1;
    const { learningRate, beta1, beta2, epsilon } = this.options;
    const correct1 = 1 - beta1 ** this.step;
    const correct2 = 1 - beta2 ** this.step;
    tf.tidy(() => {
      for (const [name, param] of this.params) {
        const raw = grads.get(name);
        if (!raw) continue;
        const g = tf.mul(raw, scale);
        const m = this.moments.get(`m/${name}`)!;
        const v = this.moments.get(`v/${name}`)!;
        m.assign(tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1)));
        v.assign(tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2)));
        const denom = tf.add(tf.sqrt(tf.div(v, correct2)), epsilon);
        param.assign(tf.sub(param, tf.mul(tf.div(tf.div(m, correct1), denom), learningRate)));
      }
    });
  }

  async getState(): Promise<NamedArray[]> {
    const out: NamedArray[] = [{ name: STEP, shape: [], values: Float32Array.of(this.step) }];
    for (const [name, v] of this.moments) {
      out.push({ name, shape: [...v.shape], values: new Float32Array(await v.data()) });
    }
    return out;
  }

  /** Restores a state from getState of an optimizer over the same model layout. */
  setState(state: readonly NamedArray[]): void {
    const step = state.find((s) => s.name === STEP);
    const value = step?.values[0];
    if (value === undefined || !Number.isInteger(value) || value < 0) {
      throw new RangeError(`Optimizer state needs a non-negative integer "${STEP}"`);
    }
    assignNamed(
      this.moments,
      state.filter((s) => s !== step),
      'optimizer state',
    );
    this.step = value;
  }

  dispose(): void {
    for (const v of this.moments.values()) v.dispose();
    this.moments.clear();
  }
}
