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

/** Mean of a [B, S] tensor over the real steps (padded steps weigh 0). */
function stepMean(x: tf.Tensor, f: TeacherForced, realSteps: number): tf.Scalar {
  return tf.div(tf.sum(tf.mul(x, f.weights)), Math.max(realSteps, 1));
}

/**
 * PPO-clipped GRPO loss, averaged over every real step of the batch (token-level mean):
 * -mean[min(r A, clip(r, 1-eps, 1+eps) A)] - entropyCoef H + klCoef KL, where r is the ratio to
 * the sampling-time policy and KL the k3 estimate exp(ref - new) - (ref - new) - 1.
 */
export function grpoLoss(
  f: TeacherForced,
  realSteps: number,
  oldLogProbs: tf.Tensor2D,
  refLogProbs: tf.Tensor2D | null,
  advantages: tf.Tensor2D,
  config: LossConfig,
): LossTerms {
  const logRatio = tf.clipByValue(tf.sub(f.chosen, oldLogProbs), -MAX_LOG_RATIO, MAX_LOG_RATIO);
  const ratio = tf.exp(logRatio);
  const unclipped = tf.mul(ratio, advantages);
  const clipped = tf.mul(tf.clipByValue(ratio, 1 - config.clipEps, 1 + config.clipEps), advantages);
  const policyLoss = tf.neg(stepMean(tf.minimum(unclipped, clipped), f, realSteps));
  const entropy = stepMean(f.entropy, f, realSteps);
  let kl: tf.Scalar = tf.scalar(0);
  if (refLogProbs) {
    const diff = tf.clipByValue(tf.sub(refLogProbs, f.chosen), -MAX_LOG_RATIO, MAX_LOG_RATIO);
    kl = stepMean(tf.sub(tf.sub(tf.exp(diff), diff), 1), f, realSteps);
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
    clipFraction: stepMean(outside, f, realSteps),
  };
}

/** Behaviour cloning: mean negative log-likelihood of the given actions over real steps. */
export function supervisedLoss(f: TeacherForced, realSteps: number): LossTerms {
  const nll = tf.neg(stepMean(f.chosen, f, realSteps));
  return {
    loss: nll,
    policyLoss: nll,
    entropy: stepMean(f.entropy, f, realSteps),
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
