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
 * Per-step weights of a mean taken per row (answer), then over rows: each real step of row i
 * weighs 1 / (len_i * rows). Constants of the batch, so no gradient flows through them.
 */
function episodeWeights(f: TeacherForced): tf.Tensor2D {
  const rows = f.weights.shape[0];
  const lengths = tf.maximum(tf.sum(f.weights, 1, true), 1);
  return tf.div(f.weights, tf.mul(lengths, Math.max(rows, 1)));
}

/**
 * PPO-clipped GRPO loss, averaged over every real step of the batch (token-level mean), or
 * per answer and then over answers with `episodeMean`:
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
  const perAnswer = config.episodeMean === true ? episodeWeights(f) : null;
  const mean = (x: tf.Tensor): tf.Scalar =>
    perAnswer ? tf.sum(tf.mul(x, perAnswer)) : stepMean(x, f, realSteps);
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
