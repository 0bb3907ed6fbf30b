import * as tf from '@tensorflow/tfjs-core';
import type { TeacherForced } from './forward';
import type { LossConfig } from './types';

/** Scalars of one loss evaluation; `loss` is what is differentiated. */
export type LossTerms = {
  loss: tf.Scalar;
  policyLoss: tf.Scalar;
  entropy: tf.Scalar;
  kl: tf.Scalar;
  clipFraction: tf.Scalar;
};

/** Log-ratios beyond this are clamped so exp() cannot overflow float32 into inf * 0 = NaN. */
const MAX_LOG_RATIO = 20;

/** Mean of an [N] tensor over the real steps. */
function stepMean(x: tf.Tensor): tf.Scalar {
  return tf.div(tf.sum(x), Math.max(x.shape[0] ?? 1, 1));
}

/**
 * Per-step weights [N] (summing to 1) of the loss's mean over the real steps, or null for the
 * plain token-level mean. `perAnswer`: a mean per answer, then over answers (an answer of length
 * l among A answers: 1 / (l * A) per step). `groups` (one id per answer): the same within each
 * group, then a mean over the groups (a group of n steps among G groups: 1 / (n * G) per step;
 * with `perAnswer`, 1 / (l * A_g * G)).
 */
export function stepWeights(
  answerLengths: readonly number[],
  perAnswer: boolean,
  groups?: readonly number[],
): Float32Array | null {
  if (!perAnswer && !groups) return null;
  if (groups && groups.length !== answerLengths.length) {
    throw new RangeError(`${groups.length} loss groups for ${answerLengths.length} answers`);
  }
  const groupOf = (b: number) => groups?.[b] ?? 0;
  // Per group: its answers (that have steps) and its steps.
  const answers = new Map<number, number>();
  const steps = new Map<number, number>();
  answerLengths.forEach((length, b) => {
    if (length === 0) return;
    answers.set(groupOf(b), (answers.get(groupOf(b)) ?? 0) + 1);
    steps.set(groupOf(b), (steps.get(groupOf(b)) ?? 0) + length);
  });
  const G = answers.size;
  const out = new Float32Array(answerLengths.reduce((n, l) => n + l, 0));
  let i = 0;
  answerLengths.forEach((length, b) => {
    const g = groupOf(b);
    const w = perAnswer ? 1 / (length * answers.get(g)! * G) : 1 / (steps.get(g)! * G);
    out.fill(w, i, (i += length));
  });
  return out;
}

/**
 * PPO-clipped GRPO loss, averaged over every real step of the batch (token-level mean), or
 * weighted by `weights` (see stepWeights: per answer, per loss group):
 * -mean[min(r A, clip(r, 1-eps, 1+eps) A)] - entropyCoef H + klCoef KL, where r is the ratio to
 * the sampling-time policy and KL the k3 estimate exp(ref - new) - (ref - new) - 1. Every
 * tensor is [N] over the real steps; `advantages` repeats each answer's advantage per step.
 */
export function grpoLoss(
  f: TeacherForced,
  oldLogProbs: tf.Tensor1D,
  refLogProbs: tf.Tensor1D | null,
  advantages: tf.Tensor1D,
  config: LossConfig,
  perAnswer: tf.Tensor1D | null,
): LossTerms {
  const mean = (x: tf.Tensor): tf.Scalar =>
    perAnswer ? tf.sum(tf.mul(x, perAnswer)) : stepMean(x);
  const logRatio = tf.clipByValue(tf.sub(f.chosen, oldLogProbs), -MAX_LOG_RATIO, MAX_LOG_RATIO);
  const ratio = tf.exp(logRatio);
  const unclipped = tf.mul(ratio, advantages);
  const clipped = tf.mul(tf.clipByValue(ratio, 1 - config.clipEps, 1 + config.clipEps), advantages);
  const policyLoss = tf.neg(mean(tf.minimum(unclipped, clipped)));
  const entropy = mean(f.entropy);
  let kl: tf.Scalar = tf.scalar(0);
  if (refLogProbs) {
    const diff = tf.clipByValue(tf.sub(refLogProbs, f.chosen), -MAX_LOG_RATIO, MAX_LOG_RATIO);
    kl = mean(tf.sub(tf.sub(tf.exp(diff), diff), 1));
  }
  const outside = tf.cast(tf.greater(tf.abs(tf.sub(ratio, 1)), config.clipEps), 'float32');
  const loss: tf.Scalar = tf.add(
    tf.sub(policyLoss, tf.mul(entropy, config.entropyCoef)),
    tf.mul(kl, config.klCoef),
  );
  return {
    loss,
    policyLoss,
    entropy,
    kl,
    clipFraction: mean(outside),
  };
}

/**
 * Behaviour cloning: mean negative log-likelihood of the given actions over real steps (or
 * weighted by `weights`, a pass's share of a bigger batch's mean).
 */
export function supervisedLoss(f: TeacherForced, weights: tf.Tensor1D | null = null): LossTerms {
  const mean = (x: tf.Tensor): tf.Scalar => (weights ? tf.sum(tf.mul(x, weights)) : stepMean(x));
  const nll = tf.neg(mean(f.chosen));
  return {
    loss: nll,
    policyLoss: nll,
    entropy: mean(f.entropy),
    kl: tf.scalar(0),
    clipFraction: tf.scalar(0),
  };
}

/** Validates a loss configuration (a negative clip range would invert the objective). */
export function validateLossConfig(config: LossConfig): void {
  if (!(config.clipEps > 0 && config.clipEps < 1))
    throw new RangeError('clipEps must be in (0, 1)');
  if (!(config.entropyCoef >= 0)) throw new RangeError('entropyCoef must be >= 0');
  if (!(config.klCoef >= 0)) throw new RangeError('klCoef must be >= 0');
}
